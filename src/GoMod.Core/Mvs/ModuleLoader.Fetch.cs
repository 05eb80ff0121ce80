using System.Collections.Concurrent;
using System.IO.Compression;
using GoMod.Core.Module;

namespace GoMod.Core.Mvs;

internal sealed partial class ModuleLoader
{
    private readonly ConcurrentDictionary<ModuleVersion, Lazy<Task<string>>> _zips = new();

    /// <summary>The module zips fetched during this command (module → local zip file), for go.sum.</summary>
    public IEnumerable<KeyValuePair<ModuleVersion, string>> DownloadedZips =>
        _zips.Where(z => z.Value.IsValueCreated && z.Value.Value.IsCompletedSuccessfully).Select(z => KeyValuePair.Create(z.Key, z.Value.Value.Result));

    /// <summary>
    /// go's <c>fetch</c>: the module's files — a replacement directory (which must exist), or the zip of the version
    /// (or of its replacement). Returns the directory or zip file and whether it is a local directory.
    /// </summary>
    public async Task<(string Location, bool IsLocal)> FetchAsync(ModuleVersion mod, CancellationToken ct)
    {
        if (mod.Path == Main.Path && mod.Version.Length == 0) return (Main.ModRoot, true);
        var r = Main.Replacement(mod);
        if (r.Path is not null)
        {
            if (r.Version.Length == 0)
            {
                var dir = Main.ReplacementDirectory(r.Path);
                if (!Directory.Exists(dir))
                    throw new ModuleSourceException(mod.Path, mod.Version, $"replacement directory {r.Path} does not exist");
                return (dir, true);
            }
            mod = r;
        }
        var zip = await _zips.GetOrAdd(mod, m => new Lazy<Task<string>>(() => Source.DownloadZipAsync(m.Path, m.Version, ct))).Value.ConfigureAwait(false);
        return (zip, false);
    }

    /// <summary>
    /// go's <c>dirInModule</c>: whether the module fetched at <paramref name="location"/> provides a package
    /// <paramref name="path"/> — a directory with a <c>.go</c> file, not inside a nested module.
    /// </summary>
    public static bool HasPackage(string path, string modPath, string location, bool isLocal, string zipPrefix)
    {
        string rel;
        if (path == modPath) rel = "";
        else if (path.Length > modPath.Length && path[modPath.Length] == '/' && path.StartsWith(modPath, StringComparison.Ordinal)) rel = path[(modPath.Length + 1)..];
        else return false;

        if (isLocal)
        {
            var dir = rel.Length == 0 ? location : Path.Combine(location, rel);
            for (var d = dir; d.Length > location.Length && d != location;)
            {
                if (File.Exists(Path.Combine(d, "go.mod"))) return false;
                var parent = Path.GetDirectoryName(d);
                if (parent is null || parent == d) break;
                d = parent;
            }
            return Directory.Exists(dir) && Directory.EnumerateFiles(dir, "*.go").Any();
        }

        var want = zipPrefix + (rel.Length == 0 ? "" : rel + "/");
        using var zip = ZipFile.OpenRead(location);
        foreach (var e in zip.Entries)
        {
            var name = e.FullName;
            if (name.Length > want.Length && name.StartsWith(want, StringComparison.Ordinal) && name.EndsWith(".go", StringComparison.Ordinal)
                && name.IndexOf('/', want.Length) < 0)
                return true;
        }
        return false;
    }
}
