using GoMod.Core.Internal;

namespace GoMod.Core.Semver;

/// <summary>
/// Semantic versions as the go command understands them: <c>vMAJOR[.MINOR[.PATCH[-PRERELEASE][+BUILD]]]</c>.
/// Semantic Versioning 2.0.0 with two differences: the leading <c>v</c> is required, and <c>vMAJOR</c> /
/// <c>vMAJOR.MINOR</c> (without prerelease or build) are shorthands for <c>vMAJOR.0.0</c> / <c>vMAJOR.MINOR.0</c>.
/// Numbers and numeric prerelease identifiers have no leading zeros; identifiers are non-empty <c>[0-9A-Za-z-]</c>.
/// Every method accepts any string; invalid versions give <c>""</c> (or compare lowest), never an exception.
/// </summary>
public static class SemVer
{
    /// <summary>
    /// Orders versions as Go's <c>semver.Sort</c>: by precedence (<see cref="Compare(string, string)"/>), and versions of equal
    /// precedence (<c>v1</c>, <c>v1.0.0</c>, <c>v1.0.0+meta</c>, or two invalid strings) by byte order, so the
    /// order is total and deterministic. Use <see cref="Compare(string, string)"/> to ask about precedence alone.
    /// </summary>
    public static IComparer<string> Comparer { get; } = new ByVersionComparer();

    /// <summary>Reports whether <paramref name="v"/> is a valid semantic version in Go's sense (the <c>v</c> is required).</summary>
    public static bool IsValid(string? v) => Parsed.TryParse(v.AsSpan(), out _);

    /// <summary>
    /// The canonical form of <paramref name="v"/>: missing <c>.MINOR</c>/<c>.PATCH</c> filled in with zeros and build
    /// metadata dropped (<c>v1.2</c> → <c>v1.2.0</c>, <c>v1.2.3+meta</c> → <c>v1.2.3</c>). <c>""</c> if invalid.
    /// Two versions have equal precedence exactly when their canonical forms are equal.
    /// </summary>
    public static string Canonical(string? v)
    {
        if (!Parsed.TryParse(v.AsSpan(), out var p)) return "";
        if (p.BuildStart >= 0) return v![..p.BuildStart];
        return p.Shorthand switch
        {
            1 => v + ".0.0",
            2 => v + ".0",
            _ => v!,
        };
    }

    /// <summary>The major version prefix, <c>v2.1.0</c> → <c>v2</c>. <c>""</c> if invalid.</summary>
    public static string Major(string? v) => Parsed.TryParse(v.AsSpan(), out var p) ? v![..p.MajorEnd] : "";

    /// <summary>The major.minor prefix, <c>v2.1.0</c> → <c>v2.1</c>, <c>v2</c> → <c>v2.0</c>. <c>""</c> if invalid.</summary>
    public static string MajorMinor(string? v)
    {
        if (!Parsed.TryParse(v.AsSpan(), out var p)) return "";
        return p.Shorthand == 1 ? v + ".0" : v![..p.MinorEnd];
    }

    /// <summary>The prerelease suffix including its dash, <c>v2.1.0-pre+meta</c> → <c>-pre</c>. <c>""</c> if none or invalid.</summary>
    public static string Prerelease(string? v)
    {
        if (!Parsed.TryParse(v.AsSpan(), out var p) || p.PrereleaseStart < 0) return "";
        return v![p.PrereleaseStart..p.PrereleaseEnd];
    }

    /// <summary>The build suffix including its plus, <c>v2.1.0+meta</c> → <c>+meta</c>. <c>""</c> if none or invalid.</summary>
    public static string Build(string? v)
    {
        if (!Parsed.TryParse(v.AsSpan(), out var p) || p.BuildStart < 0) return "";
        return v![p.BuildStart..];
    }

    /// <summary>
    /// Compares by semantic-version precedence: -1, 0 or +1. Major, minor and patch compare numerically; a release is
    /// above its prereleases; prerelease identifiers compare left to right, numeric ones numerically and below
    /// alphanumeric ones, which compare in ASCII order (case-sensitively: <c>-A</c> &lt; <c>-a</c>); a longer
    /// identifier list wins when one is a prefix of the other. Build metadata is ignored. An invalid version is
    /// below every valid one, and all invalid versions compare equal.
    /// </summary>
    public static int Compare(string? v, string? w) => Compare(v.AsSpan(), w.AsSpan());

    /// <summary>
    /// <see cref="Compare(string, string)"/> on spans, so that callers holding a slice (e.g. the version part of a go.sum
    /// key <c>v1.2.3/go.mod</c>) need not allocate a string.
    /// </summary>
    public static int Compare(ReadOnlySpan<char> v, ReadOnlySpan<char> w)
    {
        var okV = Parsed.TryParse(v, out var pv);
        var okW = Parsed.TryParse(w, out var pw);
        if (!okV) return okW ? -1 : 0;
        if (!okW) return 1;
        var c = CompareNumber(pv.MajorSpan(v), pw.MajorSpan(w));
        if (c != 0) return c;
        c = CompareNumber(pv.MinorSpan(v), pw.MinorSpan(w));
        if (c != 0) return c;
        c = CompareNumber(pv.PatchSpan(v), pw.PatchSpan(w));
        if (c != 0) return c;
        return ComparePrerelease(pv.PrereleaseSpan(v), pw.PrereleaseSpan(w));
    }

    /// <summary>
    /// Canonicalizes both versions and returns the one with higher precedence (<paramref name="w"/> on a tie),
    /// as Go's deprecated <c>semver.Max</c>; invalid inputs become <c>""</c>.
    /// </summary>
    public static string Max(string? v, string? w)
    {
        var cv = Canonical(v);
        var cw = Canonical(w);
        return Compare(cv, cw) > 0 ? cv : cw;
    }

    /// <summary>Sorts in place in <see cref="Comparer"/> order (Go's <c>semver.Sort</c>).</summary>
    public static void Sort(List<string> list)
    {
        ArgumentNullException.ThrowIfNull(list);
        list.Sort(Comparer);
    }

    // Digit strings without leading zeros: a longer one is larger, equal lengths compare digit by digit.
    private static int CompareNumber(ReadOnlySpan<char> x, ReadOnlySpan<char> y)
    {
        if (x.Length != y.Length) return x.Length < y.Length ? -1 : 1;
        var c = x.SequenceCompareTo(y);
        return c < 0 ? -1 : c > 0 ? 1 : 0;
    }

    // x and y include the leading '-' (or are empty for a release).
    private static int ComparePrerelease(ReadOnlySpan<char> x, ReadOnlySpan<char> y)
    {
        if (x.SequenceEqual(y)) return 0;
        if (x.IsEmpty) return 1;
        if (y.IsEmpty) return -1;
        x = x[1..];
        y = y[1..];
        while (true)
        {
            var ix = x.IndexOf('.');
            var iy = y.IndexOf('.');
            var dx = ix < 0 ? x : x[..ix];
            var dy = iy < 0 ? y : y[..iy];
            if (!dx.SequenceEqual(dy))
            {
                var nx = IsNumeric(dx);
                var ny = IsNumeric(dy);
                if (nx != ny) return nx ? -1 : 1;
                if (nx) return CompareNumber(dx, dy);
                // Ordinal char order equals ASCII order; identifiers are ASCII.
                return dx.SequenceCompareTo(dy) < 0 ? -1 : 1;
            }
            if (ix < 0 || iy < 0)
            {
                if (ix < 0 && iy < 0) return 0;
                return ix < 0 ? -1 : 1;
            }
            x = x[(ix + 1)..];
            y = y[(iy + 1)..];
        }
    }

    private static bool IsNumeric(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
            if (c is < '0' or > '9') return false;
        return true;
    }

    private sealed class ByVersionComparer : IComparer<string>
    {
        public int Compare(string? x, string? y)
        {
            var c = SemVer.Compare(x, y);
            return c != 0 ? c : GoString.CompareOrdinal(x, y);
        }
    }

    /// <summary>Positions of the parts of a valid version inside its string; no allocation.</summary>
    private readonly struct Parsed
    {
        /// <summary>End of <c>vMAJOR</c> (exclusive).</summary>
        public int MajorEnd { get; private init; }
        /// <summary>End of <c>vMAJOR.MINOR</c>; equals MajorEnd for the <c>vMAJOR</c> shorthand.</summary>
        public int MinorEnd { get; private init; }
        /// <summary>End of <c>vMAJOR.MINOR.PATCH</c>; equals MinorEnd for a shorthand.</summary>
        public int PatchEnd { get; private init; }
        /// <summary>0: full form; 1: <c>vMAJOR</c>; 2: <c>vMAJOR.MINOR</c>.</summary>
        public int Shorthand { get; private init; }
        public int PrereleaseStart { get; private init; }
        public int PrereleaseEnd { get; private init; }
        public int BuildStart { get; private init; }

        public ReadOnlySpan<char> MajorSpan(ReadOnlySpan<char> v) => v.Slice(1, MajorEnd - 1);
        public ReadOnlySpan<char> MinorSpan(ReadOnlySpan<char> v) => Shorthand == 1 ? "0" : v.Slice(MajorEnd + 1, MinorEnd - MajorEnd - 1);
        public ReadOnlySpan<char> PatchSpan(ReadOnlySpan<char> v) => Shorthand != 0 ? "0" : v.Slice(MinorEnd + 1, PatchEnd - MinorEnd - 1);
        public ReadOnlySpan<char> PrereleaseSpan(ReadOnlySpan<char> v) => PrereleaseStart < 0 ? default : v.Slice(PrereleaseStart, PrereleaseEnd - PrereleaseStart);

        public static bool TryParse(ReadOnlySpan<char> v, out Parsed parsed)
        {
            parsed = default;
            if (v.IsEmpty || v[0] != 'v') return false;
            var pos = 1;
            if (!Number(v, ref pos)) return false;
            var majorEnd = pos;
            if (pos == v.Length)
            {
                parsed = new Parsed { MajorEnd = majorEnd, MinorEnd = majorEnd, PatchEnd = majorEnd, Shorthand = 1, PrereleaseStart = -1, PrereleaseEnd = -1, BuildStart = -1 };
                return true;
            }
            if (v[pos] != '.') return false;
            pos++;
            if (!Number(v, ref pos)) return false;
            var minorEnd = pos;
            if (pos == v.Length)
            {
                parsed = new Parsed { MajorEnd = majorEnd, MinorEnd = minorEnd, PatchEnd = minorEnd, Shorthand = 2, PrereleaseStart = -1, PrereleaseEnd = -1, BuildStart = -1 };
                return true;
            }
            if (v[pos] != '.') return false;
            pos++;
            if (!Number(v, ref pos)) return false;
            var patchEnd = pos;
            int preStart = -1, preEnd = -1, buildStart = -1;
            if (pos < v.Length && v[pos] == '-')
            {
                preStart = pos;
                if (!Identifiers(v, ref pos, numericRule: true)) return false;
                preEnd = pos;
            }
            if (pos < v.Length && v[pos] == '+')
            {
                buildStart = pos;
                if (!Identifiers(v, ref pos, numericRule: false)) return false;
            }
            if (pos != v.Length) return false;
            parsed = new Parsed { MajorEnd = majorEnd, MinorEnd = minorEnd, PatchEnd = patchEnd, Shorthand = 0, PrereleaseStart = preStart, PrereleaseEnd = preEnd, BuildStart = buildStart };
            return true;
        }

        // One or more ASCII digits, no leading zero unless the number is 0.
        private static bool Number(ReadOnlySpan<char> v, ref int pos)
        {
            var start = pos;
            while (pos < v.Length && v[pos] is >= '0' and <= '9') pos++;
            if (pos == start) return false;
            return !(v[start] == '0' && pos - start > 1);
        }

        // At v[pos] is the '-' or '+' introducing dot-separated identifiers; stops before '+' or at the end.
        // A prerelease stops at '+', build metadata runs to the end (a '+' inside it is an invalid char).
        private static bool Identifiers(ReadOnlySpan<char> v, ref int pos, bool numericRule)
        {
            pos++;
            var start = pos;
            for (; pos < v.Length; pos++)
            {
                var c = v[pos];
                if (c == '+' && numericRule) break;
                if (c == '.')
                {
                    if (!IdentifierOk(v, start, pos, numericRule)) return false;
                    start = pos + 1;
                    continue;
                }
                if (!(c is >= '0' and <= '9' or >= 'a' and <= 'z' or >= 'A' and <= 'Z' or '-')) return false;
            }
            return IdentifierOk(v, start, pos, numericRule);
        }

        private static bool IdentifierOk(ReadOnlySpan<char> v, int start, int end, bool numericRule)
        {
            if (start == end) return false;
            if (!numericRule || end - start == 1 || v[start] != '0') return true;
            // A numeric identifier may not have a leading zero; "0abc" is alphanumeric and fine.
            for (var i = start; i < end; i++)
                if (v[i] is < '0' or > '9') return true;
            return false;
        }
    }
}
