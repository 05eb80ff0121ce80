using GoMod.Core.Imports;
using GoMod.Core.ModLoad;
using GoMod.Core.ModSource;
using GoMod.Core.Module;
using GoMod.Core.Mvs;
using GoMod.Core.Packages;

namespace GoMod.Core.Restore;

/// <summary>
/// The restore's import-comment check (GoImportComments, GoImportCommentsExempt): the packages a build of the main
/// module loads — go's <c>all</c> for this machine's build tags: the main module's packages, their tests, and every
/// package they import, in every module — each checked as GOPATH-mode go checked it (<see cref="ImportCommentChecker"/>),
/// over the files the load keeps for the package (its test files included, as go/build reads them). Packages that fail
/// to load are left to the loader's own diagnostics; packages not on disk (a module not downloaded) are not checked.
/// </summary>
internal static class ImportCommentStep
{
    /// <summary>The import-comment failures of the build's packages, each carrying the comment's file, line and column.</summary>
    /// <param name="setup">The run's setup (settings, main module).</param>
    /// <param name="source">The module source of the run (the downloader over the module cache).</param>
    /// <param name="load">How modules load (the run's -mod, go.mod and go.sum as the restore read or wrote them); nothing is written here.</param>
    /// <param name="modules">The restored modules with their directories.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public static async Task<IReadOnlyList<ImportCommentException>> CheckAsync(RestoreSetup setup, IModuleSource source, LoadOptions load,
        IReadOnlyList<RestoredModule> modules, CancellationToken cancellationToken)
    {
        var policy = new ImportCommentPolicy(setup.Options.ImportComments, setup.Options.ImportCommentsExempt);
        if (policy.Disabled) return [];
        PackageGraph graph;
        try
        {
            var loader = await ModuleLoader.CreateAsync(source, setup.ModuleDir, load, cancellationToken).ConfigureAwait(false);
            graph = await loader.LoadPackagesAsync(["all"], new PackageLoadOptions { Tags = BuildTags.Host(goVersion: setup.Mod.Go), AllowErrors = true },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is GoCommandException or BuildListException or ModuleException)
        {
            // The module graph itself failed: the restore has already reported it; there are no packages to check.
            return [];
        }
        var dirs = modules.Where(m => !m.Main && m.Dir.Length > 0).GroupBy(m => m.Path, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Dir, StringComparer.Ordinal);
        graph.SetModuleDirectories(m => dirs.GetValueOrDefault(m.Path));

        var failures = new List<ImportCommentException>();
        foreach (var pkg in graph.LoadOrder)
        {
            if (pkg.IsTest || pkg.IsStandard || pkg.Error is not null || pkg.Files is null || pkg.AbsoluteDir is not { } dir) continue;
            if (pkg.Module.Path is not { Length: > 0 } modulePath) continue;
            var severity = policy.For(modulePath, pkg.InMainModule);
            if (severity == ImportCommentSeverity.None) continue;
            var comments = await ImportCommentChecker.ReadFilesAsync(dir, [.. pkg.GoFiles, .. pkg.TestGoFiles], cancellationToken).ConfigureAwait(false);
            failures.AddRange(ImportCommentChecker.Check(pkg.ImportPath, dir, comments, severity, pkg.InMainModule));
        }
        return failures;
    }
}
