namespace GoMod.Core.Module;

/// <summary>
/// Go's <c>module.MatchPrefixPatterns</c>: how GOPRIVATE, GONOPROXY, GONOSUMDB and GOINSECURE select module paths.
/// </summary>
public static class PrefixPatterns
{
    /// <summary>
    /// Reports whether some path prefix of <paramref name="target"/> matches one of the comma-separated
    /// <see cref="PathGlob"/> patterns in <paramref name="globs"/>. A glob with N slashes is matched against the first
    /// N+1 path elements of the target (so <c>corp.com</c> covers <c>corp.com/x/y</c>); a trailing slash on a glob is
    /// ignored; empty and malformed globs are skipped.
    /// </summary>
    public static bool Match(string? globs, string target)
    {
        if (string.IsNullOrEmpty(globs)) return false;
        foreach (var raw in globs.Split(','))
        {
            var glob = raw.EndsWith('/') ? raw[..^1] : raw;
            if (glob.Length == 0) continue;
            var elements = glob.Count(c => c == '/') + 1;
            var prefix = Prefix(target, elements);
            if (prefix is null) continue;
            if (PathGlob.Match(glob, prefix, out _)) return true;
        }
        return false;
    }

    /// <summary>The first <paramref name="elements"/> slash-separated elements, or null when the target has fewer.</summary>
    private static string? Prefix(string target, int elements)
    {
        var seen = 0;
        for (var i = 0; i < target.Length; i++)
        {
            if (target[i] != '/') continue;
            if (++seen == elements) return target[..i];
        }
        return seen == elements - 1 ? target : null;
    }
}
