using GoMod.Core.GoEnv;

namespace GoMod.Core.Proxy;

/// <summary>The GOPROXY setting parsed exactly as the go command reads it.</summary>
public sealed class ProxyList
{
    /// <summary>The default of Go 1.13 and later (from <c>$GOROOT/go.env</c> since 1.21).</summary>
    public const string DefaultGoProxy = "https://proxy.golang.org,direct";

    private ProxyList(IReadOnlyList<ProxyEntry> entries) => Entries = entries;

    /// <summary>The entries in order, including the implicit leading <see cref="ProxyEntry.NoProxy"/>.</summary>
    public IReadOnlyList<ProxyEntry> Entries { get; }

    /// <summary>
    /// Parses GOPROXY: entries separated by <c>,</c> (fall through on 404/410 only) or <c>|</c> (fall through on any
    /// error); blank entries are skipped; <c>off</c> and <c>direct</c> end the list (later entries are ignored); a
    /// non-keyword entry without <c>:/</c> that contains <c>.</c>, <c>:</c> or <c>/</c> and is not an absolute path
    /// gets <c>https://</c>; base URLs must be https, http or file (file: with no host, query or fragment). A non-empty
    /// GONOPROXY (unless GOPROXY is exactly <c>direct</c>) prepends <see cref="ProxyEntry.NoProxy"/>.
    /// </summary>
    /// <exception cref="GoEnvironmentException">With Go's message for a bad URL or an effectively empty list.</exception>
    public static ProxyList Parse(string goProxy, string? goNoProxy)
    {
        var list = new List<ProxyEntry>();
        if (!string.IsNullOrEmpty(goNoProxy) && goProxy != ProxyEntry.Direct)
            list.Add(new ProxyEntry(ProxyEntry.NoProxy, false));

        var rest = goProxy;
        while (rest.Length > 0)
        {
            string url;
            var fallBackOnError = false;
            var i = rest.IndexOfAny([',', '|']);
            if (i >= 0)
            {
                url = rest[..i];
                fallBackOnError = rest[i] == '|';
                rest = rest[(i + 1)..];
            }
            else
            {
                url = rest;
                rest = "";
            }
            url = url.Trim();
            if (url.Length == 0) continue;
            if (url == ProxyEntry.Off)
            {
                list.Add(new ProxyEntry(ProxyEntry.Off, false));
                break;
            }
            if (url == ProxyEntry.Direct)
            {
                list.Add(new ProxyEntry(ProxyEntry.Direct, false));
                break;
            }
            // Single words are reserved for built-in behaviours; anything that looks like a host gets https://.
            if (url.IndexOfAny(['.', ':', '/']) >= 0 && !url.Contains(":/", StringComparison.Ordinal) && !IsAbsolutePath(url))
                url = "https://" + url;
            ProxyUrl.Validate(url);
            list.Add(new ProxyEntry(url, fallBackOnError));
        }

        if (list.Count == 0 || (list.Count == 1 && list[0].Url == ProxyEntry.NoProxy))
            throw new GoEnvironmentException("GOPROXY list is not the empty string, but contains no entries", "GOPROXY");
        return new ProxyList(list);
    }

    private static bool IsAbsolutePath(string s) =>
        s.StartsWith('/') || (OperatingSystem.IsWindows() && Path.IsPathFullyQualified(s));

    /// <summary>The list in GOPROXY syntax, credentials redacted.</summary>
    public override string ToString() => string.Join(",", Entries.Select(e => e.ToString()));
}
