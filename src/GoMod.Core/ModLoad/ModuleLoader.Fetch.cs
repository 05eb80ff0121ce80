using System.Collections.Concurrent;
using GoMod.Core.ModCache;
using GoMod.Core.ModFile;
using GoMod.Core.ModSource;
using GoMod.Core.Module;

namespace GoMod.Core.ModLoad;

internal sealed partial class ModuleLoader
{
    private readonly ConcurrentDictionary<ModuleVersion, Lazy<Task<ModuleContent>>> _contents = new();
    private readonly ConcurrentDictionary<ModuleVersion, string> _zips = new();

    /// <summary>The module zips fetched during this command (module → local zip file), for go.sum.</summary>
    public IReadOnlyDictionary<ModuleVersion, string> DownloadedZips => _zips;

    /// <summary>
    /// go's <c>fetch</c>: the module's files — the main module's directory, a replacement directory (which must exist),
    /// or the zip of the version (or of its replacement), whose sum go.sum may then record.
    /// </summary>
    public Task<ModuleContent> FetchAsync(ModuleVersion mod, CancellationToken ct)
    {
        if (mod.Path == Main.Path && mod.Version.Length == 0) return Task.FromResult(ModuleContent.FromDirectory(Main.ModRoot));
        var r = Main.Replacement(mod);
        if (r.Path is not null)
        {
            if (r.Version.Length == 0)
            {
                var dir = Main.ReplacementDirectory(r.Path);
                if (!Directory.Exists(dir))
                    return Task.FromException<ModuleContent>(new ReplacementDirectoryMissingException(mod, r.Path));
                return Task.FromResult(ModuleContent.FromDirectory(dir));
            }
            mod = r;
        }
        return _contents.GetOrAdd(mod, m => new Lazy<Task<ModuleContent>>(async () =>
        {
            await ExtractFirstAsync(m, ct).ConfigureAwait(false);
            var zip = await Source.DownloadZipAsync(m.Path, m.Version, ct).ConfigureAwait(false);
            _zips[m] = zip;
            // A complete extraction in the module cache has the zip's files: read them there, as go does.
            if (Source is DownloaderModuleSource { Downloader.Cache: var cache } && cache.GetExtractedState(m) == ExtractedState.Complete)
            {
                // Its listings and file facts may come from earlier runs (the extraction is immutable).
                var dir = cache.ModuleDir(m);
                Options.SourceFacts?.AddModule(m, dir, cache.CachePath(m, "ziphash"));
                return ModuleContent.FromExtracted(dir, Options.SourceFacts);
            }
            return ModuleContent.FromZip(zip, m.Path + "@" + m.Version + "/");
        })).Value;
    }

    /// <summary>
    /// go's <c>fetch</c> extracts the module it looks into (<c>modfetch.Download</c>), so a package load through the
    /// downloader does too, before reading it: a module new to the cache is then downloaded, hashed and extracted in one
    /// pass, its files are read from the tree (and their facts kept in the source facts store), and the restore's batch
    /// later finds it complete, instead of the zip being hashed for the load and inflated again for the batch. A zip
    /// whose entries may not be extracted is stored all the same and read from the zip, as before; the batch's
    /// extraction reports it. Only a source that declares the capability (<see cref="IExtractingModuleSource"/>) extracts.
    /// </summary>
    private Task ExtractFirstAsync(ModuleVersion m, CancellationToken ct) =>
        Source is IExtractingModuleSource source ? source.ExtractBeforeReadAsync(m.Path, m.Version, ct) : Task.CompletedTask;

    /// <summary>
    /// go's <c>dirInModule</c>: where package <paramref name="path"/> would be in module <paramref name="modPath"/>
    /// (null if the path is not inside it, or is inside a nested module of a local tree), and whether that directory
    /// holds a <c>.go</c> file.
    /// </summary>
    public static (string? Dir, bool HasGoFiles) DirInModule(string path, string modPath, ModuleContent content)
    {
        string rel;
        if (path == modPath) rel = "";
        else if (path.Length > modPath.Length && path[modPath.Length] == '/' && path.StartsWith(modPath, StringComparison.Ordinal)) rel = path[(modPath.Length + 1)..];
        else return (null, false);
        if (content.IsLocal && content.InNestedModule(rel)) return (null, false);
        return (rel, content.HasGoFiles(rel));
    }
}
