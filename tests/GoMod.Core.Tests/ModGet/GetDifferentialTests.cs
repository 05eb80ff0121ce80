using GoMod.Testing;
using GoMod.Core.ModGet;
using GoMod.Core.ModSource;
using GoMod.Core.Tests.Mvs;

namespace GoMod.Core.Tests.ModGet;

/// <summary>
/// Our <c>go get</c> against Debian's go 1.19: after the same arguments on the same main module and proxy, go.mod and
/// go.sum must be byte-identical, and stderr (less go's download progress lines) and the exit code must match.
/// </summary>
public class GetDifferentialTests
{
    public static TheoryData<string> Names => new(GetScenarios.All.Keys.Order(StringComparer.Ordinal));

    [GoTheory]
    [MemberData(nameof(Names))]
    public async Task Go_get_writes_what_go_writes(string name)
    {
        var (scenario, upgrade, args) = GetScenarios.All[name];
        using var tmp = new TempDirectory("get");
        var (proxy, main) = ProxyScenario.Parse(scenario).Materialize(tmp.Path);
        var go = new GoProxyRun(proxy, tmp.Combine("home"));
        var original = BuildListDifferentialTests.SnapshotMain(main);

        var ours = await GoGet.RunAsync(main, new DirectoryModuleSource(proxy), args, upgrade);
        var ourGoMod = ours.GoMod ?? BuildListDifferentialTests.ReadOrNull(Path.Combine(main, "go.mod"));
        var ourGoSum = ours.GoSum ?? BuildListDifferentialTests.ReadOrNull(Path.Combine(main, "go.sum"));

        BuildListDifferentialTests.RestoreMain(main, original);
        string[] goArgs = ["get", .. (upgrade switch { "upgrade" => new[] { "-u" }, "patch" => ["-u=patch"], _ => [] }), .. args];
        var result = go.Run(main, goArgs);
        var goStderr = string.Concat(result.StdErr.Split('\n').Where(l => !l.StartsWith("go: downloading ", StringComparison.Ordinal)).Select(l => l + "\n"))[..^1];

        var expected = $"exit {result.ExitCode}\n--- stderr\n{goStderr}--- go.mod\n{BuildListDifferentialTests.ReadOrNull(Path.Combine(main, "go.mod"))}--- go.sum\n{BuildListDifferentialTests.ReadOrNull(Path.Combine(main, "go.sum"))}";
        var actual = $"exit {ours.ExitCode}\n--- stderr\n{ours.StdErr}--- go.mod\n{ourGoMod}--- go.sum\n{ourGoSum}";
        if (actual != expected)
            throw new Xunit.Sdk.XunitException($"go {string.Join(' ', goArgs)} differs.\n===== go:\n{expected}\n===== ours:\n{actual}\n=====");
        if (Environment.GetEnvironmentVariable("MVS_PEEK") == "1") Console.Error.WriteLine($"### {name}: go {string.Join(' ', goArgs)}\n{expected}");
    }
}
