using System.Text;

namespace GoMod.Core.Zip;

/// <summary>
/// Slash-separated path operations with the semantics of Go's <c>path</c> package, which module zips use
/// for entry names regardless of the host operating system.
/// </summary>
internal static class GoPath
{
    /// <summary>
    /// The shortest path equivalent to <paramref name="path"/> by purely lexical processing: repeated slashes
    /// collapse, <c>.</c> elements vanish, <c>..</c> removes the element before it (or vanishes at a rooted start),
    /// and the empty result is <c>.</c>. A zip entry whose name differs from its cleaned form is refused.
    /// </summary>
    public static string Clean(string path)
    {
        if (path.Length == 0) return ".";
        var rooted = path[0] == '/';
        var parts = new List<string>();
        var dotdotFloor = 0; // parts below this index are leading ".." of a relative path and cannot be removed
        foreach (var part in path.Split('/'))
        {
            if (part.Length == 0 || part == ".") continue;
            if (part == "..")
            {
                if (parts.Count > dotdotFloor) parts.RemoveAt(parts.Count - 1);
                else if (!rooted) { parts.Add(".."); dotdotFloor = parts.Count; }
                continue;
            }
            parts.Add(part);
        }
        var sb = new StringBuilder(path.Length);
        if (rooted) sb.Append('/');
        sb.AppendJoin('/', parts);
        return sb.Length == 0 ? "." : sb.ToString();
    }

    /// <summary>Joins non-empty elements with slashes and cleans the result, as Go's <c>path.Join</c>.</summary>
    public static string Join(string a, string b)
    {
        if (a.Length == 0) return b.Length == 0 ? "" : Clean(b);
        if (b.Length == 0) return Clean(a);
        return Clean(a + "/" + b);
    }

    /// <summary>Splits after the last slash: <c>("dir/", "file")</c>; the directory keeps its trailing slash.</summary>
    public static (string Dir, string File) Split(string path)
    {
        var i = path.LastIndexOf('/');
        return (path[..(i + 1)], path[(i + 1)..]);
    }

    /// <summary>The last element, as Go's <c>path.Base</c>.</summary>
    public static string Base(string path)
    {
        if (path.Length == 0) return ".";
        path = path.TrimEnd('/');
        if (path.Length == 0) return "/";
        var i = path.LastIndexOf('/');
        return i >= 0 ? path[(i + 1)..] : path;
    }

    /// <summary>Everything but the last element, cleaned, as Go's <c>path.Dir</c>.</summary>
    public static string Dir(string path) => Clean(Split(path).Dir);
}
