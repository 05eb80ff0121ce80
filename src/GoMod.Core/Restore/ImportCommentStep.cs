using GoMod.Core.Imports;
using GoMod.Core.Packages;

namespace GoMod.Core.Restore;

/// <summary>
/// The restore's import-comment check (GoImportComments, GoImportCommentsExempt): every package the restore loaded
/// (<see cref="PackageRestore"/>: the main module's packages for the target and everything they import, in every
/// module) checked as GOPATH-mode go checked it (<see cref="ImportCommentChecker"/>), over the files the load kept for
/// the package (its test files included, as go/build reads them). Packages that failed to load are left to the
/// loader's own diagnostics; packages not on disk (a module not extracted) are not checked.
/// </summary>
internal static class ImportCommentStep
{
    /// <summary>The import-comment failures of the loaded packages, each carrying the comment's file, line and column.</summary>
    /// <param name="setup">The run's setup (settings).</param>
    /// <param name="graph">The restore's package graph; null when nothing was loaded.</param>
    /// <param name="modules">The restored modules with their directories.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public static async Task<IReadOnlyList<ImportCommentException>> CheckAsync(RestoreSetup setup, PackageGraph? graph,
        IReadOnlyList<RestoredModule> modules, CancellationToken cancellationToken)
    {
        var policy = new ImportCommentPolicy(setup.Options.ImportComments, setup.Options.ImportCommentsExempt);
        if (policy.Disabled || graph is null) return [];
        var dirs = modules.Where(m => !m.Main && m.Dir.Length > 0).GroupBy(m => m.Path, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Dir, StringComparer.Ordinal);
        graph.SetModuleDirectories(m => dirs.GetValueOrDefault(m.Path));

        var failures = new List<ImportCommentException>();
        foreach (var pkg in graph.LoadOrder)
        {
            if (pkg.IsTest || pkg.IsStandard || pkg.Error is not null || pkg.Files is null || pkg.AbsoluteDir is not { } dir) continue;
            if (pkg.Module.Path is not { Length: > 0 } modulePath) continue;
            // Files the load read there are on disk (no stat); else the module may not be extracted.
            var first = pkg.GoFiles.Concat(pkg.TestGoFiles).FirstOrDefault();
            if (!(first is not null && setup.SourceFacts.Has(Path.Combine(dir, first))) && !Directory.Exists(dir)) continue;
            var severity = policy.For(modulePath, pkg.InMainModule);
            if (severity == ImportCommentSeverity.None) continue;
            var comments = await ImportCommentChecker.ReadFilesAsync(dir, [.. pkg.GoFiles, .. pkg.TestGoFiles], cancellationToken, setup.SourceFacts).ConfigureAwait(false);
            // go/build's ImportComment: the first comment that parses, recorded on the package.
            if (comments.FirstOrDefault(c => c.Path is not null) is { } parsed)
            {
                pkg.ImportComment = parsed.Path;
                pkg.ImportCommentPosition = new SourcePosition(Path.GetFileName(parsed.File), parsed.Line, parsed.Column);
            }
            failures.AddRange(ImportCommentChecker.Check(pkg.ImportPath, dir, comments, severity, pkg.InMainModule));
        }
        return failures;
    }
}
