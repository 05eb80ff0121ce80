using System.Globalization;
using System.Net;
using System.Text;

namespace GoMod.Core.Vcs;

/// <summary>
/// Reads go-import meta tags from a discovery page as go's <c>parseMetaGoImports</c> does: a lenient tag scanner
/// that stops at <c>&lt;body&gt;</c> or <c>&lt;/head&gt;</c>, element and attribute names compared without case, only
/// <c>name="go-import"</c> tags with exactly three fields (go 1.19; <c>go-source</c> and others are ignored). In
/// module mode the <c>mod</c> entries come first and hide other entries with the same prefix.
/// </summary>
public static class GoImportMeta
{
    /// <summary>The go-import tags of <paramref name="html"/>, <c>mod</c> entries first.</summary>
    public static IReadOnlyList<MetaImport> Parse(ReadOnlySpan<byte> html)
    {
        var text = Encoding.UTF8.GetString(html);
        var imports = new List<MetaImport>();
        var i = 0;
        while (i < text.Length)
        {
            var lt = text.IndexOf('<', i);
            if (lt < 0) break;
            if (string.CompareOrdinal(text, lt, "<!--", 0, 4) == 0)
            {
                var end = text.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                i = end < 0 ? text.Length : end + 3;
                continue;
            }
            var close = lt + 1 < text.Length && text[lt + 1] == '/';
            var p = lt + (close ? 2 : 1);
            var nameStart = p;
            while (p < text.Length && !char.IsWhiteSpace(text[p]) && text[p] is not ('>' or '/')) p++;
            var name = text[nameStart..p];
            var attrs = new List<(string Name, string Value)>();
            // Attributes until '>' (quotes may hold '>').
            while (p < text.Length && text[p] != '>')
            {
                if (char.IsWhiteSpace(text[p]) || text[p] == '/') { p++; continue; }
                var an = p;
                while (p < text.Length && !char.IsWhiteSpace(text[p]) && text[p] is not ('=' or '>' or '/')) p++;
                var attrName = text[an..p];
                while (p < text.Length && char.IsWhiteSpace(text[p])) p++;
                var value = "";
                if (p < text.Length && text[p] == '=')
                {
                    p++;
                    while (p < text.Length && char.IsWhiteSpace(text[p])) p++;
                    if (p < text.Length && text[p] is '"' or '\'')
                    {
                        var q = text[p];
                        var endq = text.IndexOf(q, p + 1);
                        if (endq < 0) endq = text.Length;
                        value = text[(p + 1)..endq];
                        p = Math.Min(endq + 1, text.Length);
                    }
                    else
                    {
                        var vs = p;
                        while (p < text.Length && !char.IsWhiteSpace(text[p]) && text[p] != '>') p++;
                        value = text[vs..p];
                    }
                }
                if (attrName.Length > 0) attrs.Add((attrName, WebUtility.HtmlDecode(value)));
            }
            i = p + 1;
            if (!close && name.Equals("body", StringComparison.OrdinalIgnoreCase)) break;
            if (close && name.Equals("head", StringComparison.OrdinalIgnoreCase)) break;
            if (close || !name.Equals("meta", StringComparison.OrdinalIgnoreCase)) continue;
            if (Attr(attrs, "name") != "go-import") continue;
            var f = Attr(attrs, "content").Split([' ', '\t', '\n', '\r', '\v', '\f'], StringSplitOptions.RemoveEmptyEntries);
            if (f.Length == 3) imports.Add(new MetaImport(f[0], f[1], f[2]));
        }
        var mod = imports.Where(m => m.Vcs == "mod").ToList();
        var have = mod.Select(m => m.Prefix).ToHashSet(StringComparer.Ordinal);
        return [.. mod, .. imports.Where(m => m.Vcs != "mod" && !have.Contains(m.Prefix))];
    }

    private static string Attr(List<(string Name, string Value)> attrs, string name)
    {
        foreach (var (n, v) in attrs)
            if (n.Equals(name, StringComparison.OrdinalIgnoreCase)) return v;
        return "";
    }

    /// <summary>
    /// The tag whose prefix is a path prefix of <paramref name="importPath"/> (go's matchGoImport): several matches
    /// are an error unless the first is a <c>mod</c> entry; none sets <paramref name="mismatch"/> and lists the prefixes.
    /// </summary>
    public static MetaImport? Match(IReadOnlyList<MetaImport> imports, string importPath, out string? error, out bool mismatch)
    {
        error = null;
        mismatch = false;
        var match = -1;
        var mismatches = new List<string>();
        for (var i = 0; i < imports.Count; i++)
        {
            var im = imports[i];
            if (!HasPathPrefix(importPath, im.Prefix))
            {
                mismatches.Add(im.Prefix);
                continue;
            }
            if (match >= 0)
            {
                if (imports[match].Vcs == "mod" && im.Vcs != "mod") break;
                error = string.Format(CultureInfo.InvariantCulture, "multiple meta tags match import path \"{0}\"", importPath);
                return null;
            }
            match = i;
        }
        if (match >= 0) return imports[match];
        mismatch = true;
        error = string.Join(", ", mismatches.Select(m => $"meta tag {m} did not match import path {importPath}"));
        return null;
    }

    /// <summary>Whether <paramref name="s"/> is <paramref name="prefix"/> or starts with it followed by a slash.</summary>
    public static bool HasPathPrefix(string s, string prefix)
    {
        if (s.Length == prefix.Length) return s == prefix;
        if (s.Length < prefix.Length) return false;
        if (prefix.Length > 0 && prefix[^1] == '/') return s.StartsWith(prefix, StringComparison.Ordinal);
        return s[prefix.Length] == '/' && s.StartsWith(prefix, StringComparison.Ordinal);
    }
}
