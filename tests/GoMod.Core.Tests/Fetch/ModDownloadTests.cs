using GoMod.Testing;
using GoMod.Core.Fetch;
using GoMod.Core.GoEnv;
using GoMod.Core.ModFile;
using GoMod.Core.Module;
using GoMod.Core.Sum;
using GoMod.Core.Tests.Fetch.Infrastructure;

namespace GoMod.Core.Tests.Fetch;

/// <summary><c>go mod download</c> without arguments: which modules are downloaded, which go.sum lines are written.</summary>
public class ModDownloadTests
{
    private static readonly TestModule B = TestModule.Simple("example.com/b", "v1.0.0");
    private static readonly TestModule C = TestModule.Simple("example.com/c", "v1.2.0", goVersion: "1.16");
    private static readonly TestModule A = TestModule.Simple("example.com/a", "v1.0.0", requires: "require example.com/b v1.0.0\n");
    private static readonly TestModule[] All = [A, B, C];

    private static string MainGoMod(string go) =>
        $"module example.com/main\n\ngo {go}\n\nrequire (\n\texample.com/a v1.0.0\n\texample.com/c v1.2.0\n)\n\nrequire example.com/b v1.0.0 // indirect\n";

    [Theory]
    [InlineData("1.17", "", "example.com/a@v1.0.0 example.com/c@v1.2.0")]
    [InlineData("1.21", "", "example.com/a@v1.0.0 example.com/c@v1.2.0")]
    [InlineData("1.17", "require example.com/b v1.0.0 // indirect\n", "example.com/a@v1.0.0 example.com/c@v1.2.0 example.com/b@v1.0.0")]
    [InlineData("1.16", "", "example.com/a@v1.0.0 example.com/b@v1.0.0 example.com/c@v1.2.0")]
    public void Targets_are_the_go_mod_requirements_from_go_1_17_and_the_whole_build_list_before(string go, string extra, string expected)
    {
        var main = GoModFile.Parse("go.mod", $"module example.com/main\n\ngo {go}\n\nrequire (\n\texample.com/a v1.0.0\n\texample.com/c v1.2.0\n)\n\n{extra}");
        var buildList = new[] { new ModuleVersion("example.com/main", ""), A.ModuleVersion, B.ModuleVersion, C.ModuleVersion };
        string.Join(" ", ModDownload.Targets(main, buildList)).ShouldBe(expected);
    }

    [Fact]
    public void Replaced_modules_are_fetched_as_their_replacement_and_directory_replacements_not_at_all()
    {
        var main = GoModFile.Parse("go.mod", MainGoMod("1.17") + "\nreplace example.com/a => example.com/fork v1.0.1\n\nreplace example.com/c v1.2.0 => ../c\n");
        var buildList = new[] { A.ModuleVersion, B.ModuleVersion, C.ModuleVersion };
        ModDownload.Targets(main, buildList).ShouldBe([new ModuleVersion("example.com/fork", "v1.0.1"), B.ModuleVersion]);
    }

    [GoTheory]
    [InlineData("1.17")]
    [InlineData("1.16")]
    public async Task Downloads_and_go_sum_match_go_mod_download_without_arguments(string goVersion)
    {
        using var box = new FetchSandbox();
        var proxy = ProxyContent.WriteTree(box.Dir.Combine("proxy"), All);
        var goMain = box.Dir.Write("go-main/go.mod", MainGoMod(goVersion));
        var goCache = box.Dir.Combine("go-cache");
        var env = new Dictionary<string, string?> { ["GOPROXY"] = proxy, ["GOMODCACHE"] = goCache, ["GOFLAGS"] = "-mod=mod" };
        GoOracle.Run(box.Dir.Combine("go-main"), box.Dir.Path, env, "mod", "download").EnsureSuccess("go mod download");
        var buildList = GoOracle.Run(box.Dir.Combine("go-main"), box.Dir.Path, env, "list", "-m", "all").EnsureSuccess("go list -m all")
            .StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')).Select(f => new ModuleVersion(f[0], f.Length > 1 ? f[1] : "")).ToList();

        box.Dir.Write("our-main/go.mod", MainGoMod(goVersion));
        var sums = await GoSumChecker.LoadAsync(box.Dir.Combine("our-main", "go.sum"), ModMode.Mod, default);
        using (var d = new ModuleDownloader(box.Env(proxy), sums, FetchSandbox.FastOptions))
        {
            // What MVS does while loading the graph: every module's go.mod through the downloader.
            foreach (var m in buildList.Where(m => m.Version.Length > 0)) await d.GoModAsync(m);
            var main = GoModFile.Parse("go.mod", MainGoMod(goVersion));
            (await ModDownload.RunAsync(d, main, buildList)).ShouldAllBe(r => r.Error == null);
            await d.SaveGoSumAsync(keep: ModDownload.KeepGoModLinesOnly);
        }

        File.ReadAllText(box.Dir.Combine("our-main", "go.sum")).ShouldBe(File.ReadAllText(box.Dir.Combine("go-main", "go.sum")));
        static IEnumerable<string> Zips(string cache) => Directory.EnumerateFiles(Path.Combine(cache, "cache", "download"), "*.zip", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(cache, f)).Order(StringComparer.Ordinal);
        Zips(box.ModCache).ShouldBe(Zips(goCache));
    }
}
