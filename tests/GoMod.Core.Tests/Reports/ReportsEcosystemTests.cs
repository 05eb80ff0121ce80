using GoMod.Core.ModSource;
using GoMod.Core.Reports;
using GoMod.Core.Tests.Mvs;
using GoMod.Testing;

namespace GoMod.Core.Tests.Reports;

/// <summary>
/// The reports on real code (<see cref="DebianCorpus"/>, 110 modules): <c>go list -m all</c>, <c>go list -m -json
/// all</c> (Dir and GoMod from go's own module cache), <c>go mod graph</c>, <c>go mod why -m</c> of every module of the
/// build list and <c>go mod why</c> of every package the build imports must be go's bytes and exit status. (By hand on
/// the 500-module benchmark corpus, session 20: the same five outputs, byte for byte.)
/// </summary>
public sealed class ReportsEcosystemTests : IDisposable
{
    private readonly TempDirectory _dir = new("rpecosys");

    public void Dispose() => _dir.Dispose();

    [GoFact]
    public async Task List_graph_and_why_equal_go_over_a_hundred_real_modules()
    {
        if (!DebianCorpus.Available()) return;
        var corpus = DebianCorpus.Build(_dir.Combine("corpus"));
        var main = corpus.MainDir;
        var go = new GoProxyRun(corpus.ProxyDir, _dir.Combine("home"));
        // A full module cache first: go's outputs then carry no download progress, and -json's Dir/GoMod are filled.
        go.Run(main, "mod", "download").EnsureSuccess("go mod download");
        var modules = Lines(go.Run(main, "list", "-m", "-f", "{{.Path}}", "all").EnsureSuccess("go list -m").StdOut).Skip(1).ToList();
        var packages = Lines(go.Run(main, "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", "./...")
            .EnsureSuccess("go list -deps").StdOut).ToList();
        modules.Count.ShouldBeGreaterThanOrEqualTo(100);
        packages.Count.ShouldBeGreaterThan(modules.Count);
        var source = new DirectoryModuleSource(corpus.ProxyDir);

        BuildListDifferentialTests.Compare("go list -m all", go.Run(main, "list", "-m", "all"), await ModuleReports.ListAsync(main, source));
        BuildListDifferentialTests.Compare("go list -m -json all", go.Run(main, "list", "-m", "-json", "all"),
            await ModuleReports.ListAsync(main, source, json: true, modCache: go.ModCache));
        BuildListDifferentialTests.Compare("go mod graph", go.Run(main, "mod", "graph"), await ModuleReports.GraphAsync(main, source));
        BuildListDifferentialTests.Compare("go mod why -m", go.Run(main, ["mod", "why", "-m", .. modules]),
            await ModuleWhy.WhyAsync(main, source, modules, new WhyOptions { Modules = true }));
        BuildListDifferentialTests.Compare("go mod why", go.Run(main, ["mod", "why", .. packages]),
            await ModuleWhy.WhyAsync(main, source, packages, new WhyOptions()));
    }

    private static IEnumerable<string> Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
