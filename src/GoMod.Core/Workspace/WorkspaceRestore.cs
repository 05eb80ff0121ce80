using GoMod.Core.Diagnostics;
using GoMod.Core.Fetch;
using GoMod.Core.GoEnv;
using GoMod.Core.ModCache;
using GoMod.Core.ModLoad;
using GoMod.Core.ModSource;
using GoMod.Core.Module;
using GoMod.Core.Mvs;
using GoMod.Core.Restore;
using GoMod.Core.Sum;
using GoMod.Core.SumDb;

namespace GoMod.Core.Workspace;

/// <summary>
/// The restore of one module of a workspace: the build list is the workspace's (every used module a main module, the
/// graph read with workspace pruning), so every project of the workspace publishes the same versions. The modules
/// go build looks into for the project's packages are downloaded (<see cref="WorkspaceBuildSet"/>; the whole build
/// list, as <c>go mod download</c>, when the project has no package to build), hashes are checked against the modules'
/// go.sum files and go.work.sum, and the new ones — verified with the checksum database — go to go.work.sum, merged
/// under go's lock with what a concurrent build wrote. go.mod and go.sum files are never written in workspace mode.
/// </summary>
internal static class WorkspaceRestore
{
    public static async Task<RestoreResult> RestoreAsync(RestoreSetup setup, GoWorkspace ws, CancellationToken ct)
    {
        var diagnostics = setup.Warnings.Select(w => FailureCodes.ToDiagnostic(w, setup.ModFile)).ToList();
        var own = ws.ModuleContaining(setup.ModuleDir)!;
        RestoreResult Result(IReadOnlyList<RestoredModule> modules, int downloaded = 0, long bytes = 0) =>
            new(modules, diagnostics) { Mode = setup.Mode == ModMode.Vendor ? ModMode.Vendor : ModMode.ReadOnly, Downloaded = downloaded, DownloadedBytes = bytes, InputFiles = [.. WorkspaceInputs.Files(ws.WorkFilePath).Where(File.Exists).Distinct(StringComparer.Ordinal)] };
        var mains = new List<RestoredModule> { new(own.Path, "", own.Dir, "", "", "", Indirect: false, Main: true) };
        if (setup.Mode == ModMode.Vendor)
        {
            // -mod=vendor (go 1.22+): the build list from the workspace's vendor/modules.txt; no network, no module cache.
            try
            {
                return Result(WorkspaceVendorMode.BuildList(ws, setup.ModuleDir));
            }
            catch (Exception e) when (e is Vendor.InconsistentVendoringException or ModuleFileUnreadableException)
            {
                diagnostics.Add(FailureCodes.ToDiagnostic(e, ws.WorkFilePath));
                return Result(mains);
            }
        }

        var sums = WorkspaceSums.Known(ws);
        var recorder = new GoSumChecker(ws.WorkSumPath, sums, ModMode.Mod);
        using var sumDb = setup.Options.Offline ? null : ChecksumDatabase.Create(setup.Environment, setup.Fetch);
        using var downloader = new ModuleDownloader(setup.Environment, recorder, setup.Fetch, sumDb, cache: setup.Cache);
        // Design time reads the graph from the module cache's download directory only: no network.
        IModuleSource source = setup.Options.Offline ? new DirectoryModuleSource(setup.Cache.DownloadDirectory) : new DownloaderModuleSource(downloader);
        var loader = new WorkspaceLoader(ws, source, setup.ModuleDir);
        ModuleGraph mg;
        try
        {
            var (graph, err) = await loader.ReadGraphAsync(ct).ConfigureAwait(false);
            if (err is not null)
            {
                diagnostics.Add(FailureCodes.ToDiagnostic(err, ws.WorkFilePath, message: err.Message));
                return Result(mains);
            }
            mg = graph;
        }
        catch (GoEnvironmentException e)
        {
            diagnostics.Add(FailureCodes.ToDiagnostic(e, message: e.Message));
            return Result(mains);
        }

        var modules = new List<RestoredModule>(mains);
        var targets = new Dictionary<ModuleVersion, int>();
        foreach (var m in mg.BuildList)
        {
            if (loader.IsMain(m))
            {
                if (m.Path == own.Path) continue;
                // The other used modules: main modules too, at no version, in their directories.
                var other = loader.MainModule(m.Path)!;
                modules.Add(new(other.Path, "", other.Dir, "", "", "", Indirect: false, Main: true));
                continue;
            }
            var r = loader.Loader.Main.Replacement(m);
            if (r.Path is not null && r.Version.Length == 0)
            {
                var dir = loader.Loader.Main.ReplacementDirectory(r.Path);
                modules.Add(new(m.Path, m.Version, Directory.Exists(dir) ? dir : "", "", "", r.Path, Indirect: true, Main: false));
                continue;
            }
            var target = r.Path is null ? m : r;
            targets[target] = modules.Count;
            modules.Add(new(m.Path, m.Version, "", First(sums, target.Path, target.Version), First(sums, target.Path, target.Version + "/go.mod"),
                r.Path is null ? "" : $"{r.Path}@{r.Version}", Indirect: true, Main: false));
        }

        if (setup.Options.Offline)
        {
            foreach (var (t, index) in targets)
                if (setup.Cache.GetExtractedState(t) == ExtractedState.Complete) modules[index] = modules[index] with { Dir = setup.Cache.ModuleDir(t) };
            return Result(modules);
        }

        // go build's set: the modules the package load of ./... looked into (go mod download's whole build list when the
        // project's module has no package to build).
        var (buildTargets, loadDiagnostics) = await WorkspaceBuildSet.LoadAsync(setup, loader, ct).ConfigureAwait(false);
        diagnostics.AddRange(loadDiagnostics);
        if (diagnostics.Any(d => d.IsError)) return Result(modules);
        // GoVendor=true (go work vendor) may need modules only other build tags import: the whole build list then.
        var wanted = buildTargets is null || setup.Options.WriteVendor ? targets.Keys.ToList() : targets.Keys.Where(buildTargets.Contains).ToList();
        var results = await downloader.DownloadAsync(wanted, DownloadParts.Build, null, ct).ConfigureAwait(false);
        foreach (var res in results)
        {
            var index = targets[res.Module];
            if (res.Succeeded)
                modules[index] = modules[index] with { Dir = res.Dir ?? "", Sum = res.Sum ?? modules[index].Sum, GoModSum = res.GoModSum ?? modules[index].GoModSum };
            else
                diagnostics.Add(FailureCodes.ToDiagnostic(res.Exception ?? new ModuleFetchException(res.Module.Path, res.Module.Version, res.Error ?? "download failed"),
                    ws.WorkFilePath, message: res.Exception?.Message ?? res.Error));
        }
        if (diagnostics.Any(d => d.IsError)) return Result(modules);

        // go.work.sum gains the sums checked for the graph and the downloaded build list that no go.sum has.
        var keep = loader.KeepSums(mg, buildListZips: true);
        var added = new List<GoSumLine>();
        foreach (var line in recorder.AddedLines)
        {
            var f = line.Split(' ');
            if (f.Length != 3) continue;
            bool goMod = f[1].EndsWith("/go.mod", StringComparison.Ordinal);
            var m = new ModuleVersion(f[0], goMod ? f[1][..^"/go.mod".Length] : f[1]);
            if (goMod ? keep.GoMods.Contains(m) : keep.Zips.Contains(m)) added.Add(new GoSumLine(f[0], f[1], f[2]));
        }
        try
        {
            await WorkspaceSums.WriteAsync(ws, added, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(FailureCodes.ToDiagnostic(new ModuleFileUnreadableException(ws.WorkSumPath, e), ws.WorkSumPath));
        }
        if (setup.Options.WriteVendor) await WriteVendorAsync(setup, loader, modules, diagnostics, ct).ConfigureAwait(false);
        return Result(modules, results.Count(r => r.Succeeded && r.Downloaded));
    }

    /// <summary><c>GoVendor=true</c> in a workspace: vendor/ at the workspace root as <c>go work vendor</c> writes it.</summary>
    private static async Task WriteVendorAsync(RestoreSetup setup, WorkspaceLoader loader, IReadOnlyList<RestoredModule> modules,
        List<Diagnostic> diagnostics, CancellationToken ct)
    {
        var dirs = new Dictionary<ModuleVersion, string>();
        foreach (var m in modules)
            if (!m.Main && m.Dir.Length > 0) dirs[new ModuleVersion(m.Path, m.Version)] = m.Dir;
        var cgo = setup.Target.Cgo;
        var (plan, failures) = await WorkspaceVendor.PlanAsync(loader, m => dirs.GetValueOrDefault(m), cgo, setup.SourceFacts, ct).ConfigureAwait(false);
        foreach (var f in failures) diagnostics.Add(FailureCodes.ToDiagnostic(f, loader.Workspace.WorkFilePath));
        if (plan is null) return;
        var vendorDir = WorkspaceVendor.VendorDir(loader.Workspace);
        try
        {
            var written = Vendor.VendorTreeWriter.Write(vendorDir, plan, ct);
            WorkspaceVendorMode.RecordWritten(loader.Workspace, written, setup.Options.VendorListFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(FailureCodes.ToDiagnostic(new Vendor.VendorWriteException(vendorDir, e), loader.Workspace.WorkFilePath));
        }
    }

    private static string First(GoSumFile sums, string path, string version) => sums.Lookup(path, version) is [var h, ..] ? h : "";
}
