using System.Globalization;
using System.Text;

namespace GoMod.Core.Sum;

/// <summary>
/// TEMPORARY stand-ins for rules owned by GoMod.Core.Semver, GoMod.Core.Module and GoMod.Core.ModFile, which are being
/// written in parallel. Each member is replaced by a call to the real API once it lands on main; nothing outside
/// Sum and Zip uses them.
/// </summary>
internal static class Seams
{
    // ---- semver (Go's golang.org/x/mod/semver rules) ----

    private readonly record struct Parsed(string Major, string Minor, string Patch, string Prerelease);

    private static bool TryParse(string v, out Parsed p)
    {
        p = default;
        if (v.Length == 0 || v[0] != 'v') return false;
        var i = 1;
        if (!Num(v, ref i, out var major)) return false;
        if (i == v.Length) { p = new(major, "0", "0", ""); return true; }
        if (v[i] != '.') return false;
        i++;
        if (!Num(v, ref i, out var minor)) return false;
        if (i == v.Length) { p = new(major, minor, "0", ""); return true; }
        if (v[i] != '.') return false;
        i++;
        if (!Num(v, ref i, out var patch)) return false;
        var pre = "";
        if (i < v.Length && v[i] == '-')
        {
            var start = i;
            if (!Idents(v, ref i, prerelease: true)) return false;
            pre = v[start..i];
        }
        if (i < v.Length && v[i] == '+' && !Idents(v, ref i, prerelease: false)) return false;
        if (i != v.Length) return false;
        p = new(major, minor, patch, pre);
        return true;
    }

    private static bool Num(string v, ref int i, out string n)
    {
        var start = i;
        while (i < v.Length && v[i] is >= '0' and <= '9') i++;
        n = v[start..i];
        return n.Length > 0 && (n.Length == 1 || n[0] != '0');
    }

    private static bool Idents(string v, ref int i, bool prerelease)
    {
        // v[i] is '-' or '+'; identifiers are non-empty [0-9A-Za-z-] separated by dots; numeric prerelease ones have no leading zero.
        i++;
        var start = i;
        while (true)
        {
            while (i < v.Length && (char.IsAsciiLetterOrDigit(v[i]) || v[i] == '-')) i++;
            var ident = v[start..i];
            if (ident.Length == 0) return false;
            if (prerelease && ident.Length > 1 && ident[0] == '0' && ident.All(char.IsAsciiDigit)) return false;
            if (i < v.Length && v[i] == '.') { i++; start = i; continue; }
            return true;
        }
    }

    public static bool IsValidSemVer(string v) => TryParse(v, out _);

    public static int CompareSemVer(string v, string w)
    {
        if (v == w) return 0;
        var okV = TryParse(v, out var pv);
        var okW = TryParse(w, out var pw);
        if (!okV && !okW) return 0;
        if (!okV) return -1;
        if (!okW) return 1;
        var c = CompareInt(pv.Major, pw.Major);
        if (c == 0) c = CompareInt(pv.Minor, pw.Minor);
        if (c == 0) c = CompareInt(pv.Patch, pw.Patch);
        return c != 0 ? c : ComparePrerelease(pv.Prerelease, pw.Prerelease);
    }

    private static int CompareInt(string x, string y)
        => x.Length != y.Length ? x.Length.CompareTo(y.Length) : Math.Sign(string.CompareOrdinal(x, y));

    private static int ComparePrerelease(string x, string y)
    {
        if (x == y) return 0;
        if (x.Length == 0) return 1;
        if (y.Length == 0) return -1;
        var xs = x[1..].Split('.');
        var ys = y[1..].Split('.');
        for (var i = 0; i < Math.Min(xs.Length, ys.Length); i++)
        {
            if (xs[i] == ys[i]) continue;
            var nx = xs[i].All(char.IsAsciiDigit);
            var ny = ys[i].All(char.IsAsciiDigit);
            if (nx != ny) return nx ? -1 : 1;
            if (nx) return CompareInt(xs[i], ys[i]);
            return Math.Sign(string.CompareOrdinal(xs[i], ys[i]));
        }
        return xs.Length.CompareTo(ys.Length);
    }
}
