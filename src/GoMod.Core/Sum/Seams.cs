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

/// <summary>
/// TEMPORARY duplicates of module-path rules (GoMod.Core.Module) and the go.mod go line (GoMod.Core.ModFile), used by
/// GoMod.Core.Zip until those land on main.
/// </summary>
internal static class ModuleSeams
{
    /// <summary>Go's module.CanonicalVersion: semver.Canonical keeping a "+incompatible" build suffix.</summary>
    public static string CanonicalVersion(string v)
    {
        if (!Seams.IsValidSemVer(v)) return "";
        var plus = v.IndexOf('+');
        var core = plus >= 0 ? v[..plus] : v;
        var pre = core.IndexOf('-');
        var release = pre >= 0 ? core[..pre] : core;
        var parts = release.Split('.');
        var canon = parts.Length switch { 1 => release + ".0.0", 2 => release + ".0", _ => release } + (pre >= 0 ? core[pre..] : "");
        return plus >= 0 && v[plus..] == "+incompatible" ? canon + "+incompatible" : canon;
    }

    /// <summary>A reduced module.Check: a non-empty path without spaces or '@', and a valid semantic version.</summary>
    public static string? CheckModule(string path, string version)
    {
        if (path.Length == 0 || path.Any(c => c is ' ' or '@' or '\\' or ':') || path.StartsWith('/') || path.EndsWith('/'))
            return $"malformed module path {GoQuoteSeam.Quote(path)}";
        if (!Seams.IsValidSemVer(version))
            return $"{path}: version {GoQuoteSeam.Quote(version)} invalid: not a semantic version";
        return null;
    }

    /// <summary>module.CheckFilePath: the error text (Go's wording) or null when the slash-separated file path is valid.</summary>
    public static string? CheckFilePath(string path)
    {
        var err = CheckFilePathElems(path);
        return err is null ? null : $"malformed file path {GoQuoteSeam.Quote(path)}: {err}";
    }

    private static readonly string[] BadWindowsNames =
        ["CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
         "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9"];

    private static string? CheckFilePathElems(string path)
    {
        if (path.Length == 0) return "empty string";
        if (path.Contains("//", StringComparison.Ordinal)) return "double slash";
        if (path[^1] == '/') return "trailing slash";
        foreach (var elem in path.Split('/'))
        {
            if (elem.Length == 0) return "empty path element";
            if (elem.All(c => c == '.')) return $"invalid path element {GoQuoteSeam.Quote(elem)}";
            if (elem[^1] == '.') return "trailing dot in path element";
            foreach (var r in elem.EnumerateRunes())
            {
                var ok = r.Value < 0x80
                    ? char.IsAsciiLetterOrDigit((char)r.Value) || "!#$%&()+,-.=@[]^_{}~ ".Contains((char)r.Value)
                    : Rune.IsLetter(r);
                if (!ok) return $"invalid char {GoQuoteSeam.QuoteRune(r)}";
            }
            var dot = elem.IndexOf('.');
            var shortName = dot >= 0 ? elem[..dot] : elem;
            foreach (var bad in BadWindowsNames)
                if (string.Equals(bad, shortName, StringComparison.OrdinalIgnoreCase))
                    return $"{GoQuoteSeam.Quote(shortName)} disallowed as path element component on Windows";
        }
        return null;
    }

    /// <summary>The version on the go.mod's <c>go</c> line (first one), or null when there is none.</summary>
    public static string? GoLineVersion(string goModText)
    {
        foreach (var raw in goModText.Split('\n'))
        {
            var line = raw;
            var comment = line.IndexOf("//", StringComparison.Ordinal);
            if (comment >= 0) line = line[..comment];
            var fields = line.Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 2 && fields[0] == "go") return fields[1];
        }
        return null;
    }
}

/// <summary>TEMPORARY: GoMod.Core.Module's ModuleVersion, with the contract's shape, until it lands on main.</summary>
public readonly record struct ModuleVersion(string Path, string Version)
{
    public override string ToString() => Version.Length == 0 ? Path : Path + "@" + Version;
}

/// <summary>Go's %q quoting (strconv.Quote / QuoteRune), so messages read exactly like the go command's.</summary>
internal static class GoQuoteSeam
{
    public static string Quote(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (var r in s.EnumerateRunes()) Append(sb, r, '"');
        return sb.Append('"').ToString();
    }

    public static string QuoteRune(Rune r)
    {
        var sb = new StringBuilder("'");
        Append(sb, r, '\'');
        return sb.Append('\'').ToString();
    }

    private static void Append(StringBuilder sb, Rune r, char quote)
    {
        if (r.Value == quote || r.Value == '\\') { sb.Append('\\').Append((char)r.Value); return; }
        switch (r.Value)
        {
            case '\a': sb.Append(@"\a"); return;
            case '\b': sb.Append(@"\b"); return;
            case '\f': sb.Append(@"\f"); return;
            case '\n': sb.Append(@"\n"); return;
            case '\r': sb.Append(@"\r"); return;
            case '\t': sb.Append(@"\t"); return;
            case '\v': sb.Append(@"\v"); return;
        }
        if (IsPrint(r)) { sb.Append(r.ToString()); return; }
        if (r.Value < 0x80) sb.Append(@"\x").Append(r.Value.ToString("x2", CultureInfo.InvariantCulture));
        else if (r.Value < 0x10000) sb.Append(@"\u").Append(r.Value.ToString("x4", CultureInfo.InvariantCulture));
        else sb.Append(@"\U").Append(r.Value.ToString("x8", CultureInfo.InvariantCulture));
    }

    private static bool IsPrint(Rune r)
    {
        if (r.Value == ' ') return true;
        var c = Rune.GetUnicodeCategory(r);
        return c is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.OtherNotAssigned
            or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.SpaceSeparator
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator);
    }
}
