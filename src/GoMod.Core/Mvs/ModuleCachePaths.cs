using GoMod.Core.Module;
using GoMod.Core.Semver;

namespace GoMod.Core.Mvs;

/// <summary>Where go keeps a module version in GOMODCACHE (go's <c>modfetch.CachePath</c> and <c>DownloadDir</c>).</summary>
internal static class ModuleCachePaths
{
    /// <summary><c>GOMODCACHE/cache/download/&lt;escaped path&gt;/@v/&lt;escaped version&gt;.&lt;suffix&gt;</c>, or null for an invalid path or version.</summary>
    public static string? DownloadFile(string modCache, ModuleVersion m, string suffix)
    {
        if (!TryEscape(m, out var path, out var version)) return null;
        return Path.Combine([modCache, "cache", "download", .. path.Split('/'), "@v", version + "." + suffix]);
    }

    /// <summary>The extracted directory of a module version, when it is completely extracted (no <c>.partial</c>, a <c>.ziphash</c>).</summary>
    public static string? ExtractedDirectory(string modCache, ModuleVersion m)
    {
        if (!TryEscape(m, out var path, out var version)) return null;
        if (ModulePath.CanonicalVersion(m.Version) != m.Version) return null;
        var dir = Path.Combine([modCache, .. (path + "@" + version).Split('/')]);
        if (!Directory.Exists(dir)) return null;
        if (File.Exists(DownloadFile(modCache, m, "partial"))) return null;
        if (!File.Exists(DownloadFile(modCache, m, "ziphash"))) return null;
        return dir;
    }

    private static bool TryEscape(ModuleVersion m, out string path, out string version)
    {
        path = version = "";
        if (!SemVer.IsValid(m.Version)) return false;
        try
        {
            path = ModulePath.EscapePath(m.Path);
            version = ModulePath.EscapeVersion(m.Version);
            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return false;
        }
    }
}
