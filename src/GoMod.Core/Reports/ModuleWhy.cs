using System.Text;
using GoMod.Core.Imports;
using GoMod.Core.ModLoad;
using GoMod.Core.ModSource;
using GoMod.Core.Module;
using GoMod.Core.Mvs;
using GoMod.Core.Packages;

namespace GoMod.Core.Reports;

/// <summary>
/// <c>go mod why [-m] [-vendor] args…</c>, byte for byte. The package graph of <c>all</c> is loaded as go loads it
/// for this command — every build tag but <c>ignore</c>, the tests of every package in <c>all</c> unless
/// <c>-vendor</c>, package errors silenced — and each stanza is <c># target</c> followed by the shortest import path
/// from a main-module package (go's <c>loadPkg.why</c>: one package per line, a test as <c>path.test</c>), or
/// <c>(main module does not need [to vendor] package|module X)</c>. Stanzas are separated by blank lines. With
/// <c>-m</c> each module is explained by its package with the shortest path (the first in import-path order among
/// equals). go.mod and go.sum are never written (go's <c>ExplicitWriteGoMod</c>).
/// </summary>
public static class ModuleWhy
{
    /// <summary>Runs <c>go mod why</c> for the main module in <paramref name="modRoot"/>.</summary>
    /// <param name="modRoot">The main module's directory.</param>
    /// <param name="source">Where module versions come from.</param>
    /// <param name="args">Packages (import paths, <c>./dir</c>, patterns with <c>...</c>), or with <c>-m</c> module paths.</param>
    /// <param name="why">The <c>-m</c> and <c>-vendor</c> flags.</param>
    /// <param name="options">How modules load (<c>-mod</c>); null for <c>-mod=mod</c>.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public static async Task<GoOutput> WhyAsync(string modRoot, IModuleSource source, IReadOnlyList<string> args, WhyOptions why,
        LoadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(why);
        options ??= new LoadOptions();
        var stderr = new StringBuilder();
        if (why.Modules && args.FirstOrDefault(a => a.Contains('@', StringComparison.Ordinal)) is { } query)
            return Fail(stderr, new GoCommandException($"{query}: 'go mod why' requires a module path, not a version query"));

        ModuleLoader loader;
        try
        {
            loader = await ModuleLoader.CreateAsync(source, modRoot, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is GoCommandException or BuildListException or ModuleException)
        {
            return Fail(stderr, e);
        }
        var lister = new ModuleLister(loader, new ListOptions { Mvs = options });
        return await WhyAsync(loader, loader.LoadPackagesAsync, async (paths, ct) =>
        {
            var (_, mods, graphError) = await lister.ListAsync(paths, ct).ConfigureAwait(false);
            return (mods.Select(m => m.Path).ToList(), graphError);
        }, args, why, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>go mod why</c> over any package loader: <paramref name="load"/> loads patterns (the single main module's, or a
    /// workspace's over every used module), <paramref name="listModules"/> resolves <c>-m</c> arguments to module paths
    /// (or the graph's error); <paramref name="loader"/>'s messages precede a failure.
    /// </summary>
    internal static async Task<GoOutput> WhyAsync(ModuleLoader loader,
        Func<IReadOnlyList<string>, PackageLoadOptions, CancellationToken, Task<PackageGraph>> load,
        Func<IReadOnlyList<string>, CancellationToken, Task<(IReadOnlyList<string> Paths, Exception? Error)>> listModules,
        IReadOnlyList<string> args, WhyOptions why, CancellationToken cancellationToken)
    {
        var stderr = new StringBuilder();
        if (why.Modules && args.FirstOrDefault(a => a.Contains('@', StringComparison.Ordinal)) is { } query)
            return Fail(stderr, new GoCommandException($"{query}: 'go mod why' requires a module path, not a version query"));
        try
        {
            var loadOptions = new PackageLoadOptions { Tags = BuildTags.Any, LoadTests = !why.Vendor, AllowErrors = true };
            var stdout = new StringBuilder();
            string vendoring = why.Vendor ? " to vendor" : "";
            if (why.Modules)
            {
                var (mods, graphError) = await listModules(args, cancellationToken).ConfigureAwait(false);
                if (graphError is not null) return Fail(stderr, graphError, loader);
                var all = await load(["all"], loadOptions, cancellationToken).ConfigureAwait(false);
                var byModule = new Dictionary<string, List<GoPackage>>(StringComparer.Ordinal);
                foreach (var pkg in all.LoadOrder.Where(p => !p.IsTest).OrderBy(p => p.ImportPath, StringComparer.Ordinal))
                {
                    if (pkg.Module.Path is not { Length: > 0 } modPath) continue;
                    if (!byModule.TryGetValue(modPath, out var list)) byModule[modPath] = list = [];
                    list.Add(pkg);
                }
                string sep = "";
                foreach (var modPath in mods)
                {
                    GoPackage? best = null;
                    int bestDepth = int.MaxValue;
                    foreach (var pkg in byModule.GetValueOrDefault(modPath) ?? [])
                    {
                        int depth = Depth(pkg);
                        if (depth > 0 && depth < bestDepth) (best, bestDepth) = (pkg, depth);
                    }
                    var text = best is null ? "" : Why(best);
                    if (text.Length == 0) text = $"(main module does not need{vendoring} module {modPath})\n";
                    stdout.Append(sep).Append("# ").Append(modPath).Append('\n').Append(text);
                    sep = "\n";
                }
            }
            else
            {
                // go resolves the arguments to packages with one load, then loads "all" afresh: the paths come from there.
                var matched = await load(args, loadOptions, cancellationToken).ConfigureAwait(false);
                foreach (var line in matched.MatchWarnings) stderr.Append(line).Append('\n');
                var perArgument = new List<IReadOnlyList<string>>();
                foreach (var arg in args)
                {
                    if (IsLiteralImportPath(arg))
                    {
                        perArgument.Add([arg]);
                        continue;
                    }
                    var one = args.Count == 1 ? matched : await load([arg], loadOptions, cancellationToken).ConfigureAwait(false);
                    perArgument.Add(one.Roots.Select(p => p.ImportPath).ToList());
                }
                var all = await load(["all"], loadOptions, cancellationToken).ConfigureAwait(false);
                string sep = "";
                foreach (var path in perArgument.SelectMany(p => p))
                {
                    var text = all.Find(path) is { } pkg ? Why(pkg) : "";
                    if (text.Length == 0) text = $"(main module does not need{vendoring} package {path})\n";
                    stdout.Append(sep).Append("# ").Append(path).Append('\n').Append(text);
                    sep = "\n";
                }
            }
            return new GoOutput { StdOut = stdout.ToString(), StdErr = stderr.ToString() };
        }
        catch (Exception e) when (e is GoCommandException or BuildListException or ModuleException)
        {
            return Fail(stderr, e);
        }
    }

    /// <summary>go's <c>loadPkg.why</c>: the import stack from its root down to the package, one per line.</summary>
    internal static string Why(GoPackage pkg)
    {
        var stack = new List<GoPackage>();
        for (var p = pkg; p is not null; p = p.Stack) stack.Add(p);
        var b = new StringBuilder();
        for (int i = stack.Count - 1; i >= 0; i--)
            b.Append(stack[i].TestOf is { } of ? of.ImportPath + ".test" : stack[i].ImportPath).Append('\n');
        return b.ToString();
    }

    /// <summary>go's <c>WhyDepth</c>: the number of packages on the import stack.</summary>
    private static int Depth(GoPackage pkg)
    {
        int n = 0;
        for (var p = pkg; p is not null; p = p.Stack) n++;
        return n;
    }

    /// <summary>An argument naming exactly one package (not <c>all</c>, <c>std</c>, <c>cmd</c>, a <c>...</c> pattern or a directory).</summary>
    private static bool IsLiteralImportPath(string arg) =>
        arg is not ("all" or "std" or "cmd") && !arg.Contains("...", StringComparison.Ordinal)
        && !PackagePatterns.IsLocal(arg);

    private static GoOutput Fail(StringBuilder stderr, Exception e, ModuleLoader? loader = null)
    {
        if (loader is not null) foreach (var line in loader.Messages) stderr.Append(line).Append('\n');
        ModuleReports.AppendLog(stderr, "go: " + e.Message);
        return new GoOutput { StdErr = stderr.ToString(), ExitCode = 1, ErrorLocation = ModuleReports.LocationOf(e), Failures = [ModuleReports.AsCommandFailure(e)] };
    }
}
