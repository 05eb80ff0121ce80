using System.Text;

namespace GoMod.Core.Auth;

/// <summary>Request headers a GOAUTH method gives, in order (a name may repeat).</summary>
internal sealed class HeaderList
{
    private readonly List<KeyValuePair<string, string>> _items = [];

    public IReadOnlyList<KeyValuePair<string, string>> Items => _items;

    public void Add(string name, string value) => _items.Add(new(name, value));

    /// <summary><c>Authorization: Basic …</c> for a login and password, as go's <c>SetBasicAuth</c> writes it.</summary>
    public static HeaderList Basic(string user, string password)
    {
        var h = new HeaderList();
        h.Add("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));
        return h;
    }

    /// <summary>The same names and values in the same order.</summary>
    public bool SameAs(HeaderList? other) =>
        other is not null && _items.Count == other._items.Count
        && _items.Zip(other._items).All(p => string.Equals(p.First.Key, p.Second.Key, StringComparison.OrdinalIgnoreCase) && p.First.Value == p.Second.Value);

    /// <summary>An HTTP token (RFC 9110), as go's <c>httpguts.ValidHeaderFieldName</c> checks it.</summary>
    public static bool IsValidName(string name) =>
        name.Length > 0 && name.All(c => c < 128 && (char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c)));

    /// <summary>No control character but tab, as go's <c>httpguts.ValidHeaderFieldValue</c> checks it.</summary>
    public static bool IsValidValue(string value) => value.All(c => c == '\t' || (c >= ' ' && c != '\x7f'));
}

/// <summary>
/// go's credential cache: headers by URL prefix (host[:port][/path], no scheme, no trailing slash); a request takes the
/// longest stored prefix of its URL, walking up the path (host:port/a/b, host:port/a, host:port). A host-only entry
/// (a .netrc machine) also serves that host on any port: go 1.24–1.27 stopped matching those (golang/go#81253, fix
/// pending), go before 1.24 matched them, and a private proxy on its own port is the common case.
/// Host names compare without case. Thread-safe.
/// </summary>
internal sealed class CredentialStore
{
    private readonly Dictionary<string, HeaderList> _byPrefix = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    /// <summary>The store key for a URL or prefix: scheme and trailing slash dropped, host lower-cased.</summary>
    public static string PrefixOf(string url)
    {
        var s = url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? url[8..] : url;
        s = s.TrimEnd('/');
        var slash = s.IndexOf('/');
        return slash < 0 ? s.ToLowerInvariant() : s[..slash].ToLowerInvariant() + s[slash..];
    }

    /// <summary>Stores (or, for an empty list, removes) the headers for a prefix.</summary>
    public void Store(string prefix, HeaderList headers)
    {
        var key = PrefixOf(prefix);
        lock (_gate)
        {
            if (headers.Items.Count == 0) _byPrefix.Remove(key);
            else _byPrefix[key] = headers;
        }
    }

    /// <summary>The headers for <paramref name="url"/> (an https URL), or null.</summary>
    public HeaderList? Find(Uri url)
    {
        // Authority leaves out a default port, as go's URL does.
        var key = PrefixOf(url.Authority + url.AbsolutePath);
        lock (_gate)
        {
            for (var current = key; ;)
            {
                if (_byPrefix.TryGetValue(current, out var found)) return found;
                var slash = current.LastIndexOf('/');
                if (slash < 0) break;
                current = current[..slash];
            }
            return _byPrefix.TryGetValue(url.IdnHost.ToLowerInvariant(), out var hostOnly) ? hostOnly : null;
        }
    }
}
