using GoMod.Testing;
using GoMod.Core.ModSource;
using GoMod.Core.Reports;
using GoMod.Core.Tests.Mvs;

namespace GoMod.Core.Tests.ModLoad;

/// <summary>
/// Version queries, upgrades, retractions and deprecations as <c>go list -m</c> reports them, against go 1.19:
/// <c>path@query</c> arguments, <c>-u</c>, <c>-versions</c> and <c>-retracted</c> over one proxy.
/// </summary>
public class QueryDifferentialTests : IClassFixture<QueryDifferentialTests.Proxy>
{
    private const string Scenario = """
        -- go.mod --
        module example.com/main

        go 1.17

        require (
        	example.com/lib v1.1.0
        	example.com/pre v1.0.0-beta.1
        	example.com/old v1.0.0
        	example.com/legacy v1.0.0
        	example.com/gone v1.0.0
        	example.com/pseudo v1.2.1-0.20230101000000-aaaaaaaaaaaa
        	example.com/rev v1.1.0
        	example.com/dep v1.0.0
        )

        exclude example.com/lib v1.2.0
        -- example.com/lib@v1.0.0 --
        go 1.17
        -- example.com/lib@v1.0.1 --
        go 1.17
        -- example.com/lib@v1.1.0 --
        go 1.17
        -- example.com/lib@v1.1.5 --
        go 1.17
        -- example.com/lib@v1.2.0 --
        go 1.17
        -- example.com/lib@v1.3.0-rc.1 --
        go 1.17
        -- example.com/lib@v1.3.0 --
        go 1.17
        -- example.com/lib@v2.0.0+incompatible --
        -- example.com/pre@v1.0.0-alpha --
        go 1.17
        -- example.com/pre@v1.0.0-beta.1 --
        go 1.17
        -- example.com/pre@v1.0.0-beta.2 --
        go 1.17
        -- example.com/old@v1.0.0 --
        go 1.17
        -- example.com/legacy@v1.0.0 --
        -- example.com/legacy@v2.0.0+incompatible --
        -- example.com/legacy@v3.0.0+incompatible --
        -- example.com/gone@v1.0.0 --
        go 1.17
        -- example.com/pseudo@v1.2.0 time=2022-01-01T00:00:00Z --
        go 1.17
        -- example.com/pseudo@v1.2.1-0.20230101000000-aaaaaaaaaaaa --
        go 1.17
        -- example.com/pseudo@v1.3.0 time=2022-06-01T00:00:00Z --
        go 1.17
        -- example.com/rev@v1.0.0 --
        go 1.17
        -- example.com/rev@v1.1.0 --
        go 1.17
        -- example.com/rev@v1.2.0 --
        go 1.17
        -- example.com/rev@v1.3.0 --
        go 1.17

        retract (
        	v1.1.0 // a bad release
        	[v1.2.0, v1.3.0] // these are broken too
        )
        -- example.com/dep@v1.0.0 --
        go 1.17
        -- example.com/dep@v1.1.0 --
        // Deprecated: replaced by example.com/dep2.
        module example.com/dep

        go 1.17
        -- example.com/nolist@list --
        -- example.com/nolist@latest --
        {"Version":"v0.0.0-20200101000000-bbbbbbbbbbbb","Time":"2020-01-01T00:00:00Z"}
        -- example.com/nolist@v0.0.0-20200101000000-bbbbbbbbbbbb unlisted --
        go 1.17
        """;

    public sealed class Proxy : IDisposable
    {
        private readonly TempDirectory _tmp = new("query");

        public Proxy()
        {
            (ProxyDir, Main) = ProxyScenario.Parse(Scenario).Materialize(_tmp.Path);
            Go = new GoProxyRun(ProxyDir, _tmp.Combine("home"));
            Original = BuildListDifferentialTests.SnapshotMain(Main);
        }

        public string ProxyDir { get; }
        public string Main { get; }
        public GoProxyRun Go { get; }
        public Dictionary<string, byte[]> Original { get; }

        public void Dispose() => _tmp.Dispose();
    }

    private readonly Proxy _proxy;

    public QueryDifferentialTests(Proxy proxy) => _proxy = proxy;

    public static TheoryData<string> Commands => new(
        "example.com/lib@latest",
        "example.com/lib@upgrade",
        "example.com/lib@patch",
        "example.com/lib@v1",
        "example.com/lib@v1.1",
        "example.com/lib@v1.0.1",
        "example.com/lib@v1.2.0",
        "example.com/lib@<v1.1.0",
        "example.com/lib@<=v1.1.5",
        "example.com/lib@>v1.1.0",
        "example.com/lib@>=v1.3.0-rc.1",
        "example.com/lib@v2",
        "example.com/lib@v1.9",
        "example.com/lib@<=v1.2",
        "example.com/lib@>=junk",
        "example.com/lib@none",
        "example.com/pre@latest",
        "example.com/pre@upgrade",
        "example.com/pre@v1.0.0",
        "example.com/legacy@latest",
        "example.com/legacy@v3",
        "example.com/legacy@upgrade",
        "example.com/pseudo@upgrade",
        "example.com/pseudo@latest",
        "example.com/pseudo@patch",
        "example.com/rev@latest",
        "example.com/rev@v1.1.0",
        "example.com/rev@v1.2",
        "example.com/nolist@latest",
        "example.com/missing@latest",
        "example.com/missing@v1.0.0",
        "example.com/main@upgrade",
        "-u all",
        "-u -json all",
        "-versions all",
        "-versions -retracted all",
        "-retracted -json all",
        "-u example.com/lib example.com/rev example.com/dep",
        "example.com/lib example.com/nonexistent",
        "-versions example.com/nonexistent",
        "example.com/...",
        "example.com/l...",
        "nothing.example/...",
        "-json example.com/lib@v1 example.com/rev@v1.1.0");

    [GoTheory]
    [MemberData(nameof(Commands))]
    public async Task Go_list_m_equals_go(string command)
    {
        var words = command.Split(' ');
        var flags = words.Where(w => w.StartsWith('-')).ToArray();
        var args = words.Where(w => !w.StartsWith('-')).ToArray();
        var options = new ListOptions
        {
            Json = flags.Contains("-json"),
            Update = flags.Contains("-u"),
            Versions = flags.Contains("-versions"),
            Retracted = flags.Contains("-retracted"),
            ModCache = _proxy.Go.ModCache,
        };

        BuildListDifferentialTests.RestoreMain(_proxy.Main, _proxy.Original);
        var go = _proxy.Go.Run(_proxy.Main, ["list", "-m", .. flags, .. args]);
        BuildListDifferentialTests.RestoreMain(_proxy.Main, _proxy.Original);
        var ours = await ModuleReports.ListAsync(_proxy.Main, new DirectoryModuleSource(_proxy.ProxyDir), args, options);
        BuildListDifferentialTests.Compare("go list -m " + command, go, ours);
        if (Environment.GetEnvironmentVariable("MVS_PEEK") == "1") Console.Error.WriteLine($"### {command}\n{go.StdOut}{go.StdErr}");
    }
}
