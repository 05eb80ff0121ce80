namespace GoMod.Core.Packages;

/// <summary>
/// A module's <c>ignore</c> directives (Go 1.25+, Go Modules Reference "ignore directive") as package patterns apply
/// them: a directory the walk of <c>./...</c>, <c>all</c> or <c>module/...</c> would enter is left out, with everything
/// below it, when a directive names it. <c>ignore ./x</c> names the path <c>x</c> from the module root only;
/// <c>ignore x</c> names every directory whose module-relative path contains <c>x</c> as whole elements (<c>foo</c>
/// ignores <c>foo</c> and <c>pkg/foo</c>, not <c>pkg/fo</c> or <c>food</c>; <c>pkg/foo</c> ignores <c>a/pkg/foo</c>).
/// No wildcards. Only matching changes: an import of a package in an ignored directory still loads it, and module zips
/// keep the files.
/// </summary>
internal sealed class IgnoredDirectories
{
    /// <summary>No directive: nothing is ignored.</summary>
    public static readonly IgnoredDirectories None = new([], []);

    private readonly string[] _fromRoot;
    private readonly string[] _anywhere;

    private IgnoredDirectories(string[] fromRoot, string[] anywhere)
    {
        _fromRoot = fromRoot;
        _anywhere = anywhere;
    }

    /// <summary>The directives' paths, as the go.mod file gives them.</summary>
    public static IgnoredDirectories From(IReadOnlyList<string> paths)
    {
        if (paths.Count == 0) return None;
        var fromRoot = new List<string>();
        var anywhere = new List<string>();
        foreach (var p in paths)
        {
            if (p.StartsWith("./", StringComparison.Ordinal)) fromRoot.Add(Bracket(p[2..]));
            else anywhere.Add(Bracket(p));
        }
        return new IgnoredDirectories([.. fromRoot], [.. anywhere]);
    }

    public bool IsEmpty => _fromRoot.Length == 0 && _anywhere.Length == 0;

    /// <summary>Whether the directory at slash-separated, module-relative <paramref name="rel"/> is ignored ("" is the root: never).</summary>
    public bool Ignores(string rel)
    {
        if (rel.Length == 0 || IsEmpty) return false;
        var dir = Bracket(rel);
        foreach (var p in _fromRoot)
            if (dir.StartsWith(p, StringComparison.Ordinal)) return true;
        foreach (var p in _anywhere)
            if (dir.Contains(p, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>The path between slashes, so that matches fall on whole elements: <c>a/b</c> becomes <c>/a/b/</c>.</summary>
    private static string Bracket(string path)
    {
        if (Path.DirectorySeparatorChar == '\\') path = path.Replace('\\', '/');
        if (!path.StartsWith('/')) path = "/" + path;
        if (!path.EndsWith('/')) path += "/";
        return path;
    }
}
