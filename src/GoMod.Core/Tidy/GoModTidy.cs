using System.Text;
using System.Text.RegularExpressions;
using GoMod.Core.Imports;
using GoMod.Core.ModFile;
using GoMod.Core.ModLoad;
using GoMod.Core.ModSource;
using GoMod.Core.Module;
using GoMod.Core.Mvs;
using GoMod.Core.Packages;
using GoMod.Core.Reports;
using GoMod.Core.Semver;

namespace GoMod.Core.Tidy;

/// <summary>
/// <c>go mod tidy [-e] [-compat=version]</c> exact to Debian's go 1.19 (<c>modcmd/tidy.go</c>, <c>modload.LoadPackages</c>
/// with <c>Tidy</c>): the packages of "all" and the tests of every package in it loaded under every build tag but
/// <c>ignore</c> (the one package loader, <see cref="ModuleLoader.LoadPackagesAsync(IReadOnlyList{string}, PackageLoadOptions, CancellationToken)"/>),
/// missing imports resolved to the latest version of the module providing them, the requirements reduced to the tidy
/// roots (marked <c>// indirect</c> where the main module imports nothing from them, in one block before go 1.17 and
/// direct and indirect blocks from 1.17), a missing go line added, and go.sum trimmed to what the tidy module and the
/// <c>-compat</c> version's go command need. Returns the new go.mod and go.sum (null when unchanged) and go's stderr.
/// </summary>
public static class GoModTidy
{
    private static readonly Regex GoVersionRe = new(@"^([1-9][0-9]*)\.(0|[1-9][0-9]*)$", RegexOptions.CultureInvariant);

    /// <summary>From this go line on, tidy's default <c>-compat</c> is the go line itself (Go Modules Reference; go 1.21).</summary>
    private const string GoStrictVersion = "1.21";

    /// <summary>Runs <c>go mod tidy</c> in the main module at <paramref name="modRoot"/>.</summary>
    /// <param name="modRoot">The main module's directory.</param>
    /// <param name="source">Where module versions come from.</param>
    /// <param name="options">The flags (<c>-e</c>, <c>-compat</c>).</param>
    /// <param name="load">How go runs (its files as already read, the working directory); tidy always may update go.mod.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public static async Task<GoOutput> RunAsync(string modRoot, IModuleSource source, TidyOptions? options = null, LoadOptions? load = null,
        CancellationToken cancellationToken = default) =>
        (await RunCoreAsync(modRoot, source, options ?? new TidyOptions(), load ?? new LoadOptions(), cancellationToken).ConfigureAwait(false)).Output;

    /// <summary>
    /// go's default <c>-compat</c> for a go line: the Go release before it (go 1.19's <c>priorGoVersion</c>); from go
    /// 1.21 the go line itself, as the Go Modules Reference says later go does.
    /// </summary>
    public static string DefaultCompat(string goVersion)
    {
        if (GoVersions.Compare(goVersion, GoStrictVersion) >= 0) return goVersion;
        var m = GoVersionRe.Match(goVersion);
        if (!m.Success || m.Groups[1].Value != "1") return goVersion;
        int minor = int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        return minor <= 1 ? goVersion : "1." + (minor - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Whether <paramref name="version"/> is a Go version <c>-compat</c> accepts (<c>1.N</c>).</summary>
    public static bool IsValidCompat(string version) => GoVersionRe.IsMatch(version);

    /// <summary>A failure of the run and where it is (an import's file, line and column) when go says so.</summary>
    internal readonly record struct Located(Exception Failure, string? File, int Line, int Column, string? Message = null);

    /// <summary>The output, the failures with their places, and the texts tidy started from.</summary>
    internal sealed record Result(GoOutput Output, IReadOnlyList<Located> Failures, string? OriginalGoMod, string? OriginalGoSum);

    internal static async Task<Result> RunCoreAsync(string modRoot, IModuleSource source, TidyOptions options, LoadOptions load, CancellationToken ct)
    {
        var stderr = new StringBuilder();
        var failures = new List<Located>();
        if (options.Compat.Length > 0 && !IsValidCompat(options.Compat))
        {
            var e = new GoCommandException($"invalid value \"{options.Compat}\" for flag -compat: expecting a Go version like \"{GoVersions.Latest}\"");
            return Failed(e);
        }
        // go mod tidy always may update go.mod (-mod is not one of its flags).
        load = load with { ReadOnly = false, ModFlagExplicit = false };
        var modPath = Path.Combine(modRoot, "go.mod");
        string? originalMod = load.Files?.GoMod;
        string? originalSum = load.Files is { } files ? files.GoSum : null;
        if (load.Files is null)
        {
            originalMod = await Internal.FileLock.ReadAllTextAsync(modPath, ct).ConfigureAwait(false);
            originalSum = await Internal.FileLock.ReadAllTextAsync(Path.Combine(modRoot, "go.sum"), ct).ConfigureAwait(false);
            if (originalMod is null) return Failed(new GoCommandException("go.mod file not found in current directory or any parent directory; see 'go help modules'"));
            load = load with { Files = new MainModuleFiles(originalMod, originalSum) };
        }

        ModuleLoader loader;
        PackageGraph graph;
        try
        {
            loader = await ModuleLoader.CreateAsync(source, modRoot, load, ct).ConfigureAwait(false);
            var packageOptions = new PackageLoadOptions
            {
                Tags = BuildTags.Any,
                LoadTests = true,
                ResolveMissingImports = true,
                AllowErrors = options.AllowErrors,
                ModuleCacheDirectory = options.ModuleCacheDirectory,
                TidyRoots = (rs, pkgs, token) => TidyRoots.ComputeAsync(loader, rs, pkgs, token),
            };
            graph = await loader.LoadPackagesAsync(["all"], packageOptions, ct).ConfigureAwait(false);
            foreach (var line in loader.Messages.Concat(graph.Messages)) stderr.Append(line).Append('\n');
            foreach (var e in graph.LoadFailures)
            {
                stderr.Append("go: ").Append(e.Message.TrimEnd('\n')).Append('\n');
                failures.Add(new Located(e, null, 0, 0));
            }

            // Package errors, once the requirements are tidy (tidying may drop an irrelevant dependency's error).
            foreach (var pkg in graph.LoadOrder)
            {
                if (pkg.Error is not { } error) continue;
                if (error is ImportMissingException { IsStandard: true }) continue;
                var text = pkg.StackText() + ": " + error.Message;
                stderr.Append(text).Append('\n');
                var at = PackageGraph.IsImportFailure(error) ? graph.ImportPosition(pkg) : null;
                failures.Add(at is { } p ? new Located(error, p.File, p.Position.Line, p.Position.Column, error.Message) : new Located(error, null, 0, 0, text));
            }
            if (failures.Count > 0 && !options.AllowErrors) return Done(exit: 1);

            var goVersion = loader.EffectiveGoVersion;
            var compat = options.Compat.Length > 0 ? options.Compat : DefaultCompat(goVersion);
            if (GoVersions.Compare(compat, goVersion) > 0) compat = goVersion;

            var rs = graph.Requirements;
            var keep = await TidySums.KeepAsync(loader, rs, graph, goVersion, ct).ConfigureAwait(false);
            var compatPruning = ModSummary.PruningForGoVersion(compat);
            if (compatPruning != rs.Pruning)
            {
                var compatRs = new Requirements(compatPruning, rs.RootModules, rs.Direct);
                var resolver = new PackageLoader(loader, packageOptions);
                var compatErrors = await TidyCompatibility.CheckAsync(loader, resolver, graph, rs, compatRs, goVersion, compat, options.AllowErrors, stderr, ct).ConfigureAwait(false);
                failures.AddRange(compatErrors.Select(e => new Located(e, null, 0, 0)));
                if (compatErrors.Count > 0 && !options.AllowErrors) return Done(exit: 1);
                var compatKeep = await loader.KeepSumsAsync(compatRs, graph.LoadOrder, buildListZips: false, ct).ConfigureAwait(false);
                keep.GoMods.UnionWith(compatKeep.GoMods);
                keep.Zips.UnionWith(compatKeep.Zips);
            }

            var goSum = TidySums.Update(loader, keep, originalSum);
            var goMod = FormatGoMod(loader, rs);
            return Done(exit: 0, goMod == originalMod ? null : goMod, goSum);
        }
        catch (Exception e) when (e is GoCommandException or ModuleException or BuildListException or ModFileParseException)
        {
            var message = e is ModFileParseException ? e.Message : e.Message.TrimEnd('\n');
            stderr.Append("go: ").Append(message).Append('\n');
            failures.Add(new Located(e, null, 0, 0));
            return Done(exit: 1);
        }

        Result Done(int exit, string? goMod = null, string? goSum = null) =>
            new(new GoOutput { ExitCode = exit, StdErr = stderr.ToString(), GoMod = goMod, GoSum = goSum, Failures = failures.Select(f => f.Failure).ToList() },
                failures, originalMod, originalSum);

        Result Failed(Exception e) =>
            new(new GoOutput { ExitCode = 1, StdErr = "go: " + e.Message + "\n", Failures = [e] }, [new Located(e, null, 0, 0)], null, null);
    }

    /// <summary>
    /// go's <c>commitRequirements</c> for tidy: the main go.mod with the roots as its requirements (indirect where not
    /// direct; one block before go 1.17, direct and indirect blocks from 1.17), a missing go line added, formatted.
    /// Tidy writes the formatted file whenever its bytes differ, even when its meaning does not.
    /// </summary>
    private static string FormatGoMod(ModuleLoader loader, Requirements rs)
    {
        var f = loader.Main.File;
        if (string.IsNullOrEmpty(f.Go)) f.SetGo(loader.EffectiveGoVersion);
        var list = rs.RootModules.Select(m => new Requirement(m.Path, m.Version, !rs.Direct.Contains(m.Path))).ToList();
        if (GoVersions.Compare(f.Go!, "1.17") < 0) f.SetRequire(list);
        else f.SetRequireSeparateIndirect(list);
        f.Cleanup();
        return f.Format();
    }
}
