namespace GoMod.Core.Auth;

/// <summary>
/// A GOAUTH command (go's <c>userauth.go</c>): run with no argument before the first https request, and with the URL
/// (and the refused response on standard input) after a 4xx; its output is credential sets, each URL lines, an empty
/// line, header lines, an empty line (<c>go help goauth</c>).
/// </summary>
internal static class AuthCommand
{
    /// <summary>Runs <paramref name="command"/>; the credentials by URL prefix, or go's error (which go prints only under -x).</summary>
    public static async Task<(IReadOnlyDictionary<string, HeaderList>? Credentials, string? Error)> RunAsync(GoAuthMethod.Command command,
        string? url, string? response, TimeSpan timeout, CancellationToken ct)
    {
        if (command.SplitError is { } splitError) return (null, $"cannot parse GOAUTH command {command.Text}: {splitError}");
        var args = command.Words.Skip(1).ToList();
        if (url is not null) args.Add(url);
        var result = await AuthProcess.RunAsync(command.Words[0], args, response, null, new Dictionary<string, string?>(), timeout, ct).ConfigureAwait(false);
        if (result.StartError is { } start) return (null, $"could not run command {command.Text}: {start}\n{result.StdErr}");
        if (result.ExitCode != 0) return (null, $"could not run command {command.Text}: exit status {result.ExitCode}\n{result.StdErr}");
        try
        {
            return (Parse(result.StdOut), null);
        }
        catch (FormatException e)
        {
            return (null, $"cannot parse output of GOAUTH command {command.Text}: {e.Message}");
        }
    }

    /// <summary>
    /// go's <c>parseUserAuth</c>: credential sets, each one or more URL lines, an empty line, header lines
    /// (<c>Name: value</c>), an empty line; the same headers for every URL of a set, a later set replacing an earlier
    /// one's URL. Empty output is no credentials.
    /// </summary>
    /// <exception cref="FormatException">The output does not follow that format (go's wording).</exception>
    public static Dictionary<string, HeaderList> Parse(string data)
    {
        var credentials = new Dictionary<string, HeaderList>(StringComparer.Ordinal);
        var rest = data.AsSpan();
        while (!rest.IsEmpty)
        {
            var urls = new List<string>();
            while (true)
            {
                var nl = rest.IndexOf('\n');
                if (nl < 0) throw new FormatException("invalid format: missing empty line after URLs");
                var line = rest[..nl].ToString();
                rest = rest[(nl + 1)..];
                if (line.Length == 0) break;
                if (!line.StartsWith('/') && !Uri.TryCreate(line, UriKind.Absolute, out _))
                    throw new FormatException($"could not parse URL {line}: parse \"{line}\": invalid URI for request");
                urls.Add(line);
            }
            var headers = new HeaderList();
            while (true)
            {
                var nl = rest.IndexOf('\n');
                if (nl < 0) throw new FormatException("invalid format: missing empty line after headers");
                var line = rest[..nl].ToString();
                rest = rest[(nl + 1)..];
                if (line.Length == 0) break;
                var colon = line.IndexOf(": ", StringComparison.Ordinal);
                var name = colon < 0 ? "" : line[..colon];
                var value = colon < 0 ? "" : line[(colon + 2)..].Trim();
                if (colon < 0 || !HeaderList.IsValidName(name) || !HeaderList.IsValidValue(value))
                    throw new FormatException("invalid format: invalid header line");
                headers.Add(name, value);
            }
            foreach (var u in urls) credentials[CredentialStore.PrefixOf(u)] = headers;
        }
        return credentials;
    }

    /// <summary>
    /// What go writes to a command's standard input after a refusal: the status line, one line per header (values
    /// joined with <c>, </c>) and an empty line.
    /// </summary>
    public static string DescribeResponse(HttpResponseMessage response)
    {
        var text = new System.Text.StringBuilder();
        text.Append("HTTP/").Append(response.Version.Major).Append('.').Append(response.Version.Minor).Append(' ')
            .Append((int)response.StatusCode).Append(' ').Append(response.ReasonPhrase ?? "").Append('\n');
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
            text.Append(name).Append(": ").Append(string.Join(", ", values)).Append('\n');
        return text.Append('\n').ToString();
    }
}
