using System.Text;
using System.Text.RegularExpressions;
using GoMod.Core.Imports;
using GoMod.Core.ModFile;
using GoMod.Core.ModLoad;
using GoMod.Core.ModSource;
using GoMod.Core.ModSummaries;
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
        if (GoToolchainVersions.Compare(goVersion, GoStrictVersion) >= 0) return goVersion;
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

    /// <summary>go 1.23's usage text, printed after an invalid flag value.</summary>
    private const string Usage = "usage: go mod tidy [-e] [-v] [-x] [-diff] [-go=version] [-compat=version]\nRun 'go help mod tidy' for details.\n";

    /// <summary>
    /// Whether <paramref name="version"/> is a Go version <c>-go</c> accepts: <c>1.N</c>, <c>1.N.P</c> or a pre-release
    /// such as <c>1.21rc1</c> (go 1.23's <c>modfile.GoVersionRE</c>).
    /// </summary>
    public static bool IsValidGo(string version) => ModFileRules.GoVersion().IsMatch(version);

    internal static async Task<Result> RunCoreAsync(string modRoot, IModuleSource source, TidyOptions options, LoadOptions load, CancellationToken ct)
    {
        var stderr = new StringBuilder();
        var failures = new List<Located>();
        if (options.Compat.Length > 0 && !IsValidCompat(options.Compat))
        {
            var e = new GoCommandException($"invalid value \"{options.Compat}\" for flag -compat: expecting a Go version like \"{GoVersions.Latest}\"");
            return Failed(e);
        }
        var local = TidyGoLine.LocalVersion(options.LocalToolchain);
        if (options.Go.Length > 0)
        {
            // go 1.23's flag check, before anything is read.
            string? why = !IsValidGo(options.Go) ? $"expecting a Go version like \"{local}\""
                : GoToolchainVersions.Compare(options.Go, local) > 0 ? $"maximum supported Go version is {local}" : null;
            if (why is not null)
            {
                var e = new GoCommandException($"invalid value \"{options.Go}\" for flag -go: {why}");
                return new(new GoOutput { ExitCode = 2, StdErr = e.Message + "\n" + Usage, Failures = [e] }, [new Located(e, null, 0, 0)], null, null);
            }
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

        // The go and toolchain lines as written; a go line from 1.21 (or -go) makes this go 1.23's tidy.
        string? originalGo = null, originalToolchain = null;
        try
        {
            var parsed = GoModFile.Parse(modPath, originalMod!);
            originalGo = parsed.Go;
            originalToolchain = parsed.Toolchain;
            if (options.Go.Length > 0)
            {
                // go reads the main module at the -go version throughout (pruning, "all", go.sum): so do we.
                parsed.SetGo(options.Go);
                load = load with { Files = new MainModuleFiles(parsed.Format(), originalSum) };
            }
        }
        catch (ModFileParseException)
        {
            // The loader reports it as go does.
        }
        bool strict = options.Go.Length > 0 || (originalGo is not null && GoToolchainVersions.Compare(originalGo, GoToolchainVersions.StrictVersion) >= 0);
        if (originalGo is not null && GoToolchainVersions.Compare(originalGo, local) > 0)
        {
            // go's base.ShortPath: relative to the working directory (the module root unless told) when that is shorter.
            var rel = Path.GetRelativePath(load.WorkingDirectory ?? modRoot, modPath);
            return Failed(new GoVersionTooNewException(rel.Length < modPath.Length ? rel : modPath, originalGo, local));
        }

        ModuleLoader loader;
        PackageGraph graph;
        Requirements? loading = null;
        var loadingRounds = new List<Requirements>();
        try
        {
            loader = await ModuleLoader.CreateAsync(source, modRoot, load, ct).ConfigureAwait(false);
            // The requirements as go.mod lists them (go's initial roots), for -v and for what loading met first.
            var initialRoots = loader.Main.Requires.Select(r => r.Module).Where(m => !loader.Main.IsExcluded(m)).ToList();
            var packageOptions = new PackageLoadOptions
            {
                Tags = BuildTags.Any,
                LoadTests = true,
                ResolveMissingImports = true,
                AllowErrors = options.AllowErrors,
                ModuleCacheDirectory = options.ModuleCacheDirectory,
                TidyRoots = (rs, pkgs, token) =>
                {
                    loading = rs;
                    loadingRounds.Add(rs);
                    return TidyRoots.ComputeAsync(loader, rs, pkgs, token);
                },
            };
            graph = await loader.LoadPackagesAsync(["all"], packageOptions, ct).ConfigureAwait(false);
            var goLine = new TidyGoLine(loader, local);
            var messages = loader.Messages.Concat(graph.Messages).ToList();
            // Whether go would have read the loading graph (and so raised its go root to the graph's go); asked before
            // anything here reads a graph.
            bool graphRead = strict && await GraphReadAsync(goLine, initialRoots, loadingRounds, graph, originalGo ?? loader.EffectiveGoVersion, ct).ConfigureAwait(false);

            if (strict && graph.LoadFailures.Count == 0 && await TooNewAsync(goLine, initialRoots, graphRead ? loading : null, graph, messages, ct).ConfigureAwait(false) is { } tooNew)
            {
                foreach (var line in tooNew.Messages) stderr.Append(line).Append('\n');
                stderr.Append("go: ").Append(tooNew.Error.Message).Append('\n');
                failures.Add(new Located(tooNew.Error, null, 0, 0));
                return Done(exit: 1);
            }

            foreach (var line in messages) stderr.Append(line).Append('\n');
            foreach (var e in graph.LoadFailures)
            {
                stderr.Append("go: ").Append(e.Message.TrimEnd('\n')).Append('\n');
                failures.Add(new Located(e, null, 0, 0));
            }

            var rs = graph.Requirements;
            var goVersion = loader.EffectiveGoVersion;
            var loadingGo = goVersion;
            if (strict && failures.Count == 0)
            {
                // go 1.21: the go root is raised to the highest go line of the graph read while loading (the
                // requirements tidy then drops included); -go= instead must stand against the tidy graph.
                loadingGo = graphRead ? await goLine.SelectedAsync(loading ?? rs, originalGo ?? goVersion, ct).ConfigureAwait(false) : originalGo ?? goVersion;
                if (options.Go.Length > 0)
                {
                    if (await goLine.ConflictAsync(rs, options.Go, ct).ConfigureAwait(false) is { } conflict)
                    {
                        stderr.Append("go: ").Append(conflict.Message).Append('\n');
                        failures.Add(new Located(conflict, null, 0, 0));
                        return Done(exit: 1);
                    }
                    goVersion = options.Go;
                }
                else
                {
                    goVersion = loadingGo;
                }
            }

            // Package errors, once the requirements are tidy (tidying may drop an irrelevant dependency's error).
            foreach (var pkg in graph.LoadOrder)
            {
                if (pkg.Error is not { } error) continue;
                if (error is ImportMissingException { IsStandard: true }) continue;
                var text = pkg.StackText() + ": " + error.Message;
                // go 1.23 reports package errors through its error collector, with go's "go: " prefix.
                stderr.Append(strict ? "go: " : "").Append(text).Append('\n');
                var at = PackageGraph.IsImportFailure(error) ? graph.ImportPosition(pkg) : null;
                failures.Add(at is { } p ? new Located(error, p.File, p.Position.Line, p.Position.Column, error.Message) : new Located(error, null, 0, 0, text));
            }
            if (failures.Count > 0 && !options.AllowErrors) return Done(exit: 1);

            if (options.Verbose)
            {
                // go's -v: each module the go.mod required that the tidy requirements no longer need.
                var (mg, _) = rs.Pruning == ModulePruning.Unpruned ? await rs.GraphAsync(loader, ct).ConfigureAwait(false) : default;
                foreach (var path in initialRoots.Select(m => m.Path).Distinct(StringComparer.Ordinal))
                {
                    bool unused = rs.Pruning == ModulePruning.Unpruned ? mg!.Selected(path) == "none" : !rs.RootSelected(loader.Main.Path, path, out _);
                    if (unused) stderr.Append("unused ").Append(path).Append('\n');
                }
            }

            var compat = options.Compat.Length > 0 ? options.Compat : DefaultCompat(goVersion);
            if (GoToolchainVersions.Compare(compat, goVersion) > 0) compat = goVersion;

            var keep = await TidySums.KeepAsync(loader, rs, graph, goVersion, ct).ConfigureAwait(false);
            var compatPruning = ModSummary.PruningForGoVersion(compat);
            if (compatPruning != rs.Pruning)
            {
                var compatRs = new Requirements(compatPruning, rs.RootModules, rs.Direct);
                var resolver = new PackageLoader(loader, packageOptions);
                var goFlag = strict && goVersion != originalGo ? " -go=" + goVersion : "";
                var compatErrors = await TidyCompatibility.CheckAsync(loader, resolver, graph, rs, compatRs, goVersion, compat, goFlag, options.AllowErrors, strict, stderr, ct).ConfigureAwait(false);
                failures.AddRange(compatErrors.Select(e => new Located(e, null, 0, 0)));
                if (compatErrors.Count > 0 && !options.AllowErrors) return Done(exit: 1);
                var compatKeep = await loader.KeepSumsAsync(compatRs, graph.LoadOrder, buildListZips: false, ct).ConfigureAwait(false);
                keep.GoMods.UnionWith(compatKeep.GoMods);
                keep.Zips.UnionWith(compatKeep.Zips);
            }

            var goSum = TidySums.Update(loader, keep, originalSum);
            string goMod;
            if (strict)
            {
                var f = loader.Main.File;
                // A missing go line is added (at the -go version) as go.mod is read, so it is not one tidy writes.
                goLine.Apply(f, originalGo ?? (options.Go.Length > 0 ? options.Go : null), originalToolchain, goVersion, loadingGo);
                goMod = FormatRequirements(f, rs, goVersion);
            }
            else
            {
                goMod = FormatGoMod(loader, rs);
            }
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
    /// go 1.23 stops loading at the first module it meets whose go line is above the local toolchain, in this order: a
    /// module providing a package from the go.mod's own graph; a module (go 1.21 line) of the loading graph's first
    /// round, when go read it, or of the tidy roots' graph (read every round) that the go.mod's own graph has; a module
    /// providing a package that missing-import resolution found (after go's <c>finding</c> lines, with <c>toolchain
    /// upgrade needed to resolve P</c>); any other module of the tidy roots' graph, then of the last loading graph. Returns the messages go prints before the error, and the error; null when
    /// nothing is too new.
    /// </summary>
    private static async Task<(List<string> Messages, GoVersionTooNewException Error)?> TooNewAsync(TidyGoLine goLine, IReadOnlyList<ModuleVersion> initialRoots,
        Requirements? loading, PackageGraph graph, List<string> messages, CancellationToken ct)
    {
        var initial = new Requirements(graph.Requirements.Pruning, Requirements.Sorted(initialRoots), new HashSet<string>());
        var (initialGraph, _) = await initial.GraphAsync(goLine.Loader, ct).ConfigureAwait(false);
        var providing = graph.LoadOrder.Where(p => p.FromExternalModule && p.Module.Version.Length > 0).Select(p => p.Module).Distinct().ToList();
        // The first round loads packages from the go.mod's own graph: a module too new there stops it.
        var first = providing.Where(m => initialGraph.Selected(m.Path) == m.Version);
        if (await goLine.TooNewModuleAsync(first, ct).ConfigureAwait(false) is { } early) return ([], early.Error);
        if (loading is not null && await goLine.TooNewInGraphAsync(initial, ct).ConfigureAwait(false) is { } inInitial) return ([], inInitial.Error);
        // Every round reads the graph of the tidy roots (go's tidyRoots): in the first, when the module is in the go.mod's own graph.
        var inTidy = await goLine.TooNewInGraphAsync(graph.Requirements, ct).ConfigureAwait(false);
        if (inTidy is { } early2 && initialGraph.Selected(early2.Module.Path) == early2.Module.Version) return ([], early2.Error);
        if (await goLine.TooNewModuleAsync(providing, ct).ConfigureAwait(false) is { } pkgModule)
        {
            var found = $" in {pkgModule.Module.Path} {pkgModule.Module.Version}";
            int at = messages.FindIndex(l => l.StartsWith("go: found ", StringComparison.Ordinal) && l.EndsWith(found, StringComparison.Ordinal));
            if (at >= 0)
            {
                var pkg = messages[at]["go: found ".Length..^found.Length];
                int start = at;
                while (start > 0 && messages[start - 1].StartsWith("go: found ", StringComparison.Ordinal)) start--;
                return ([.. messages.Take(start), "go: toolchain upgrade needed to resolve " + pkg], pkgModule.Error);
            }
            return (messages, pkgModule.Error);
        }
        if (inTidy is { } later) return (messages, later.Error);
        if (loading is not null && await goLine.TooNewInGraphAsync(loading, ct).ConfigureAwait(false) is { } inLoading) return (messages, inLoading.Error);
        return null;
    }

    /// <summary>
    /// Whether go's loading read the module graph of its requirements, which raises the go root to the graph's go
    /// (go's <c>updatePrunedRoots</c>): when the roots changed in some round (missing imports, tidy roots, upgrades), when
    /// our loader read a round's graph, or when go's spot check of the roots providing packages fails — one of them has
    /// a go line (1.21 or later) above the main module's go root.
    /// </summary>
    private static async Task<bool> GraphReadAsync(TidyGoLine goLine, IReadOnlyList<ModuleVersion> initialRoots, List<Requirements> rounds, PackageGraph graph,
        string mainGo, CancellationToken ct)
    {
        if (rounds.Count == 0) return false;
        var initial = Requirements.Sorted(initialRoots);
        if (rounds.Any(r => r.IsGraphLoaded || !r.RootModules.SequenceEqual(initial))) return true;
        var last = rounds[^1];
        foreach (var m in graph.LoadOrder.Where(p => p.FromExternalModule && p.Module.Version.Length > 0).Select(p => p.Module).Distinct())
        {
            if (!last.RootSelected(goLine.Loader.Main.Path, m.Path, out var v) || v != m.Version) continue;
            var go = await goLine.GoLineAsync(m, ct).ConfigureAwait(false);
            if (go.Length > 0 && GoToolchainVersions.Compare(go, GoToolchainVersions.StrictVersion) >= 0 && GoToolchainVersions.Compare(go, mainGo) > 0) return true;
        }
        return false;
    }

    /// <summary>The go line from which tidy merges all requirements into a direct and an indirect block.</summary>
    internal const string MergedRequireBlocksVersion = "1.27";

    /// <summary>
    /// The requirements of <paramref name="rs"/> set in <paramref name="f"/>: one block before go 1.17, direct and
    /// indirect blocks from 1.17 (other blocks with comments kept), and from go 1.27 every requirement in one of those
    /// two blocks (go 1.27's tidy, golang/go#56471); formatted.
    /// </summary>
    private static string FormatRequirements(GoModFile f, Requirements rs, string goVersion)
    {
        var list = rs.RootModules.Select(m => new Requirement(m.Path, m.Version, !rs.Direct.Contains(m.Path))).ToList();
        if (GoToolchainVersions.Compare(goVersion, "1.17") < 0) f.SetRequire(list);
        else if (GoToolchainVersions.Compare(goVersion, MergedRequireBlocksVersion) >= 0) f.SetRequireAtMostTwo(list);
        else f.SetRequireSeparateIndirect(list);
        f.Cleanup();
        return f.Format();
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
