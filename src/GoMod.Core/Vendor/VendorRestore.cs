using GoMod.Core.ModCache;
using GoMod.Core.Imports;
using GoMod.Core.Internal;
using GoMod.Core.ModFile;
using GoMod.Core.ModLoad;
using GoMod.Core.ModSource;
using GoMod.Core.Module;
using GoMod.Core.Packages;
using GoMod.Core.Restore;
using GoMod.Core.Sum;

namespace GoMod.Core.Vendor;

/// <summary>
/// The two vendor/ steps of the restore. <see cref="BuildList"/> is <c>-mod=vendor</c>: the build list comes from
/// vendor/modules.txt alone (no network, no module cache), after go's consistency check against go.mod.
/// <see cref="WriteAsync"/> is <c>GoVendor=true</c>: <c>go mod vendor</c>'s package load (pattern <c>all</c>, every
/// build tag but <c>ignore</c>, the main module's tests, no tests of dependencies) over the modules the restore
/// extracted, then vendor/ written as go writes it (<see cref="VendorPlan"/>, <see cref="VendorTreeWriter"/>).
/// </summary>
internal static class VendorRestore
{
    /// <summary>
    /// The build list under <c>-mod=vendor</c>: the main module, then each module of modules.txt that provides a package
    /// (go's <c>vendorList</c>), with <c>Dir</c> its directory under vendor/ (empty when absent), go.sum's hashes, its
    /// replacement, and <c>Indirect</c> unless go.mod requires it directly. Throws
    /// <see cref="InconsistentVendoringException"/> when modules.txt disagrees with go.mod.
    /// </summary>
    public static List<RestoredModule> BuildList(RestoreSetup setup)
    {
        var vendorDir = Path.Combine(setup.ModuleDir, "vendor");
        var txtPath = Path.Combine(vendorDir, VendorTreeWriter.ModulesTxtName);
        string text;
        try
        {
            text = File.Exists(txtPath) ? File.ReadAllText(txtPath) : "";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModuleFileUnreadableException(txtPath, e);
        }
        var txt = ModulesTxt.Parse(txtPath, text);
        VendorConsistency.Check(setup.ModuleDir, setup.Mod, txt);

        var direct = setup.Mod.Require.Where(r => !r.Indirect).Select(r => r.Path).ToHashSet(StringComparer.Ordinal);
        var modules = new List<RestoredModule> { new(setup.Mod.Module!.Path, "", setup.ModuleDir, "", "", "", Indirect: false, Main: true) };
        foreach (var m in txt.BuildList)
        {
            var meta = txt.Metadata(m);
            var target = meta.Replacement is { Version.Length: > 0 } r ? r : m;
            var dir = Path.Combine([vendorDir, .. m.Path.Split('/')]);
            var replace = meta.Replacement is not { } rep ? "" : rep.Version.Length == 0 ? rep.Path : rep.Path + "@" + rep.Version;
            modules.Add(new RestoredModule(m.Path, m.Version, Directory.Exists(dir) ? dir : "",
                FirstHash(setup.Sum, target.Path, target.Version), FirstHash(setup.Sum, target.Path, target.Version + "/go.mod"),
                replace, Indirect: !direct.Contains(m.Path), Main: false));
        }
        return modules;
    }

    /// <summary>
    /// Loads the packages <c>go mod vendor</c> vendors and writes vendor/. <paramref name="modules"/> is the restored build
    /// list (each module's <c>Dir</c> extracted). Returns the failures (package errors of the load, an embed pattern go
    /// cannot resolve, vendor/ not writable) or the write's result.
    /// </summary>
    /// <remarks>
    /// The restore extracts the modules go build looks into (host tags); go mod vendor's load (any tags) may need more:
    /// <paramref name="extract"/> extracts those (build-list modules) and returns their directories.
    /// </remarks>
    public static async Task<(VendorWriteResult? Result, IReadOnlyList<Exception> Failures)> WriteAsync(RestoreSetup setup, GoModFile mod,
        IModuleSource source, LoadOptions load, IReadOnlyList<RestoredModule> modules,
        Func<IReadOnlyList<ModuleVersion>, CancellationToken, Task<(IReadOnlyDictionary<ModuleVersion, string> Dirs, IReadOnlyList<Exception> Failures)>> extract,
        bool cgoEnabled, CancellationToken ct)
    {
        var phases = PhaseTimer.For(setup.Options);
        var loader = await ModuleLoader.CreateAsync(source, setup.ModuleDir, load, ct).ConfigureAwait(false);
        var graph = await loader.LoadPackagesAsync(["all"], new PackageLoadOptions { Tags = BuildTags.Any, AllowErrors = true, SourceFacts = setup.SourceFacts }, ct).ConfigureAwait(false);
        phases.Mark("vendor-load-all");
        var failures = new List<Exception>();
        foreach (var e in graph.Errors) failures.Add(new GoCommandException(e.StartsWith("go: ", StringComparison.Ordinal) ? e[4..] : e));

        var dirs = new Dictionary<ModuleVersion, string>();
        foreach (var m in modules)
            if (!m.Main && m.Dir.Length > 0) dirs[new ModuleVersion(m.Path, m.Version)] = m.Dir;
        var vendored = VendorAll(graph);
        var missing = vendored.Where(p => p.Error is null && !p.IsStandard && !p.InMainModule && p.Module.Path is { Length: > 0 } && !dirs.ContainsKey(p.Module))
            .Select(p => p.Module).Distinct().ToList();
        if (missing.Count > 0)
        {
            var (extracted, extractFailures) = await extract(missing, ct).ConfigureAwait(false);
            failures.AddRange(extractFailures);
            foreach (var (m, dir) in extracted) dirs[m] = dir;
        }
        graph.SetModuleDirectories(m => dirs.GetValueOrDefault(m));
        phases.Mark("vendor-extract-more");

        var packages = new List<VendorPackage>();
        foreach (var pkg in vendored)
        {
            if (pkg.Error is { } error)
            {
                failures.Add(error);
                continue;
            }
            if (pkg.IsStandard || pkg.InMainModule || pkg.Module.Path is not { Length: > 0 }) continue;
            if (pkg.AbsoluteDir is null || !dirs.TryGetValue(pkg.Module, out var root))
            {
                failures.Add(new ModuleNotInCacheException(pkg.Module));
                continue;
            }
            packages.Add(new VendorPackage(pkg.ImportPath, pkg.Module, pkg.AbsoluteDir, root));
        }
        if (failures.Count > 0) return (null, failures);

        // go records the go version of the selected version of each path (go's ModuleInfo(path).GoVersion).
        var goVersions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var m in modules.Where(m => !m.Main))
            goVersions[m.Path] = await loader.GoVersionOfAsync(new ModuleVersion(m.Path, m.Version), ct).ConfigureAwait(false);

        phases.Mark("vendor-go-versions");
        VendorPlan plan;
        try
        {
            plan = VendorPlan.Create(mod, packages, path => goVersions.GetValueOrDefault(path, ""), cgoEnabled, setup.SourceFacts);
        }
        catch (EmbedPatternException e)
        {
            return (null, [e]);
        }
        phases.Mark("vendor-plan");
        var vendorDir = Path.Combine(setup.ModuleDir, "vendor");
        try
        {
            var written = VendorTreeWriter.Write(vendorDir, plan, ct);
            phases.Mark("vendor-write");
            return (written, []);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, [new VendorWriteException(vendorDir, e)]);
        }
    }

    /// <summary>
    /// go mod vendor's "all" (<c>UseVendorAll</c>): the main module's packages and their tests, its tools (Go 1.24+),
    /// and everything they import, transitively, without the tests of other packages — whatever the main module's go
    /// version.
    /// </summary>
    internal static List<GoPackage> VendorAll(PackageGraph graph)
    {
        var seen = new HashSet<GoPackage>();
        var order = new List<GoPackage>();
        var queue = new Queue<GoPackage>();
        foreach (var p in graph.LoadOrder)
            if (p.InMainModule || p.TestOf is { InMainModule: true } || (!p.IsTest && graph.Tools.Contains(p.ImportPath)))
                if (seen.Add(p)) queue.Enqueue(p);
        while (queue.Count > 0)
        {
            var p = queue.Dequeue();
            if (!p.IsTest) order.Add(p);
            foreach (var dep in p.ImportedPackages)
                if (!dep.IsTest && seen.Add(dep)) queue.Enqueue(dep);
        }
        return order;
    }

    private static string FirstHash(GoSumFile sum, string path, string version)
    {
        var hashes = sum.Lookup(path, version);
        return hashes.FirstOrDefault(h => h.StartsWith(DirHash.Prefix, StringComparison.Ordinal)) ?? hashes.FirstOrDefault() ?? "";
    }
}
