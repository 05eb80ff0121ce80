using GoMod.Testing;
using GoMod.Core.ModLoad;
using GoMod.Core.ModSource;
using GoMod.Core.Reports;

namespace GoMod.Core.Tests.Mvs;

/// <summary>
/// Our <c>go list -m all</c>, <c>go list -m -json all</c> and <c>go mod graph</c> against Debian's go 1.19 on
/// authored requirement graphs served from a file:// proxy: the bytes on stdout and stderr and the exit code must match.
/// </summary>
public class BuildListDifferentialTests
{
    public static TheoryData<string> Names => new(MvsScenarios.All.Keys.Order(StringComparer.Ordinal));

    [GoTheory]
    [MemberData(nameof(Names))]
    public async Task Graph_list_and_json_equal_go(string name)
    {
        using var tmp = new TempDirectory("mvs");
        var (proxy, main) = ProxyScenario.Parse(MvsScenarios.All[name]).Materialize(tmp.Path);
        var go = new GoProxyRun(proxy, tmp.Combine("home"));
        var source = new DirectoryModuleSource(proxy);
        var original = SnapshotMain(main);

        // go mod graph does not write go.mod; go list -m does (under -mod=mod), so each command starts from the original files.
        var goGraph = go.Run(main, "mod", "graph");
        RestoreMain(main, original);
        var ourGraph = await ModuleReports.GraphAsync(main, source);
        Compare("go mod graph", goGraph, ourGraph);

        var goList = go.Run(main, "list", "-m", "all");
        var goFiles = (GoMod: ReadOrNull(Path.Combine(main, "go.mod")), GoSum: ReadOrNull(Path.Combine(main, "go.sum")));
        RestoreMain(main, original);
        var ourList = await ModuleReports.ListAsync(main, source);
        Compare("go list -m all", goList, ourList);
        (ourList.GoMod ?? ReadOrNull(Path.Combine(main, "go.mod"))).ShouldBe(goFiles.GoMod, "go.mod after go list -m all");
        (ourList.GoSum ?? ReadOrNull(Path.Combine(main, "go.sum"))).ShouldBe(goFiles.GoSum, "go.sum after go list -m all");

        var goJson = go.Run(main, "list", "-m", "-json", "all");
        RestoreMain(main, original);
        var ourJson = await ModuleReports.ListAsync(main, source, json: true, modCache: go.ModCache);
        Compare("go list -m -json all", goJson, ourJson);

        // -mod=readonly: first with the files as authored (usually no go.sum), then with what go list -m wrote.
        var readOnly = new LoadOptions { ReadOnly = true, ModFlagExplicit = true };
        var goReadOnly = go.RunReadOnly(main, "list", "-m", "all");
        RestoreMain(main, original);
        Compare("go list -m all (-mod=readonly)", goReadOnly, await ModuleReports.ListAsync(main, source, options: readOnly));

        if (goFiles.GoMod is not null) File.WriteAllText(Path.Combine(main, "go.mod"), goFiles.GoMod);
        if (goFiles.GoSum is not null) File.WriteAllText(Path.Combine(main, "go.sum"), goFiles.GoSum);
        var tidied = SnapshotMain(main);
        var goReadOnlyJson = go.RunReadOnly(main, "list", "-m", "-json", "all");
        RestoreMain(main, tidied);
        Compare("go list -m -json all (-mod=readonly, after go list -m all)", goReadOnlyJson,
            await ModuleReports.ListAsync(main, source, json: true, modCache: go.ModCache, options: readOnly));
    }

    internal static void Compare(string what, ProcessResult go, GoOutput ours)
    {
        var expected = $"exit {go.ExitCode}\n--- stdout\n{go.StdOut}--- stderr\n{go.StdErr}";
        var actual = $"exit {ours.ExitCode}\n--- stdout\n{ours.StdOut}--- stderr\n{ours.StdErr}";
        if (actual != expected)
            throw new Xunit.Sdk.XunitException($"{what} differs from go.\n===== go:\n{expected}\n===== ours:\n{actual}\n=====");
    }

    internal static string? ReadOrNull(string file) => File.Exists(file) ? File.ReadAllText(file) : null;

    internal static Dictionary<string, byte[]> SnapshotMain(string main) =>
        Directory.EnumerateFiles(main, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllBytes);

    internal static void RestoreMain(string main, Dictionary<string, byte[]> snapshot)
    {
        foreach (var f in Directory.EnumerateFiles(main, "*", SearchOption.AllDirectories))
            if (!snapshot.ContainsKey(f)) File.Delete(f);
        foreach (var (f, data) in snapshot) File.WriteAllBytes(f, data);
    }
}
