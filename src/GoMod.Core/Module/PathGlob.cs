using System.Text;

namespace GoMod.Core.Module;

/// <summary>
/// Shell-style globs with the exact semantics of Go's <c>path.Match</c>, which GOPRIVATE, GONOPROXY, GONOSUMDB and
/// GOINSECURE use: <c>*</c> and <c>?</c> never match <c>/</c>, <c>[...]</c> classes (negated with <c>^</c>, ranges with
/// <c>-</c>), <c>\</c> escapes, and the whole name must match.
/// </summary>
public static class PathGlob
{
    /// <summary>
    /// Reports whether <paramref name="name"/> matches <paramref name="pattern"/>. A malformed pattern never matches and
    /// sets <paramref name="malformed"/>, like Go's <c>ErrBadPattern</c> (checked even after a mismatch is known).
    /// </summary>
    public static bool Match(string pattern, string name, out bool malformed)
    {
        malformed = false;
        var p = pattern.AsSpan();
        var n = name.AsSpan();
        while (p.Length > 0)
        {
            var star = false;
            while (p.Length > 0 && p[0] == '*')
            {
                p = p[1..];
                star = true;
            }
            var chunkLength = ChunkLength(p);
            var chunk = p[..chunkLength];
            p = p[chunkLength..];
            if (star && chunk.Length == 0)
                return n.IndexOf('/') < 0; // a trailing star eats the rest of one element
            var result = MatchChunk(chunk, n, out var rest);
            if (result == ChunkResult.Bad)
            {
                malformed = true;
                return false;
            }
            if (result == ChunkResult.Match && (rest.Length == 0 || p.Length > 0))
            {
                n = rest;
                continue;
            }
            var advanced = false;
            if (star)
            {
                // Let the star swallow 1..k bytes (never a slash) and retry the chunk.
                for (var i = 0; i < n.Length && n[i] != '/'; i++)
                {
                    var r = MatchChunk(chunk, n[(i + 1)..], out var t);
                    if (r == ChunkResult.Bad)
                    {
                        malformed = true;
                        return false;
                    }
                    if (r != ChunkResult.Match) continue;
                    if (p.Length == 0 && t.Length > 0) continue;
                    n = t;
                    advanced = true;
                    break;
                }
            }
            if (advanced) continue;
            // A mismatch still reports a malformed remainder, as Go does.
            while (p.Length > 0)
            {
                while (p.Length > 0 && p[0] == '*') p = p[1..];
                var len = ChunkLength(p);
                if (MatchChunk(p[..len], ReadOnlySpan<char>.Empty, out _) == ChunkResult.Bad)
                {
                    malformed = true;
                    return false;
                }
                p = p[len..];
            }
            return false;
        }
        return n.Length == 0;
    }

    /// <summary>Length of the next run of single-character operators (up to an unbracketed <c>*</c>).</summary>
    private static int ChunkLength(ReadOnlySpan<char> p)
    {
        var inRange = false;
        var i = 0;
        for (; i < p.Length; i++)
        {
            switch (p[i])
            {
                case '\\':
                    if (i + 1 < p.Length) i++;
                    break;
                case '[':
                    inRange = true;
                    break;
                case ']':
                    inRange = false;
                    break;
                case '*':
                    if (!inRange) return i;
                    break;
            }
        }
        return i;
    }

    private enum ChunkResult { Match, NoMatch, Bad }

    private static ChunkResult MatchChunk(ReadOnlySpan<char> chunk, ReadOnlySpan<char> s, out ReadOnlySpan<char> rest)
    {
        rest = default;
        var failed = false;
        while (chunk.Length > 0)
        {
            if (!failed && s.Length == 0) failed = true;
            switch (chunk[0])
            {
                case '[':
                {
                    var r = 0;
                    if (!failed)
                    {
                        r = DecodeRune(s, out var used);
                        s = s[used..];
                    }
                    chunk = chunk[1..];
                    var negated = false;
                    if (chunk.Length > 0 && chunk[0] == '^')
                    {
                        negated = true;
                        chunk = chunk[1..];
                    }
                    var match = false;
                    var ranges = 0;
                    while (true)
                    {
                        if (chunk.Length > 0 && chunk[0] == ']' && ranges > 0)
                        {
                            chunk = chunk[1..];
                            break;
                        }
                        if (!ClassChar(ref chunk, out var lo)) return ChunkResult.Bad;
                        var hi = lo;
                        if (chunk[0] == '-')
                        {
                            chunk = chunk[1..];
                            if (!ClassChar(ref chunk, out hi)) return ChunkResult.Bad;
                        }
                        if (lo <= r && r <= hi) match = true;
                        ranges++;
                    }
                    if (match == negated) failed = true;
                    break;
                }
                case '?':
                    if (!failed)
                    {
                        if (s[0] == '/') failed = true;
                        DecodeRune(s, out var used);
                        s = s[used..];
                    }
                    chunk = chunk[1..];
                    break;
                case '\\':
                    chunk = chunk[1..];
                    if (chunk.Length == 0) return ChunkResult.Bad;
                    goto default;
                default:
                    if (!failed)
                    {
                        if (chunk[0] != s[0]) failed = true;
                        s = s[1..];
                    }
                    chunk = chunk[1..];
                    break;
            }
        }
        if (failed) return ChunkResult.NoMatch;
        rest = s;
        return ChunkResult.Match;
    }

    /// <summary>Reads one (possibly escaped) class character; a class must not end right after it.</summary>
    private static bool ClassChar(ref ReadOnlySpan<char> chunk, out int r)
    {
        r = 0;
        if (chunk.Length == 0 || chunk[0] == '-' || chunk[0] == ']') return false;
        if (chunk[0] == '\\')
        {
            chunk = chunk[1..];
            if (chunk.Length == 0) return false;
        }
        r = DecodeRune(chunk, out var used);
        chunk = chunk[used..];
        return chunk.Length > 0;
    }

    private static int DecodeRune(ReadOnlySpan<char> s, out int used)
    {
        if (Rune.DecodeFromUtf16(s, out var rune, out used) == System.Buffers.OperationStatus.Done) return rune.Value;
        used = 1;
        return s[0];
    }
}
