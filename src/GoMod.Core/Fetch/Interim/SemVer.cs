namespace GoMod.Core.Semver;

// Interim stand-in for the semver-module helper's SemVer (deleted on merge).
public static class SemVer
{
    private readonly record struct Parsed(string Major, string Minor, string Patch, string Short, string Prerelease, string Build);

    public static bool IsValid(string v) => Parse(v) is not null;

    public static string Canonical(string v)
    {
        if (Parse(v) is not { } p) return "";
        return p.Build.Length > 0 ? v[..^p.Build.Length] + p.Short : v + p.Short;
    }

    public static string Prerelease(string v) => Parse(v)?.Prerelease ?? "";

    public static string Major(string v) => Parse(v) is { } p ? "v" + p.Major : "";

    public static int Compare(string v, string w)
    {
        var pv = Parse(v);
        var pw = Parse(w);
        if (pv is null && pw is null) return 0;
        if (pv is null) return -1;
        if (pw is null) return 1;
        var a = pv.Value;
        var b = pw.Value;
        int c;
        if ((c = CompareInt(a.Major, b.Major)) != 0) return c;
        if ((c = CompareInt(a.Minor, b.Minor)) != 0) return c;
        if ((c = CompareInt(a.Patch, b.Patch)) != 0) return c;
        return ComparePrerelease(a.Prerelease, b.Prerelease);
    }

    public static IComparer<string> Comparer { get; } = Comparer<string>.Create((x, y) =>
    {
        var c = Compare(x, y);
        return c != 0 ? c : string.CompareOrdinal(x, y);
    });

    public static void Sort(List<string> list) => list.Sort(Comparer);

    private static int CompareInt(string x, string y)
    {
        if (x == y) return 0;
        if (x.Length != y.Length) return x.Length < y.Length ? -1 : 1;
        return string.CompareOrdinal(x, y) < 0 ? -1 : 1;
    }

    private static int ComparePrerelease(string x, string y)
    {
        if (x == y) return 0;
        if (x.Length == 0) return 1;
        if (y.Length == 0) return -1;
        var xs = x[1..].Split('.');
        var ys = y[1..].Split('.');
        for (var i = 0; i < Math.Min(xs.Length, ys.Length); i++)
        {
            var dx = xs[i].All(char.IsAsciiDigit);
            var dy = ys[i].All(char.IsAsciiDigit);
            if (dx != dy) return dx ? -1 : 1;
            var c = dx ? CompareInt(xs[i], ys[i]) : Math.Sign(string.CompareOrdinal(xs[i], ys[i]));
            if (c != 0) return c;
        }
        return xs.Length.CompareTo(ys.Length) switch { < 0 => -1, > 0 => 1, _ => 0 };
    }

    private static Parsed? Parse(string v)
    {
        if (v.Length == 0 || v[0] != 'v') return null;
        var i = 1;
        if (!Num(v, ref i, out var major)) return null;
        if (i == v.Length) return new Parsed(major, "0", "0", ".0.0", "", "");
        if (v[i] != '.') return null;
        i++;
        if (!Num(v, ref i, out var minor)) return null;
        if (i == v.Length) return new Parsed(major, minor, "0", ".0", "", "");
        if (v[i] != '.') return null;
        i++;
        if (!Num(v, ref i, out var patch)) return null;
        var pre = "";
        if (i < v.Length && v[i] == '-')
        {
            var start = i++;
            if (!Idents(v, ref i, prerelease: true)) return null;
            pre = v[start..i];
        }
        var build = "";
        if (i < v.Length && v[i] == '+')
        {
            var start = i++;
            if (!Idents(v, ref i, prerelease: false)) return null;
            build = v[start..i];
        }
        if (i != v.Length) return null;
        return new Parsed(major, minor, patch, "", pre, build);
    }

    private static bool Num(string v, ref int i, out string n)
    {
        var start = i;
        while (i < v.Length && char.IsAsciiDigit(v[i])) i++;
        n = v[start..i];
        return n.Length > 0 && (n.Length == 1 || n[0] != '0');
    }

    private static bool Idents(string v, ref int i, bool prerelease)
    {
        var start = i;
        while (i < v.Length && (char.IsAsciiLetterOrDigit(v[i]) || v[i] == '-' || v[i] == '.')) i++;
        var s = v[start..i];
        if (s.Length == 0) return false;
        foreach (var part in s.Split('.'))
        {
            if (part.Length == 0) return false;
            if (prerelease && part.Length > 1 && part[0] == '0' && part.All(char.IsAsciiDigit)) return false;
        }
        return true;
    }
}
