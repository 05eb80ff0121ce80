using System.Text;
using GoMod.Core.GoEnv;
using GoMod.Core.Internal;

namespace GoMod.Core.Proxy;

/// <summary>
/// A GOPROXY base URL split the way Go's <c>net/url</c> splits it, kept as text so that nothing is re-normalised:
/// the request URLs we send are byte-for-byte the ones the go command sends.
/// </summary>
public sealed record ProxyUrl
{
    private ProxyUrl(string scheme, string? userName, string? password, string host, string rawPath)
    {
        Scheme = scheme;
        UserName = userName;
        Password = password;
        Host = host;
        RawPath = rawPath;
    }

    /// <summary><c>https</c>, <c>http</c> or <c>file</c> (lower case).</summary>
    public string Scheme { get; }

    /// <summary>User name from the URL's user info, if any (percent-decoded).</summary>
    public string? UserName { get; }

    /// <summary>Password from the URL's user info, if any (percent-decoded). Never printed.</summary>
    public string? Password { get; }

    /// <summary>Host and optional port (<c>host:port</c>), empty for file URLs.</summary>
    public string Host { get; }

    /// <summary>The escaped path of the base URL without a trailing slash.</summary>
    public string RawPath { get; }

    /// <summary>The host name without the port, as netrc <c>machine</c> entries are matched.</summary>
    public string HostName
    {
        get
        {
            if (Host.StartsWith('['))
            {
                var end = Host.IndexOf(']');
                return end > 0 ? Host[1..end] : Host;
            }
            var colon = Host.LastIndexOf(':');
            return colon >= 0 ? Host[..colon] : Host;
        }
    }

    /// <summary>
    /// Parses and checks a proxy base URL with the go command's rules and messages: a scheme is required and must be
    /// https, http or file; a file URL may carry nothing but a path.
    /// </summary>
    /// <exception cref="GoEnvironmentException">The URL is unusable as a proxy.</exception>
    public static ProxyUrl Parse(string url)
    {
        var colon = url.IndexOf(':');
        var scheme = colon > 0 && IsScheme(url.AsSpan(0, colon)) ? url[..colon].ToLowerInvariant() : "";
        switch (scheme)
        {
            case "":
                throw new GoEnvironmentException($"invalid proxy URL missing scheme: {Redact(url)}");
            case "http" or "https" or "file":
                break;
            default:
                throw new GoEnvironmentException($"invalid proxy URL scheme (must be https, http, file): {Redact(url)}");
        }

        var rest = url[(colon + 1)..];
        var hasAuthority = rest.StartsWith("//", StringComparison.Ordinal);
        var authority = "";
        if (hasAuthority)
        {
            rest = rest[2..];
            var end = rest.IndexOfAny(['/', '?', '#']);
            authority = end < 0 ? rest : rest[..end];
            rest = end < 0 ? "" : rest[end..];
        }
        var queryOrFragment = rest.IndexOfAny(['?', '#']);
        var path = queryOrFragment < 0 ? rest : rest[..queryOrFragment];

        string? user = null, password = null;
        var at = authority.LastIndexOf('@');
        var host = authority;
        if (at >= 0)
        {
            var info = authority[..at];
            host = authority[(at + 1)..];
            var sep = info.IndexOf(':');
            user = Uri.UnescapeDataString(sep < 0 ? info : info[..sep]);
            if (sep >= 0) password = Uri.UnescapeDataString(info[(sep + 1)..]);
        }

        if (scheme == "file")
        {
            // Go accepts a file URL only if it equals URL{Scheme, Path}: no host, user, query, fragment or opaque part.
            if (authority.Length > 0 || queryOrFragment >= 0 || (path.Length > 0 && !path.StartsWith('/')) || (path.Length == 0 && !hasAuthority))
                throw new GoEnvironmentException($"invalid file:// proxy URL with non-path elements: {Redact(url)}");
        }
        else if (!hasAuthority || host.Length == 0)
        {
            throw new GoEnvironmentException($"invalid proxy URL missing host: {Redact(url)}");
        }
        // go's url.Parse refuses these before anything is requested; .NET would only fail when the URI is built.
        if (host.StartsWith('[') && !host.Contains(']'))
            throw new GoEnvironmentException($"parse {GoString.Quote(Redact(url))}: missing ']' in host", "GOPROXY");
        if (host.FirstOrDefault(c => c is ' ' or '<' or '>' or '"' or '{' or '}' or '|' or '\\' or '^' or '`' || char.IsControl(c)) is var bad and not '\0')
            throw new GoEnvironmentException($"parse {GoString.Quote(Redact(url))}: invalid character {GoString.Quote(bad.ToString())} in host name", "GOPROXY");
        return new ProxyUrl(scheme, user, password, host, path.TrimEnd('/'));
    }

    /// <summary>Checks <paramref name="url"/> like <see cref="Parse"/>, for list parsing.</summary>
    public static void Validate(string url) => Parse(url);

    /// <summary>
    /// The URL of <paramref name="relative"/> (e.g. <c>@v/list</c>) below the escaped module path: each part is
    /// percent-escaped as Go's <c>url.PathEscape</c> does, slashes kept (so <c>!</c> becomes <c>%21</c> on the wire).
    /// User info is included only when asked for (for display, after <see cref="Redact"/>); requests carry
    /// credentials in a header instead.
    /// </summary>
    public string Resolve(string escapedModulePath, string relative, bool includeUserInfo = false)
    {
        var sb = new StringBuilder();
        sb.Append(Scheme).Append("://");
        if (includeUserInfo && UserName is not null)
        {
            sb.Append(Uri.EscapeDataString(UserName));
            if (Password is not null) sb.Append(':').Append(Uri.EscapeDataString(Password));
            sb.Append('@');
        }
        sb.Append(Host).Append(RawPath).Append('/');
        AppendPathEscaped(sb, escapedModulePath);
        sb.Append('/');
        AppendPathEscaped(sb, relative);
        return sb.ToString();
    }

    /// <summary>
    /// The local file for a file-scheme request: the base path plus the (unescaped) module path and file name.
    /// </summary>
    public string LocalPath(string escapedModulePath, string relative)
    {
        var basePath = Uri.UnescapeDataString(RawPath);
        if (OperatingSystem.IsWindows() && basePath.Length >= 3 && basePath[0] == '/' && basePath[2] == ':')
            basePath = basePath[1..];
        return Path.GetFullPath(basePath + "/" + escapedModulePath + "/" + relative);
    }

    /// <summary>
    /// Go's <c>URL.Redacted</c>: the password of the user info becomes <c>xxxxx</c>. Every URL in a message or log goes
    /// through here, so credentials never leak.
    /// </summary>
    public static string Redact(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0) return url;
        var authorityStart = schemeEnd + 3;
        var end = url.IndexOfAny(['/', '?', '#'], authorityStart);
        var authority = end < 0 ? url[authorityStart..] : url[authorityStart..end];
        var at = authority.LastIndexOf('@');
        if (at < 0) return url;
        var info = authority[..at];
        var sep = info.IndexOf(':');
        if (sep < 0) return url;
        return url[..authorityStart] + info[..sep] + ":xxxxx" + url[(authorityStart + at)..];
    }

    public override string ToString() =>
        Redact(Scheme + "://" + (UserName is null ? "" : Uri.EscapeDataString(UserName) + (Password is null ? "" : ":" + Uri.EscapeDataString(Password)) + "@") + Host + RawPath);

    private static bool IsScheme(ReadOnlySpan<char> s)
    {
        if (!char.IsAsciiLetter(s[0])) return false;
        foreach (var c in s)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.')) return false;
        return true;
    }

    /// <summary>Percent-escapes like Go's <c>url.PathEscape</c> but keeps <c>/</c>.</summary>
    private static void AppendPathEscaped(StringBuilder sb, string s)
    {
        foreach (var b in Encoding.UTF8.GetBytes(s))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~' or '$' or '&' or '+' or ':' or '=' or '@' or '/')
                sb.Append(c);
            else
                sb.Append('%').Append(Convert.ToHexString([b]));
        }
    }
}
