using GoMod.Testing;
using GoMod.Core.Diagnostics;
using GoMod.Core.GoEnv;
using GoMod.Core.Proxy;
using GoMod.Core.Restore;
using GoMod.Core.Tests.Fetch.Infrastructure;
using GoMod.Core.Tests.Mvs;

namespace GoMod.Core.Tests.Restore;

/// <summary>
/// A restore warns about the directly required modules whose selected version the author retracted (GOMOD0350) or whose
/// latest go.mod deprecates the module (GOMOD0351), on the require line, in the words <c>go get</c> prints for them.
/// </summary>
public sealed class RetractionWarningTests : IDisposable
{
    /// <summary>
    /// r retracts v1.0.0 with a rationale; q retracts a range, and v1.1.0 again on a later line (go shows the first
    /// rationale only); n retracts without a rationale; d's latest go.mod deprecates it; ok is plain; i, only indirectly
    /// required, is both retracted and deprecated, which go get (and so the restore) does not report.
    /// </summary>
    internal const string Scenario = """
        -- go.mod --
        module example.com/m

        go 1.19

        require (
        	example.com/d v1.0.0
        	example.com/n v1.0.0
        	example.com/ok v1.0.0
        	example.com/q v1.1.0
        	example.com/r v1.0.0
        )

        require example.com/i v1.0.0 // indirect
        -- example.com/r@v1.0.0 --
        go 1.19
        -- example.com/r@v1.0.0/r.go --
        package r
        -- example.com/r@v1.1.0 --
        go 1.19

        // Published with a data race in Fetch.
        retract v1.0.0
        -- example.com/r@v1.1.0/r.go --
        package r
        -- example.com/q@v1.0.0 --
        go 1.19
        -- example.com/q@v1.0.0/q.go --
        package q
        -- example.com/q@v1.1.0 --
        go 1.19
        -- example.com/q@v1.1.0/q.go --
        package q
        -- example.com/q@v1.2.0 --
        go 1.19
        -- example.com/q@v1.2.0/q.go --
        package q
        -- example.com/q@v1.3.0 --
        go 1.19

        retract (
        	[v1.0.0, v1.2.0] // Builds broken on windows.
        	v1.1.0 // Also leaks memory.
        )
        -- example.com/q@v1.3.0/q.go --
        package q
        -- example.com/n@v1.0.0 --
        go 1.19
        -- example.com/n@v1.0.0/n.go --
        package n
        -- example.com/n@v1.0.1 --
        go 1.19

        retract v1.0.0
        -- example.com/n@v1.0.1/n.go --
        package n
        -- example.com/d@v1.0.0 --
        go 1.19
        -- example.com/d@v1.0.0/d.go --
        package d
        -- example.com/d@v1.1.0 --
        // Deprecated: use example.com/d2 instead.
        module example.com/d

        go 1.19
        -- example.com/d@v1.1.0/d.go --
        package d
        -- example.com/ok@v1.0.0 --
        go 1.19
        -- example.com/ok@v1.0.0/ok.go --
        package ok
        -- example.com/ok@v1.1.0 --
        go 1.19
        -- example.com/ok@v1.1.0/ok.go --
        package ok
        -- example.com/i@v1.0.0 --
        go 1.19
        -- example.com/i@v1.0.0/i.go --
        package i
        -- example.com/i@v1.1.0 --
        // Deprecated: use example.com/i2 (not reported: only indirectly required).
        module example.com/i

        go 1.19

        retract v1.0.0 // Not reported either.
        -- example.com/i@v1.1.0/i.go --
        package i
        """;

    private readonly TempDirectory _dir = new("retract");
    private readonly string _proxy;
    private readonly string _main;

    public RetractionWarningTests() => (_proxy, _main) = ProxyScenario.Parse(Scenario).Materialize(_dir.Path);

    public void Dispose() => _dir.Dispose();

    private string ProxyUrl => new Uri(_proxy + Path.DirectorySeparatorChar).AbsoluteUri.TrimEnd('/');

    private RestoreResult Restore(string proxy, bool offline = false) =>
        new ModuleRestorer().RestoreAsync(new RestoreOptions
        {
            ModFile = Path.Combine(_main, "go.mod"),
            ModMode = "mod",
            Offline = offline,
            Settings = new Dictionary<string, string?>
            {
                ["GOMODCACHE"] = _dir.Combine("modcache"), ["GOPROXY"] = proxy, ["GOSUMDB"] = "off",
            },
            GetEnvironmentVariable = name => name == "GOENV" ? "off" : null,
        }, CancellationToken.None).GetAwaiter().GetResult();

    private static List<Diagnostic> Warnings(RestoreResult result) =>
        result.Diagnostics.Where(d => d.Code is "GOMOD0350" or "GOMOD0351").ToList();

    [GoFact]
    public void Retracted_and_deprecated_direct_requirements_are_warned_on_their_require_line_in_go_get_s_words()
    {
        using var home = new TempDirectory("gohome");
        var goCopy = _dir.Combine("gocopy");
        Directory.CreateDirectory(goCopy);
        File.Copy(Path.Combine(_main, "go.mod"), Path.Combine(goCopy, "go.mod"));

        var result = Restore(ProxyUrl);
        // go get of the versions go.mod already requires changes nothing and prints the warnings of each named module.
        var go = new GoProxyRun(_proxy, home.Path).Run(goCopy, "get",
            "example.com/d@v1.0.0", "example.com/n@v1.0.0", "example.com/ok@v1.0.0", "example.com/q@v1.1.0", "example.com/r@v1.0.0");

        go.EnsureSuccess("go get");
        result.Diagnostics.Where(d => d.IsError).ShouldBeEmpty();
        var goWarnings = go.StdErr.Split('\n')
            .Where(l => l.StartsWith("go: warning: ", StringComparison.Ordinal) || (l.StartsWith("go: module ", StringComparison.Ordinal) && l.Contains(" is deprecated: ", StringComparison.Ordinal)))
            .Select(l => l.StartsWith("go: warning: ", StringComparison.Ordinal) ? l["go: warning: ".Length..] : l["go: ".Length..])
            .ToList();
        goWarnings.ShouldBe(
        [
            "module example.com/d is deprecated: use example.com/d2 instead.",
            "example.com/n@v1.0.0: retracted by module author",
            "example.com/q@v1.1.0: retracted by module author: Builds broken on windows.",
            "example.com/r@v1.0.0: retracted by module author: Published with a data race in Fetch.",
        ], ignoreOrder: true);
        go.StdErr.ShouldContain("go: to switch to the latest unretracted version, run:\n\tgo get <module>@latest\n");
        var modFile = Path.Combine(_main, "go.mod");
        Warnings(result).Select(d => (d.Code, d.File, d.Line, d.Column, d.Message)).ShouldBe(
        [
            ("GOMOD0351", modFile, 6, 2, goWarnings[0]),
            ("GOMOD0350", modFile, 7, 2, goWarnings[1]),
            ("GOMOD0350", modFile, 9, 2, goWarnings[2]),
            ("GOMOD0350", modFile, 10, 2, goWarnings[3]),
        ], ignoreOrder: true);
        result.Diagnostics.ShouldAllBe(d => d.Code == "GOMOD0350" || d.Code == "GOMOD0351");
    }

    [Fact]
    public void Modules_neither_retracted_nor_deprecated_get_no_warning()
    {
        File.WriteAllText(Path.Combine(_main, "go.mod"),
            "module example.com/m\n\ngo 1.19\n\nrequire (\n\texample.com/ok v1.0.0\n\texample.com/r v1.1.0\n\texample.com/q v1.3.0\n)\n");

        var result = Restore(ProxyUrl);

        result.Succeeded.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        result.Diagnostics.ShouldBeEmpty();
        result.Modules.Select(m => m.Path).ShouldBe(["example.com/m", "example.com/ok", "example.com/q", "example.com/r"]);
    }

    [Fact]
    public async Task Design_time_restore_makes_no_request_for_retractions_or_deprecations()
    {
        var files = Directory.EnumerateFiles(_proxy, "*", SearchOption.AllDirectories)
            .ToDictionary(f => "/" + Path.GetRelativePath(_proxy, f).Replace('\\', '/'), File.ReadAllBytes);
        await using var server = new TestProxyServer(files);
        var online = Restore(server.Url);
        var before = server.RequestCount;

        var designTime = Restore(server.Url, offline: true);

        Warnings(online).Count.ShouldBe(4, string.Join("\n", online.Diagnostics));
        server.Paths.ShouldContain("/example.com/d/@v/list");
        designTime.Succeeded.ShouldBeTrue(string.Join("\n", designTime.Diagnostics));
        designTime.Diagnostics.ShouldBeEmpty();
        server.RequestCount.ShouldBe(before, string.Join("\n", server.Paths.Skip(before)));
        designTime.Modules.Select(m => m.Path).ShouldBe(online.Modules.Select(m => m.Path));
    }
}
