namespace GoMod.Core.Vendor;

/// <summary>
/// Go's glob patterns on Unix (<c>path.Match</c>, <c>filepath.Glob</c>): <c>*</c> any run of non-<c>/</c>
/// characters, <c>?</c> one non-<c>/</c> character, <c>[…]</c> a class (<c>^</c> negates, <c>a-z</c> ranges),
/// <c>\</c> escapes the next character. Nothing is special about a leading dot.
/// </summary>
internal static class GoGlob
{
    /// <summary>Whether <paramref name="pattern"/> is well-formed (<c>path.Match(pattern, "")</c> returns no error).</summary>
    public static bool IsValid(string pattern) => TryMatch(pattern, "", out _, validateRest: true);

    /// <summary>Whether <paramref name="name"/> matches <paramref name="pattern"/>; false for a malformed pattern.</summary>
    public static bool Match(string pattern, string name) => TryMatch(pattern, name, out var m, validateRest: false) && m;

    private static bool TryMatch(string pattern, string name, out bool matched, bool validateRest)
    {
        matched = false;
        while (pattern.Length > 0)
        {
            var (star, chunk, rest) = ScanChunk(pattern);
            pattern = rest;
            if (star && chunk.Length == 0)
            {
                matched = !name.Contains('/');
                return true;
            }
            var (t, ok, bad) = MatchChunk(chunk, name);
            if (ok && (t.Length == 0 || pattern.Length > 0))
            {
                name = t;
                continue;
            }
            if (bad) return false;
            if (star)
            {
                bool found = false;
                for (int i = 0; i < name.Length && name[i] != '/'; i++)
                {
                    var (t2, ok2, bad2) = MatchChunk(chunk, name[(i + 1)..]);
                    if (ok2)
                    {
                        if (pattern.Length == 0 && t2.Length > 0) continue;
                        name = t2;
                        found = true;
                        break;
                    }
                    if (bad2) return false;
                }
                if (found) continue;
            }
            if (validateRest)
            {
                while (pattern.Length > 0)
                {
                    (_, chunk, pattern) = ScanChunk(pattern);
                    if (MatchChunk(chunk, "").Bad) return false;
                }
            }
            return true;
        }
        matched = name.Length == 0;
        return true;
    }

    private static (bool Star, string Chunk, string Remainder) ScanChunk(string pattern)
    {
        bool star = false;
        while (pattern.Length > 0 && pattern[0] == '*')
        {
            pattern = pattern[1..];
            star = true;
        }
        bool inRange = false;
        int i;
        for (i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '\\') { if (i + 1 < pattern.Length) i++; }
            else if (c == '[') inRange = true;
            else if (c == ']') inRange = false;
            else if (c == '*' && !inRange) break;
        }
        return (star, pattern[..i], pattern[i..]);
    }

    private static (string Left, bool Ok, bool Bad) MatchChunk(string chunk, string s)
    {
        bool failed = false;
        while (chunk.Length > 0)
        {
            if (!failed && s.Length == 0) failed = true;
            switch (chunk[0])
            {
                case '[':
                    int r = -1;
                    if (!failed)
                    {
                        r = char.ConvertToUtf32(s, 0);
                        s = s[(char.IsSurrogatePair(s, 0) ? 2 : 1)..];
                    }
                    chunk = chunk[1..];
                    bool negated = false;
                    if (chunk.Length > 0 && chunk[0] == '^')
                    {
                        negated = true;
                        chunk = chunk[1..];
                    }
                    bool match = false;
                    int ranges = 0;
                    while (true)
                    {
                        if (chunk.Length > 0 && chunk[0] == ']' && ranges > 0)
                        {
                            chunk = chunk[1..];
                            break;
                        }
                        if (!GetEsc(ref chunk, out var lo)) return ("", false, true);
                        var hi = lo;
                        if (chunk[0] == '-')
                        {
                            chunk = chunk[1..];
                            if (!GetEsc(ref chunk, out hi)) return ("", false, true);
                        }
                        if (lo <= r && r <= hi) match = true;
                        ranges++;
                    }
                    if (match == negated) failed = true;
                    break;
                case '?':
                    if (!failed)
                    {
                        if (s[0] == '/') failed = true;
                        s = s[(char.IsSurrogatePair(s, 0) ? 2 : 1)..];
                    }
                    chunk = chunk[1..];
                    break;
                default:
                    if (chunk[0] == '\\')
                    {
                        chunk = chunk[1..];
                        if (chunk.Length == 0) return ("", false, true);
                    }
                    if (!failed)
                    {
                        if (chunk[0] != s[0]) failed = true;
                        s = s[1..];
                    }
                    chunk = chunk[1..];
                    break;
            }
        }
        return failed ? ("", false, false) : (s, true, false);
    }

    private static bool GetEsc(ref string chunk, out int r)
    {
        r = 0;
        if (chunk.Length == 0 || chunk[0] == '-' || chunk[0] == ']') return false;
        if (chunk[0] == '\\')
        {
            chunk = chunk[1..];
            if (chunk.Length == 0) return false;
        }
        r = char.ConvertToUtf32(chunk, 0);
        chunk = chunk[(char.IsSurrogatePair(chunk, 0) ? 2 : 1)..];
        return chunk.Length > 0;
    }

    /// <summary>Whether a pattern has any of go's magic characters (<c>*?[\</c>).</summary>
    public static bool HasMeta(string pattern) => pattern.AsSpan().IndexOfAny("*?[\\") >= 0;

    /// <summary>
    /// <c>filepath.Glob</c> below <paramref name="baseDir"/> for a slash-separated relative pattern: the matching paths,
    /// relative and slash-separated, directory by directory in byte order of names. A pattern without magic
    /// characters is its own match when something (even a broken link) exists there. I/O errors count as no match.
    /// </summary>
    public static List<string> Glob(string baseDir, string pattern)
    {
        var result = new List<string>();
        if (!IsValid(pattern)) return result;
        if (!HasMeta(pattern))
        {
            var full = Path.Combine(baseDir, pattern);
            if (File.Exists(full) || Directory.Exists(full) || new FileInfo(full).LinkTarget is not null) result.Add(pattern);
            return result;
        }
        int slash = pattern.LastIndexOf('/');
        var dir = slash < 0 ? "" : pattern[..slash].TrimEnd('/');
        var file = pattern[(slash + 1)..];
        if (!HasMeta(dir))
        {
            GlobDir(baseDir, dir, file, result);
            return result;
        }
        if (dir == pattern) return result;
        foreach (var d in Glob(baseDir, dir)) GlobDir(baseDir, d, file, result);
        return result;
    }

    private static void GlobDir(string baseDir, string dir, string file, List<string> result)
    {
        var full = dir.Length == 0 ? baseDir : Path.Combine(baseDir, dir);
        if (!Directory.Exists(full)) return;
        string[] names;
        try
        {
            names = Directory.GetFileSystemEntries(full).Select(Path.GetFileName).ToArray()!;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }
        Array.Sort(names, StringComparer.Ordinal);
        foreach (var n in names)
            if (Match(file, n)) result.Add(dir.Length == 0 ? n : dir + "/" + n);
    }
}
