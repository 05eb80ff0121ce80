using GoMod.Core.Diagnostics;
using GoMod.Core.Imports;
using GoMod.Core.ModFile;
using GoMod.Core.ModLoad;
using GoMod.Core.ModSource;
using GoMod.Core.Module;
using GoMod.Core.Packages;
using GoMod.Core.Reports;

namespace GoMod.Core.Restore;

/// <summary>
/// The restore's package load, as <c>go build ./...</c> loads packages: the main module's packages for the target's
/// GOOS/GOARCH (cgo as CGO_ENABLED says, off by default; no tests) and what they import. Under <c>-mod=mod</c> a
/// missing import is resolved to the latest version of the module providing it and go.mod and go.sum are updated as go
/// build updates them (go.sum: go's <c>keepSums</c> after loading packages); under readonly an import failure is go's
/// error at the file, line and column of the import. The modules whose zips the load fetched are go build's download set.
/// </summary>
internal sealed class PackageRestore
{
    private PackageRestore(PackageGraph? graph, ModuleLoader? loader, IReadOnlyList<Diagnostic> diagnostics, string? goMod, string? goSum)
    {
        Graph = graph;
        Loader = loader;
        Diagnostics = diagnostics;
        GoMod = goMod;
        GoSum = goSum;
    }

    /// <summary>The package graph (null when the loader could not start).</summary>
    public PackageGraph? Graph { get; }

    public ModuleLoader? Loader { get; }

    /// <summary>Package failures at their imports, and failures of the load.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>The go.mod to write (under <c>-mod=mod</c>, when the load changed the requirements), else null.</summary>
    public string? GoMod { get; }

    /// <summary>The go.sum to write (under <c>-mod=mod</c>, when lines were added), else null.</summary>
    public string? GoSum { get; }

    /// <summary>Whether <c>./...</c> matched a package of the main module (else there is nothing for go build to load).</summary>
    public bool BuildsPackages => Graph is { Roots.Count: > 0 };

    /// <summary>The modules (after replacement) whose zips the load fetched: the modules go build downloads.</summary>
    public IReadOnlyList<ModuleVersion> Zips =>
        Loader is null ? [] : Loader.DownloadedZips.Keys.OrderBy(m => m, ModuleVersion.SortOrder).ToList();

    /// <summary>
    /// The build tags of the target (<see cref="RestoreSetup.Target"/>: GOOS, GOARCH, cgo, GoTags or GOFLAGS's
    /// <c>-tags</c>, GOEXPERIMENT's tool tags) and the release tags of the main module's go version.
    /// </summary>
    public static BuildTags TargetTags(RestoreSetup setup, string goVersion) =>
        BuildTags.Host(setup.Target.Platform.Os, setup.Target.Platform.Arch, setup.Target.Cgo, goVersion, setup.Target.Tags, setup.Target.ToolTags);

    /// <summary>A Go setting from the SDK's settings, else the environment; null when unset.</summary>
    private static string? Setting(RestoreOptions options, string name) =>
        options.Settings.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v) ? v
        : options.GetEnvironmentVariable(name) is { Length: > 0 } e ? e : null;

    /// <summary>Loads <c>./...</c> over the main module as the restore found it (<paramref name="files"/>) and computes the go.mod and go.sum go build writes.</summary>
    public static async Task<PackageRestore> LoadAsync(RestoreSetup setup, IModuleSource source, MainModuleFiles files, CancellationToken ct,
        MainModuleCache? mainModules = null)
    {
        var load = setup.LoadOptions with { Files = files, MainModules = mainModules };
        ModuleLoader loader;
        try
        {
            loader = await ModuleLoader.CreateAsync(source, setup.ModuleDir, load, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is GoCommandException or ModuleException)
        {
            return new PackageRestore(null, null, [FailureCodes.ToDiagnostic(e, setup.ModFile, message: ModuleRestorer.GoMessage(e.Message))], null, null);
        }
        var options = new PackageLoadOptions
        {
            Tags = TargetTags(setup, loader.Main.GoVersion),
            ResolveMissingImports = !load.ReadOnly,
            ModuleCacheDirectory = setup.Environment.ModCache,
            GoRoot = Setting(setup.Options, "GOROOT"),
            SourceFacts = setup.SourceFacts,
        };
        var graph = await loader.LoadPackagesAsync(["./..."], options, ct).ConfigureAwait(false);
        var diagnostics = new List<Diagnostic>();
        if (graph.LoadFailures.Count > 0)
        {
            diagnostics.AddRange(ModuleRestorer.CommandDiagnostics(new GoOutput { ExitCode = 1, Failures = graph.LoadFailures }, setup.Mod, setup.ModFile));
            return new PackageRestore(graph, loader, diagnostics, null, null);
        }
        foreach (var pkg in graph.LoadOrder)
        {
            if (pkg.IsTest || pkg.Error is not { } error || error is VersionChangeException) continue;
            // At the import that reaches the package (go's text: the failure, or the import stack and the failure when
            // the package itself is wrong); a root package's failure has no import, and goes on go.mod.
            var message = PackageGraph.IsImportFailure(error) ? error.Message : graph.ErrorText(pkg, loader.ShortPath);
            diagnostics.Add(graph.ImportPosition(pkg) is { } at
                ? FailureCodes.ToDiagnostic(error, at.File, at.Position.Line, at.Position.Column, message)
                : FailureCodes.ToDiagnostic(error, setup.ModFile, message: message));
        }
        if (diagnostics.Count > 0) return new PackageRestore(graph, loader, diagnostics, null, null);

        string? goMod = null, goSum = null;
        try
        {
            (goMod, goSum) = await loader.CommitAsync(graph.Requirements, ct, graph.LoadOrder, loadedZipSumsOnly: true).ConfigureAwait(false);
        }
        catch (GoCommandException e)
        {
            diagnostics.Add(FailureCodes.ToDiagnostic(e, setup.ModFile, message: e.Message));
        }
        return new PackageRestore(graph, loader, diagnostics, goMod, goSum);
    }

    /// <summary>
    /// The top-level directories of the main module in <paramref name="moduleDir"/> that <paramref name="mod"/>'s
    /// <c>ignore</c> directives name and under which <paramref name="graph"/> loaded no main-module package (full
    /// paths, sorted): see <see cref="RestoreResult.IgnoredDirectories"/>.
    /// </summary>
    internal static IReadOnlyList<string> UnloadedIgnoredDirectories(string moduleDir, GoModFile mod, PackageGraph graph)
    {
        var ignore = IgnoredDirectories.From(mod.Ignore);
        if (ignore.IsEmpty) return [];
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(moduleDir));
        var loaded = graph.LoadOrder.Where(p => p.InMainModule && p.AbsoluteDir is not null).Select(p => Path.GetFullPath(p.AbsoluteDir!)).ToList();
        var found = new List<string>();
        try
        {
            foreach (var dir in Directory.EnumerateDirectories(root))
            {
                if (!ignore.Ignores(Path.GetFileName(dir))) continue;
                if (loaded.Any(d => d == dir || d.StartsWith(dir + Path.DirectorySeparatorChar, StringComparison.Ordinal))) continue;
                found.Add(dir);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
        found.Sort(StringComparer.Ordinal);
        return found;
    }
}
