using System.Text;
using GoMod.Core.ModLoad;
using GoMod.Core.Module;
using GoMod.Core.Packages;

namespace GoMod.Core.Tidy;

/// <summary>
/// go's <c>checkTidyCompatibility</c>: every loaded package re-resolved under the tidy roots read as the compatibility
/// version's go command reads them (an unpruned graph for a version before 1.17); a package that would come from another
/// module version, or not load, is an error, followed by go's advice (unless <c>-e</c>).
/// </summary>
internal static class TidyCompatibility
{
    public static async Task<List<TidyCompatibilityException>> CheckAsync(ModuleLoader loader, PackageLoader resolver, PackageGraph graph,
        Requirements tidy, Requirements compatRs, string goVersion, string compat, string goFlag, bool allowErrors, bool go123, StringBuilder stderr, CancellationToken ct)
    {
        var errors = new List<TidyCompatibilityException>();
        // go 1.23 prefixes each error with "go: " and, without -e, prints them all again after its advice (its
        // toolchain switcher reports the errors it collected once before the advice and once on exit).
        var printed = new List<string>();
        bool suggestUpgrade = false, suggestEFlag = false;

        var (mg, err) = await compatRs.GraphAsync(loader, ct).ConfigureAwait(false);
        if (err is not null)
        {
            Error(errors, stderr, printed, go123, "", compat, $"go: error loading go {compat} module graph: {err.Message}", err);
            SuggestFixes();
            return errors;
        }

        var mismatches = new Dictionary<GoPackage, (ModuleVersion Mod, Exception? Err)>();
        foreach (var pkg in graph.LoadOrder)
        {
            if (pkg.Module.Path is not { Length: > 0 } && pkg.Error is null) continue;
            var (mod, e) = await resolver.ResolveImportAsync(pkg.ImportPath, compatRs, mg, ct).ConfigureAwait(false);
            if (mod != pkg.Module) mismatches[pkg] = (mod, e);
        }
        if (mismatches.Count == 0) return errors;

        foreach (var pkg in graph.LoadOrder)
        {
            if (!mismatches.TryGetValue(pkg, out var mismatch) || pkg.IsTest) continue;
            if (mismatch.Err is not null)
            {
                if (mismatch.Err is ImportMissingException)
                {
                    var selected = new ModuleVersion(pkg.Module.Path, mg.Selected(pkg.Module.Path));
                    Error(errors, stderr, printed, go123, pkg.ImportPath, compat, $"{pkg.StackText()} loaded from {pkg.Module},\n\tbut go {compat} would fail to locate it in {selected}", mismatch.Err);
                }
                else
                {
                    Error(errors, stderr, printed, go123, pkg.ImportPath, compat, $"{pkg.StackText()} loaded from {pkg.Module},\n\tbut go {compat} would fail to locate it:\n\t{mismatch.Err.Message}", mismatch.Err);
                }
                suggestEFlag = true;
                // The older go also fails in readonly mode when any root is not its selected version.
                if (!suggestUpgrade) suggestUpgrade = tidy.RootModules.Any(m => mg.Selected(m.Path) != m.Version);
            }
            else if (pkg.Error is not null)
            {
                suggestUpgrade = true;
                Error(errors, stderr, printed, go123, pkg.ImportPath, compat, $"{pkg.ImportPath} failed to load from any module,\n\tbut go {compat} would load it from {mismatch.Mod}", null);
            }
            else
            {
                suggestUpgrade = true;
                Error(errors, stderr, printed, go123, pkg.ImportPath, compat, $"{pkg.StackText()} loaded from {pkg.Module},\n\tbut go {compat} would select {mismatch.Mod.Version}", null);
            }
        }
        SuggestFixes();
        return errors;

        void SuggestFixes()
        {
            if (allowErrors) return;
            stderr.Append('\n');
            // go 1.23 names the release before the go line (go 1.19: its default -compat, the same below go 1.21).
            var prior = Semver.GoToolchainVersions.Compare(goVersion, Semver.GoToolchainVersions.StrictVersion) >= 0
                ? Semver.GoToolchainVersions.Prev(goVersion) : GoModTidy.DefaultCompat(goVersion);
            var compatFlag = compat != prior ? " -compat=" + compat : "";
            if (suggestUpgrade)
            {
                var (eDesc, eFlag) = suggestEFlag ? (", leaving some packages unresolved", " -e") : ("", "");
                stderr.Append($"To upgrade to the versions selected by go {compat}{eDesc}:\n\tgo mod tidy{eFlag} -go={compat} && go mod tidy{eFlag} -go={goVersion}{compatFlag}\n");
            }
            else if (suggestEFlag)
            {
                stderr.Append($"To proceed despite packages unresolved in go {compat}:\n\tgo mod tidy -e{goFlag}{compatFlag}\n");
            }
            stderr.Append($"If reproducibility with go {compat} is not needed:\n\tgo mod tidy{goFlag} -compat={goVersion}\n");
            stderr.Append("For other options, see:\n\thttps://golang.org/doc/modules/pruning\n");
            foreach (var text in printed) stderr.Append(text).Append('\n');
        }
    }

    private static void Error(List<TidyCompatibilityException> errors, StringBuilder stderr, List<string> printed, bool go123, string path, string compat, string text, Exception? inner)
    {
        var shown = go123 && !text.StartsWith("go: ", StringComparison.Ordinal) ? "go: " + text : text;
        stderr.Append(shown).Append('\n');
        if (go123) printed.Add(shown);
        errors.Add(new TidyCompatibilityException(path, compat, text.StartsWith("go: ", StringComparison.Ordinal) ? text[4..] : text, inner));
    }
}
