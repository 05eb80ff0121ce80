using GoMod.Core.Restore;
using GoMod.Core.Tests.Fetch.Infrastructure;
using GoMod.Testing;

namespace GoMod.Core.Tests.Fetch;

/// <summary>
/// A cold restore asks the proxy for the go.mod files go reads and no others. On an authored pruned graph the .mod
/// requests are counted at the loopback proxy, for our restore and for go 1.19's <c>go mod download</c> (what the
/// cold-restore benchmark compares with) on the same go.mod.
/// </summary>
public sealed class ModRequestCountTests
{
    // main (go 1.17) → a (pruned: its requirement d is in the build list but its go.mod is never read),
    //                → b (go 1.16, unpruned: e and, through it, f are read), → c (also required by a).
    private static readonly TestModule A = TestModule.Simple("example.com/a", "v1.0.0", requires: "require (\n\texample.com/c v1.0.0\n\texample.com/d v1.0.0\n)\n");
    private static readonly TestModule B = TestModule.Simple("example.com/b", "v1.0.0", goVersion: "1.16", requires: "require example.com/e v1.0.0\n");
    private static readonly TestModule C = TestModule.Simple("example.com/c", "v1.0.0");
    private static readonly TestModule D = TestModule.Simple("example.com/d", "v1.0.0");
    private static readonly TestModule E = TestModule.Simple("example.com/e", "v1.0.0", requires: "require example.com/f v1.0.0\n");
    private static readonly TestModule F = TestModule.Simple("example.com/f", "v1.0.0");

    private const string MainGoMod = "module example.com/main\n\ngo 1.17\n\nrequire (\n\texample.com/a v1.0.0\n\texample.com/b v1.0.0\n)\n\n" +
        "require (\n\texample.com/c v1.0.0 // indirect\n\texample.com/e v1.0.0 // indirect\n\texample.com/f v1.0.0 // indirect\n)\n";

    private static List<string> ModRequests(TestProxyServer server) =>
        server.Paths.Where(p => p.EndsWith(".mod", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

    [GoFact]
    public async Task A_cold_restore_requests_the_same_go_mod_files_as_go_mod_download()
    {
        List<string> goRequests;
        await using (var server = TestProxyServer.For(A, B, C, D, E, F))
        {
            using var box = new FetchSandbox("modcount-go");
            box.Dir.Write("main/go.mod", MainGoMod);
            GoOracle.Run(box.Dir.Combine("main"), box.Dir.Path, new Dictionary<string, string?> { ["GOPROXY"] = server.Url, ["GOFLAGS"] = "-mod=mod" }, "mod", "download")
                .EnsureSuccess("go mod download");
            goRequests = ModRequests(server);
        }
        // The graph is pruned where it should be: go reads e and f (through unpruned b) but never d (behind pruned a).
        goRequests.ShouldBe(["/example.com/a/@v/v1.0.0.mod", "/example.com/b/@v/v1.0.0.mod", "/example.com/c/@v/v1.0.0.mod",
            "/example.com/e/@v/v1.0.0.mod", "/example.com/f/@v/v1.0.0.mod"]);

        await using (var server = TestProxyServer.For(A, B, C, D, E, F))
        {
            using var box = new FetchSandbox("modcount-ours");
            var main = box.Dir.Write("main/go.mod", MainGoMod);
            var result = await new ModuleRestorer().RestoreAsync(new RestoreOptions
            {
                ModFile = main,
                ModMode = "mod",
                Settings = new Dictionary<string, string?> { ["GOMODCACHE"] = box.ModCache, ["GOPROXY"] = server.Url, ["GOSUMDB"] = "off", ["GOFLAGS"] = "" },
                GetEnvironmentVariable = name => name == "GOENV" ? "off" : name == "HOME" ? box.Dir.Path : null,
                Fetch = FetchSandbox.FastOptions,
            }, CancellationToken.None);
            result.Succeeded.ShouldBeTrue(string.Join("\n", result.Diagnostics));
            ModRequests(server).ShouldBe(goRequests);
        }
    }
}
