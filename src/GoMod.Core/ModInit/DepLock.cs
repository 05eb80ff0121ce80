using System.Text.RegularExpressions;
using GoMod.Core.Internal;
using GoMod.Core.ModFile;
using GoMod.Core.Module;
using GoMod.Core.Semver;
using GoMod.Core.Zip;

namespace GoMod.Core.ModInit;

/// <summary>
/// dep's Gopkg.lock, read line by line as go's converter reads it (not as TOML): each <c>[[projects]]</c> stanza
/// gives <c>name</c>, <c>revision</c>, <c>version</c> (which wins over the revision only when it is a canonical
/// semantic version) and <c>source</c> (the repository the project is fetched from, turned into an import path).
/// </summary>
internal static partial class DepLock
{
    private sealed class Project
    {
        public string Path = "";
        public string Version = "";
        public string Source = "";
    }

    public static LegacyManifest Parse(string file, string text)
    {
        var projects = new List<Project>();
        Project? current = null;
        int lineno = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineno++;
            var line = raw;
            int hash = line.IndexOf('#');
            if (hash >= 0) line = line[..hash];
            line = line.Trim();
            if (line == "[[projects]]")
            {
                current = new Project();
                projects.Add(current);
                continue;
            }
            if (line.StartsWith('['))
            {
                current = null;
                continue;
            }
            if (current is null) continue;
            int eq = line.IndexOf('=');
            if (eq < 0) continue;
            var key = line[..eq].Trim();
            var val = line[(eq + 1)..].Trim();
            if (val.Length >= 2 && val[0] == '"' && val[^1] == '"')
            {
                if (!GoText.TryUnquote(val, out var unquoted))
                    throw new LegacyManifestException(file, $"{file}:{lineno}: invalid quoted string: invalid syntax");
                val = unquoted;
            }
            switch (key)
            {
                case "name": current.Path = val; break;
                case "source": current.Source = val; break;
                case "revision": current.Version = val; break;
                case "version":
                    // dep writes keys in order, so a version seen after the revision replaces it — when it is a real one.
                    if (SemVer.IsValid(val) && SemVer.Canonical(val) == val) current.Version = val;
                    break;
            }
        }

        var require = new List<ModuleVersion>();
        var replace = new List<LegacyReplacement>();
        foreach (var p in projects)
        {
            if (p.Path.Length == 0 || p.Version.Length == 0)
                throw new LegacyManifestException(file, $"{file}: empty [[projects]] stanza ({p.Path})");
            require.Add(new ModuleVersion(p.Path, p.Version));
            if (p.Source.Length != 0)
            {
                var source = DecodeSource(p.Source) ?? throw new LegacyManifestException(file, $"{GoString.Quote(p.Source)} is not a valid URI");
                replace.Add(new LegacyReplacement(new ModuleVersion(p.Path, p.Version), new ModuleVersion(source, p.Version)));
            }
        }
        return new LegacyManifest(require, replace);
    }

    /// <summary>
    /// go's <c>decodeSource</c>: a dep source (<c>git@host:owner/repo.git</c>, <c>https://host/owner/repo.git</c>, or a
    /// bare import path) as an import path — host joined with the URL path, a <c>.git</c> or <c>.hg</c> suffix dropped.
    /// </summary>
    /// <returns>The import path, or null when the source is not a URL go's <c>url.Parse</c> accepts.</returns>
    public static string? DecodeSource(string source)
    {
        string host, urlPath;
        var scp = ScpSyntax().Match(source);
        if (scp.Success)
        {
            host = scp.Groups[2].Value;
            urlPath = "/" + scp.Groups[3].Value;
        }
        else if (!TryParseUrl(source, out host, out urlPath))
        {
            return null;
        }
        var p = host.Length == 0 ? source : GoPath.Join(host, urlPath);
        if (p.EndsWith(".git", StringComparison.Ordinal)) p = p[..^4];
        if (p.EndsWith(".hg", StringComparison.Ordinal)) p = p[..^3];
        return p;
    }

    [GeneratedRegex("^([a-zA-Z0-9_]+)@([a-zA-Z0-9._-]+):(.*)$")]
    private static partial Regex ScpSyntax();

    /// <summary>
    /// The host and decoded path Go's <c>url.Parse</c> finds in <paramref name="s"/>, or false where it fails: control
    /// characters, a colon in the first segment of a scheme-less reference, a bad percent escape, an unclosed IPv6 bracket.
    /// </summary>
    private static bool TryParseUrl(string s, out string host, out string path)
    {
        host = "";
        path = "";
        if (s.Any(c => c < 0x20 || c == 0x7f)) return false;
        int frag = s.IndexOf('#');
        if (frag >= 0) s = s[..frag];
        var rest = s;
        int colon = rest.IndexOf(':');
        bool hasScheme = colon > 0 && char.IsAsciiLetter(rest[0]) && rest[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.');
        if (colon == 0) return false;
        if (hasScheme) rest = rest[(colon + 1)..];
        int query = rest.IndexOf('?');
        if (query >= 0) rest = rest[..query];
        if (!hasScheme)
        {
            int slash = rest.IndexOf('/');
            var first = slash < 0 ? rest : rest[..slash];
            if (first.Contains(':')) return false;
        }
        if (hasScheme && !rest.StartsWith('/'))
            return true; // opaque: no host, go keeps the source as it is
        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            rest = rest[2..];
            int end = rest.IndexOf('/');
            var authority = end < 0 ? rest : rest[..end];
            rest = end < 0 ? "" : rest[end..];
            int at = authority.LastIndexOf('@');
            host = at >= 0 ? authority[(at + 1)..] : authority;
            if (host.StartsWith('[') && !host.Contains(']')) return false;
            if (!TryUnescape(host, out host)) return false;
        }
        return TryUnescape(rest, out path);
    }

    private static bool TryUnescape(string s, out string value)
    {
        value = s;
        if (!s.Contains('%')) return true;
        var bytes = new List<byte>();
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] == '%')
            {
                if (i + 2 >= s.Length || !Uri.IsHexDigit(s[i + 1]) || !Uri.IsHexDigit(s[i + 2])) return false;
                bytes.Add(Convert.ToByte(s.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(System.Text.Encoding.UTF8.GetBytes(s[i].ToString()));
            }
        }
        value = System.Text.Encoding.UTF8.GetString(bytes.ToArray());
        return true;
    }
}
