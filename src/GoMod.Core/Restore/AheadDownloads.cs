using GoMod.Core.Fetch;
using GoMod.Core.GoEnv;
using GoMod.Core.ModFile;
using GoMod.Core.Module;
using GoMod.Core.Packages;
using GoMod.Core.Sum;

namespace GoMod.Core.Restore;

/// <summary>
/// Downloads and extracts go.mod's requirements while the build list is still being computed, when they are certain
/// to be what the restore fetches afterwards. A main module at go 1.17 or later whose go.mod is consistent lists every
/// module go mod download fetches, at the version MVS selects (<see cref="ModDownload.Targets"/>); under
/// <c>-mod=readonly</c> an inconsistent go.mod is an error before any zip is wanted. So, when ./... can match no package
/// of the main module (it has no .go file: the restore then fetches what go mod download fetches, not go build's
/// packages), each requirement whose zip and go.mod have go.sum lines (the zip is checked against them as always) and
/// that no exclude names is started at once. The later download of the build list's targets shares these downloads
/// (<see cref="ModuleDownloader"/> does each module version once), so nothing is fetched twice; the graph's go.mod
/// reads and the zips' inflating then overlap instead of following each other.
/// </summary>
/// <remarks>
/// Only an inconsistent go.mod (an error under readonly) or a failed build list can leave a requirement downloaded
/// that the restore did not need: a complete, verified module version in the cache, as <c>go mod download M@V</c>
/// leaves it. Disposing stops what is still running and waits for it, so nothing is written after the restore returns.
/// </remarks>
internal sealed class AheadDownloads : IAsyncDisposable
{
    /// <summary>How many directory entries the look for .go files reads before giving up (and not starting anything).</summary>
    internal const int WalkLimit = 20_000;

    /// <summary>How many of go.mod's first requirements, all present in the module cache, make it a warm cache.</summary>
    internal const int WarmProbe = 16;

    private readonly CancellationTokenSource _stop;
    private readonly Task _work;

    private AheadDownloads(CancellationTokenSource stop, Task work)
    {
        _stop = stop;
        _work = work;
    }

    /// <summary>The downloads started ahead, ended (for tests: disposing cancels what is left).</summary>
    internal Task Completion => _work;

    /// <summary>
    /// Starts the downloads of <paramref name="requirements"/> (each go.mod requirement as fetched: its replacement when
    /// replaced by a module; <c>Required</c> the module go.mod names) when the conditions above hold; else nothing.
    /// </summary>
    public static AheadDownloads Start(RestoreSetup setup, GoModFile mod, GoSumFile sum, ModuleDownloader downloader,
        IEnumerable<(ModuleVersion Required, ModuleVersion Target)> requirements, IProgress<DownloadProgress>? progress, CancellationToken ct)
    {
        var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var targets = Eligible(setup, mod, sum, requirements);
        if (targets.Count == 0) return new AheadDownloads(stop, Task.CompletedTask);
        var stages = progress is null ? null : new StagesOnly(progress);
        var work = Task.Run(async () =>
        {
            // Only what is not in the cache at all: a module with a directory there is the restore's warm check to
            // make, once. When go.mod's first requirements are all there the cache is warm (after a go.mod edit, say)
            // and nothing starts: doing the warm checks twice made a 10,000-module build list slower.
            if (targets.Take(WarmProbe).All(m => Extracted(downloader, m))) return;
            // Half the downloader's connections at most: the graph's go.mod reads, which the build list waits on, keep
            // the other half (with all of them, those reads queued behind zips and the build list took 3.6 s instead
            // of 1 s through a 10 ms relay).
            await Parallel.ForEachAsync(targets.Where(m => !Extracted(downloader, m)),
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, downloader.Options.MaxParallelDownloads / 2), CancellationToken = stop.Token },
                async (m, token) => await downloader.DownloadAsync([m], DownloadParts.Build, stages, token).ConfigureAwait(false)).ConfigureAwait(false);
        }, stop.Token);
        return new AheadDownloads(stop, work);
    }

    /// <summary>
    /// The requirements to start: none unless readonly, go ≥ 1.17, no workspace, no .go file in the main module and the
    /// module cache out of the way of the main module's walk.
    /// </summary>
    internal static List<ModuleVersion> Eligible(RestoreSetup setup, GoModFile mod, GoSumFile sum,
        IEnumerable<(ModuleVersion Required, ModuleVersion Target)> requirements)
    {
        if (setup.Mode != ModMode.ReadOnly || setup.Options.Offline || setup.Workspace is not null) return [];
        if (!ModDownload.RequirementsOnly(mod)) return [];
        // The restore's package load walks the main module for ./... while these run: with the module cache where that
        // walk goes (obj/gomodcache, say), it would meet extractions' temporary trees appearing and vanishing.
        if (WalkReaches(setup.ModuleDir, setup.Environment.ModCache)) return [];
        try
        {
            if (MayHavePackages(setup.ModuleDir)) return [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return []; // a directory that went away under the walk: start nothing, the restore's own load decides
        }
        var excluded = mod.Exclude.Select(x => x.Path).ToHashSet(StringComparer.Ordinal);
        return requirements
            .Where(r => !excluded.Contains(r.Required.Path)
                        && sum.Lookup(r.Target.Path, r.Target.Version).Count > 0
                        && sum.Lookup(r.Target.Path, r.Target.Version + "/go.mod").Count > 0)
            .Select(r => r.Target)
            .Distinct()
            .ToList();
    }

    /// <summary>
    /// Whether go's walk of the main module for a pattern such as <c>./...</c> can reach <paramref name="modCache"/>: it
    /// lies in or below <paramref name="moduleDir"/> and no directory on the way is one the walk leaves out (a name
    /// starting with <c>.</c> or <c>_</c>, <c>testdata</c>). Directories with a go.mod, vendor and ignore directives are
    /// not looked at: when they would keep the walk away, answering true only starts nothing ahead. Both paths are compared
    /// with their symbolic links resolved: the walk starts from the module directory wherever it really is, and follows
    /// no link below it.
    /// </summary>
    internal static bool WalkReaches(string moduleDir, string modCache)
    {
        var rel = Path.GetRelativePath(Internal.RealPaths.Of(moduleDir), Internal.RealPaths.Of(modCache));
        if (rel == ".") return true;
        if (Path.IsPathRooted(rel)) return false;
        foreach (var elem in rel.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar))
            if (elem.StartsWith('.') || elem.StartsWith('_') || elem == "testdata") return false; // ".." too: outside
        return true;
    }

    /// <summary>
    /// Whether any .go file lies in a directory of the main module as go's pattern matching walks it
    /// (<see cref="PackagePatterns.ModuleDirectories"/>), or the walk passed <see cref="WalkLimit"/> entries first: true
    /// unless the module surely has no package.
    /// </summary>
    internal static bool MayHavePackages(string moduleDir)
    {
        var seen = 0;
        foreach (var rel in PackagePatterns.ModuleDirectories(moduleDir, skipVendor: true))
        {
            if (++seen > WalkLimit) return true;
            foreach (var file in Directory.EnumerateFiles(PackagePatterns.FullPath(moduleDir, rel)))
                if (++seen > WalkLimit || file.EndsWith(".go", StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>Whether the module cache has a directory for <paramref name="m"/> (complete or not: the restore's download looks).</summary>
    private static bool Extracted(ModuleDownloader downloader, ModuleVersion m)
    {
        try
        {
            return Directory.Exists(downloader.Cache.ModuleDir(m));
        }
        catch (Exception e) when (e is ModuleException or ArgumentException or IOException)
        {
            return false;
        }
    }

    /// <summary>Stops what is still running (only modules the restore turned out not to need) and waits for it.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _work.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Each module's failure is in its result, and the restore's own download of a target reports it; what is
            // left here is the cancellation of modules nobody needed.
        }
        _stop.Dispose();
    }

    /// <summary>
    /// Passes on the stages inside a module's download (network, bytes); the per-module end stages are the restore's
    /// own download's to count, once each.
    /// </summary>
    private sealed class StagesOnly(IProgress<DownloadProgress> inner) : IProgress<DownloadProgress>
    {
        public void Report(DownloadProgress value)
        {
            if (value.Stage is DownloadStage.Cached or DownloadStage.Completed or DownloadStage.Failed) return;
            inner.Report(value);
        }
    }
}
