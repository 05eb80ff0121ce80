using System.Text;
using GoMod.Core.Vcs;

namespace GoMod.Core.Auth;

/// <summary>
/// GOAUTH's <c>git &lt;dir&gt;</c> method (go's <c>gitauth.go</c>): <c>git credential fill</c> in that directory for a URL
/// that was refused, and afterwards <c>git credential approve</c> or <c>reject</c> so the user's credential helper
/// keeps only what worked. git runs through <see cref="GitRunner"/>, so, unlike go's, it never prompts (a build has
/// nobody to answer) and sees the configured user's HOME.
/// </summary>
internal static class GitCredential
{
    /// <summary>A filled credential: the URL prefix it is for, its Authorization header, and git's output (for approve/reject).</summary>
    public sealed record Filled(string Prefix, HeaderList Headers, string Output);

    /// <summary>Runs <c>git credential fill</c> for <paramref name="url"/>; the credential, or go's error.</summary>
    public static async Task<(Filled? Credential, string? Error)> FillAsync(GitRunner git, string dir, string url, CancellationToken ct)
    {
        var (error, output) = await RunAsync(git, dir, "fill", $"url={url}\n", ct).ConfigureAwait(false);
        if (error is not null) return (null, $"'git credential fill' failed (url={url}): {error}");
        var (prefix, user, password) = Parse(output);
        if (prefix.Length == 0) return (null, $"'git credential fill' failed for url={url}, could not parse url\n");
        if (!url.StartsWith(prefix, StringComparison.Ordinal))
            return (null, $"requested a credential for {url}, but 'git credential fill' provided one for {prefix}\n");
        return (new Filled(prefix, HeaderList.Basic(user, password), output), null);
    }

    /// <summary><c>git credential approve</c> (the credential worked) or <c>reject</c> (it was refused); failures are ignored, as go ignores them.</summary>
    public static Task ReportAsync(GitRunner git, string dir, Filled credential, bool accepted, CancellationToken ct) =>
        RunAsync(git, dir, accepted ? "approve" : "reject", credential.Output, ct);

    /// <summary>
    /// go's <c>parseGitAuth</c>: <c>key=value</c> lines; the prefix is protocol://host/path, or the <c>url</c> field when
    /// it parses; empty when nothing names it.
    /// </summary>
    internal static (string Prefix, string User, string Password) Parse(string output)
    {
        string scheme = "", host = "", path = "", user = "", password = "";
        string? url = null;
        foreach (var raw in output.Split('\n'))
        {
            var line = raw.Trim();
            var eq = line.IndexOf('=');
            if (eq < 0) continue;
            var value = line[(eq + 1)..];
            switch (line[..eq])
            {
                case "protocol": scheme = value; break;
                case "host": host = value; break;
                case "path": path = value; break;
                case "username": user = value; break;
                case "password": password = value; break;
                case "url":
                    if (Uri.TryCreate(value, UriKind.Absolute, out _)) url = value;
                    break;
            }
        }
        if (url is not null) return (url, user, password);
        var prefix = scheme.Length > 0 ? scheme + ":" : "";
        if (host.Length > 0) prefix += "//" + host;
        if (path.Length > 0) prefix += (host.Length > 0 && !path.StartsWith('/') ? "/" : "") + path;
        return (prefix, user, password);
    }

    /// <summary><c>git credential &lt;action&gt;</c>: its output, or the error (exit status and what git printed).</summary>
    private static async Task<(string? Error, string Output)> RunAsync(GitRunner git, string dir, string action, string input, CancellationToken ct)
    {
        try
        {
            var (code, stdout, stderr) = await git.RunRawAsync(dir, ["credential", action], ct, input).ConfigureAwait(false);
            var output = Encoding.UTF8.GetString(stdout);
            return (code == 0 ? null : $"exit status {code}\n{output}{stderr}", output);
        }
        catch (CodeHostException e)
        {
            return (e.Message, "");
        }
    }
}
