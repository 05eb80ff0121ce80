using System.Globalization;
using System.Reflection;

namespace GoMod.Core.Packages;

/// <summary>
/// The standard library's import paths per go version, from data committed with the SDK (StandardLibrary.txt:
/// every directory of go 1.19's GOROOT/src, and the paths later versions added with the version that added them),
/// so that no installed toolchain is needed. go's rule (<c>importFromModules</c>): a path is the standard library's
/// when its first element has no dot (<c>search.IsStandardImportPath</c>) and GOROOT/src holds that directory
/// (<c>goroot.IsStandardPackage</c>); a dotless path that is not there is looked up in modules, and when none provides
/// it, it is go's "package X is not in GOROOT".
/// </summary>
internal static class StandardLibrary
{
    private static readonly Lazy<Dictionary<string, int>> Paths = new(Load);

    /// <summary>The toolchain version the list is exact for; later ones only add the paths listed for them.</summary>
    public const int BaseMinor = 19;

    /// <summary>go's <c>search.IsStandardImportPath</c>: the first path element has no dot.</summary>
    public static bool IsStandardImportPath(string path)
    {
        int i = path.IndexOf('/');
        return !(i < 0 ? path : path[..i]).Contains('.');
    }

    /// <summary>
    /// Whether <paramref name="path"/> is a standard-library directory for a toolchain of <paramref name="goVersion"/>
    /// (go 1.19 when empty or older: the reference toolchain's own GOROOT decides, whatever the module's go line).
    /// </summary>
    public static bool Contains(string path, string? goVersion = null)
    {
        if (!IsStandardImportPath(path)) return false;
        if (!Paths.Value.TryGetValue(path, out var minor)) return false;
        return minor <= Math.Max(BaseMinor, Minor(goVersion));
    }

    /// <summary>The minor version of <c>1.N[.P|rcN…]</c>, or 0.</summary>
    private static int Minor(string? goVersion)
    {
        if (string.IsNullOrEmpty(goVersion) || !goVersion.StartsWith("1.", StringComparison.Ordinal)) return 0;
        int end = 2;
        while (end < goVersion.Length && char.IsAsciiDigit(goVersion[end])) end++;
        return int.TryParse(goVersion.AsSpan(2, end - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
    }

    private static Dictionary<string, int> Load()
    {
        var paths = new Dictionary<string, int>(StringComparer.Ordinal);
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("GoMod.Core.Packages.StandardLibrary.txt")
            ?? throw new InvalidOperationException("internal error: the standard library list is not embedded");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            int sp = line.IndexOf(' ');
            if (sp < 0) paths[line] = BaseMinor;
            else paths[line[(sp + 1)..]] = Minor(line[..sp]);
        }
        return paths;
    }
}
