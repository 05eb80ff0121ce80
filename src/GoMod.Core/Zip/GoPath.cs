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
        // Most names are clean already: answer those without allocating (a zip's every entry and every parent
        // directory of it is cleaned while the zip is checked).
        if (IsClean(path)) return path;
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

    /// <summary>
    /// Whether <see cref="Clean"/> would return <paramref name="path"/> itself, by a test that allocates nothing: it is
    /// not empty and not the root alone, and every element (after a leading slash) is non-empty and neither <c>.</c>
    /// nor <c>..</c>. Some clean paths (a relative path starting with <c>..</c>) answer false; they take the long way.
    /// </summary>
    private static bool IsClean(ReadOnlySpan<char> path)
    {
        if (path.Length == 0) return false;
        if (path[0] == '/')
        {
            if (path.Length == 1) return false;
            path = path[1..];
        }
        while (true)
        {
            var slash = path.IndexOf('/');
            var element = slash < 0 ? path : path[..slash];
            if (element.Length == 0 || element is "." || element is "..") return false;
            if (slash < 0) return true;
            path = path[(slash + 1)..];
        }
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
    public static string Dir(string path)
    {
        var i = path.LastIndexOf('/');
        if (i < 0) return ".";
        if (i == 0) return "/";
        // Cleaning "dir/" gives "dir" itself when "dir" is clean: one substring, no cleaning pass.
        return IsClean(path.AsSpan(0, i)) ? path[..i] : Clean(path[..(i + 1)]);
    }
}
