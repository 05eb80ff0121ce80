using System.Text;
using GoMod.Core.Internal;
using GoMod.Core.Module;

namespace GoMod.Core.ModSummaries;

/// <summary>
/// A fast reader for the plain go.mod files most dependencies have, giving exactly what <see cref="ModSummaryReader"/>
/// gets from a lax parse: only <c>module P</c>, <c>go 1.N</c>, <c>require P V</c> and <c>require ( … )</c> lines,
/// blank lines, and <c>//</c> comments after the module line, with canonical versions that match their path's major
/// version. Anything else (quotes, retractions, other directives, comments that could carry a deprecation, a
/// version go would rewrite or reject) is declined, and the caller parses the file with the full parser.
/// </summary>
internal static class FastModSummary
{
    public static bool TryParse(ReadOnlySpan<byte> data, out ModSummary? summary, StringPool? pool = null)
    {
        pool ??= new StringPool();
        summary = null;
        string modulePath = "";
        string goVersion = "";
        bool sawModule = false, sawGo = false, inBlock = false;
        var require = new List<ModuleVersion>(Math.Max(4, data.Count((byte)'\n')));
        Span<Range> tokens = stackalloc Range[4];

        while (data.Length > 0)
        {
            int nl = data.IndexOf((byte)'\n');
            var line = nl < 0 ? data : data[..nl];
            data = nl < 0 ? default : data[(nl + 1)..];

            int comment = line.IndexOf("//"u8);
            if (comment >= 0)
            {
                // A comment before or on the module line could carry a deprecation.
                if (!sawModule) return false;
                line = line[..comment];
            }

            int n = Tokenize(line, tokens);
            if (n < 0) return false;
            if (n == 0) continue;
            var first = line[tokens[0]];

            if (inBlock)
            {
                if (n == 1 && first.SequenceEqual(")"u8)) { inBlock = false; continue; }
                if (n != 2 || !TryRequirement(first, line[tokens[1]], require, pool)) return false;
                continue;
            }

            if (first.SequenceEqual("module"u8))
            {
                if (sawModule || n != 2 || comment >= 0 || line[tokens[1]].IndexOfAny("()"u8) >= 0) return false;
                modulePath = pool.Get(line[tokens[1]]);
                sawModule = true;
            }
            else if (first.SequenceEqual("go"u8))
            {
                if (sawGo || n != 2 || !IsGoVersion(line[tokens[1]])) return false;
                goVersion = pool.Get(line[tokens[1]]);
                sawGo = true;
            }
            else if (first.SequenceEqual("require"u8))
            {
                if (n == 2 && line[tokens[1]].SequenceEqual("("u8)) inBlock = true;
                else if (n != 3 || !TryRequirement(line[tokens[1]], line[tokens[2]], require, pool)) return false;
            }
            else
            {
                return false;
            }
        }
        if (inBlock) return false;
        summary = new ModSummary(modulePath, "", goVersion, ModSummary.PruningForGoVersion(goVersion), require.Count == 0 ? [] : [.. require], []);
        return true;
    }

    /// <summary>Splits on spaces and tabs; returns the token count, or -1 for a character outside the plain subset or too many tokens.</summary>
    private static int Tokenize(ReadOnlySpan<byte> line, Span<Range> tokens)
    {
        int n = 0, i = 0;
        while (i < line.Length)
        {
            byte c = line[i];
            if (c is (byte)' ' or (byte)'\t') { i++; continue; }
            int start = i;
            while (i < line.Length && line[i] is not ((byte)' ' or (byte)'\t'))
            {
                if (!IsPlain(line[i])) return -1;
                i++;
            }
            if (n == tokens.Length) return -1;
            tokens[n++] = new Range(start, i);
        }
        return n;
    }

    private static bool IsPlain(byte c) =>
        c is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9'
            or (byte)'.' or (byte)'-' or (byte)'_' or (byte)'~' or (byte)'/' or (byte)'+' or (byte)'!' or (byte)'(' or (byte)')';

    /// <summary>The go line forms every parser version keeps as written: <c>1.N</c> with no leading zeros.</summary>
    private static bool IsGoVersion(ReadOnlySpan<byte> v)
    {
        int dot = v.IndexOf((byte)'.');
        if (dot <= 0 || dot == v.Length - 1) return false;
        var major = v[..dot];
        var minor = v[(dot + 1)..];
        if (major[0] == '0' || (minor[0] == '0' && minor.Length > 1)) return false;
        foreach (var c in major) if (c is < (byte)'0' or > (byte)'9') return false;
        foreach (var c in minor) if (c is < (byte)'0' or > (byte)'9') return false;
        return true;
    }

    private static bool TryRequirement(ReadOnlySpan<byte> pathBytes, ReadOnlySpan<byte> versionBytes, List<ModuleVersion> require, StringPool pool)
    {
        if (pathBytes.IndexOfAny("()"u8) >= 0 || versionBytes.IndexOfAny("()"u8) >= 0) return false;
        var m = new ModuleVersion(pool.Get(pathBytes), pool.Get(versionBytes));
        if (!pool.IsPlainRequirement(m, IsPlain)) return false;
        require.Add(m);
        return true;
    }

    private static bool IsPlain(ModuleVersion m) =>
        ModulePath.CanonicalVersion(m.Version) == m.Version
        && ModulePath.SplitPathVersion(m.Path, out _, out var pathMajor) && ModulePath.MatchPathMajor(m.Version, pathMajor);
}
