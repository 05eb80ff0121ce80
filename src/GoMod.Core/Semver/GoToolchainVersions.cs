using System.Globalization;

namespace GoMod.Core.Semver;

/// <summary>
/// Go versions as go 1.21 and later read them (<c>internal/gover</c>, <c>cmd/go/internal/gover</c>): a language version
/// <c>1.21</c>, a release <c>1.21.0</c>, <c>1.21.3</c>, a pre-release <c>1.21rc1</c>, and toolchain names
/// <c>go1.21.3</c> (a suffix after <c>-</c>, space or tab ignored). Order: major, minor, patch (missing below 1.21 means
/// <c>.0</c>; from 1.21 a missing patch sorts first), then kind (none &lt; alpha &lt; beta &lt; rc), then the
/// pre-release number, so <c>1.21 &lt; 1.21rc1 &lt; 1.21.0 &lt; 1.21.1</c> and <c>1.20 == 1.20.0</c>. An invalid
/// version sorts below every valid one.
/// </summary>
internal static class GoToolchainVersions
{
    /// <summary>From this version on, a go line is a minimum (a dependency's raises the main module's, go 1.21's <c>GoStrictVersion</c>).</summary>
    public const string StrictVersion = "1.21";

    /// <summary>
    /// The go command whose tidy we reproduce for go lines from <see cref="StrictVersion"/> on (go 1.23.5): the local
    /// toolchain version used when none is configured.
    /// </summary>
    public const string NewestReproduced = "1.23.5";

    private readonly record struct Parsed(string Major, string Minor, string Patch, string Kind, string Pre)
    {
        public static readonly Parsed Invalid = new("", "", "", "", "");

        public bool IsZero => Major.Length == 0;
    }

    /// <summary>Compares <paramref name="x"/> and <paramref name="y"/> as Go versions (see the class remarks).</summary>
    public static int Compare(string x, string y)
    {
        var a = Parse(x);
        var b = Parse(y);
        int c = CompareInt(a.Major, b.Major);
        if (c == 0) c = CompareInt(a.Minor, b.Minor);
        if (c == 0) c = CompareInt(a.Patch, b.Patch);
        if (c == 0) c = string.CompareOrdinal(a.Kind, b.Kind);
        if (c == 0) c = CompareInt(a.Pre, b.Pre);
        return Math.Sign(c);
    }

    /// <summary>The greater of two versions (<paramref name="x"/> when they compare equal).</summary>
    public static string Max(string x, string y) => Compare(x, y) < 0 ? y : x;

    /// <summary>Whether <paramref name="x"/> is a valid Go version.</summary>
    public static bool IsValid(string x) => !Parse(x).IsZero;

    /// <summary>
    /// Whether <paramref name="x"/> names a language version (<c>1.21</c>) rather than a release (<c>1.21.0</c>,
    /// <c>1.21rc1</c>); below 1.21 <c>1.N</c> is the release <c>1.N.0</c>, so not a language version.
    /// </summary>
    public static bool IsLang(string x)
    {
        var v = Parse(x);
        return !v.IsZero && v.Patch.Length == 0 && v.Kind.Length == 0 && v.Pre.Length == 0;
    }

    /// <summary>The release before <paramref name="x"/>'s (<c>1.22.1</c> → <c>1.21</c>, <c>1.3rc4</c> → <c>1.2</c>), or its major version at 1.0 and 1.1.</summary>
    public static string Prev(string x)
    {
        var v = Parse(x);
        if (CompareInt(v.Minor, "1") <= 0) return v.Major;
        return v.Major + "." + (int.Parse(v.Minor, CultureInfo.InvariantCulture) - 1).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The Go version of a toolchain name (<c>go1.21.3-bigcorp</c> → <c>1.21.3</c>); "" when it names none.</summary>
    public static string FromToolchain(string name)
    {
        if (name.IndexOfAny(['\\', '/']) >= 0 || !name.StartsWith("go", StringComparison.Ordinal)) return "";
        var v = name[2..];
        int i = v.IndexOfAny([' ', '\t', '-']);
        if (i >= 0) v = v[..i];
        return IsValid(v) ? v : "";
    }

    private static Parsed Parse(string x)
    {
        if (!CutInt(ref x, out var major)) return Parsed.Invalid;
        if (x.Length == 0) return new Parsed(major, "0", "0", "", "");
        if (x[0] != '.') return Parsed.Invalid;
        x = x[1..];
        if (!CutInt(ref x, out var minor)) return Parsed.Invalid;
        if (x.Length == 0) return new Parsed(major, minor, CompareInt(minor, "21") < 0 ? "0" : "", "", "");
        if (x[0] == '.')
        {
            x = x[1..];
            if (!CutInt(ref x, out var patch) || x.Length != 0) return Parsed.Invalid;
            return new Parsed(major, minor, patch, "", "");
        }
        int i = 0;
        while (i < x.Length && x[i] is < '0' or > '9')
        {
            if (x[i] is < 'a' or > 'z') return Parsed.Invalid;
            i++;
        }
        if (i == 0) return Parsed.Invalid;
        var kind = x[..i];
        x = x[i..];
        if (x.Length == 0) return new Parsed(major, minor, "", kind, "");
        if (!CutInt(ref x, out var pre) || x.Length != 0) return Parsed.Invalid;
        return new Parsed(major, minor, "", kind, pre);
    }

    private static bool CutInt(ref string x, out string n)
    {
        int i = 0;
        while (i < x.Length && x[i] is >= '0' and <= '9') i++;
        if (i == 0 || (x[0] == '0' && i != 1))
        {
            n = "";
            return false;
        }
        n = x[..i];
        x = x[i..];
        return true;
    }

    /// <summary>Decimal strings compared as numbers ("" below every number).</summary>
    private static int CompareInt(string x, string y)
    {
        if (x == y) return 0;
        if (x.Length != y.Length) return x.Length < y.Length ? -1 : 1;
        return string.CompareOrdinal(x, y) < 0 ? -1 : 1;
    }
}
