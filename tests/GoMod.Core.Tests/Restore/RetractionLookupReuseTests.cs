using GoMod.Testing;
using GoMod.Core.Diagnostics;
using GoMod.Core.Restore;
using GoMod.Core.Tests.Fetch.Infrastructure;
using GoMod.Core.Tests.Mvs;

namespace GoMod.Core.Tests.Restore;

/// <summary>
/// go build makes no retraction or deprecation lookup; the restore makes each once. A restore given the previous
/// restore's lookups (<see cref="RestoreOptions.KnownNotices"/>, kept in the no-op cache) asks the proxy only about direct
/// requirements whose selected version or proxy settings changed, and warns exactly as a fresh lookup would.
/// </summary>
public sealed class RetractionLookupReuseTests : IDisposable
{
    private readonly TempDirectory _dir = new("retract-reuse");
    private readonly string _proxy;
    private readonly string _main;

    public RetractionLookupReuseTests() => (_proxy, _main) = ProxyScenario.Parse(RetractionWarningTests.Scenario).Materialize(_dir.Path);

    public void Dispose() => _dir.Dispose();

    private string ModFile => Path.Combine(_main, "go.mod");

    private TestProxyServer Server() => ProxyTreeRestore.Serve(_proxy);

    private RestoreResult Restore(string proxy, RequirementNotices? known = null) =>
        ProxyTreeRestore.Run(ProxyTreeRestore.Options(ModFile, _dir.Combine("modcache"), proxy) with { KnownNotices = known });

    private static List<(string Code, int Line, string Message)> Warnings(RestoreResult result) =>
        result.Diagnostics.Where(d => d.Code is "GOMOD0350" or "GOMOD0351").Select(d => (d.Code, d.Line, d.Message)).ToList();

    private static List<string> Facts(RequirementNotices? notices) =>
        notices.ShouldNotBeNull().Notices.Select(n => $"{n.Path}@{n.Version} [{n.Deprecated}] [{string.Join("|", n.Retracted)}]").ToList();

    private static bool IsLookup(string path) => path.EndsWith("/@v/list", StringComparison.Ordinal) || path.EndsWith("/@latest", StringComparison.Ordinal);

    [Fact]
    public async Task A_restore_after_a_go_mod_edit_reuses_the_lookups_makes_no_list_or_latest_request_and_warns_the_same()
    {
        await using var server = Server();
        var first = Restore(server.Url);
        Warnings(first).Count.ShouldBe(4, string.Join("\n", first.Diagnostics));
        server.Paths.Where(IsLookup).ShouldNotBeEmpty();
        first.Notices.ShouldNotBeNull().Notices.Select(n => n.Path)
            .ShouldBe(["example.com/d", "example.com/n", "example.com/ok", "example.com/q", "example.com/r"]);
        var before = server.RequestCount;

        // The edit of the inner loop: a comment line, which moves every require line down by one.
        File.WriteAllText(ModFile, "// edited\n" + File.ReadAllText(ModFile));
        var second = Restore(server.Url, first.Notices);

        second.Succeeded.ShouldBeTrue(string.Join("\n", second.Diagnostics));
        server.Paths.Skip(before).Where(IsLookup).ShouldBeEmpty();
        Warnings(second).ShouldBe(Warnings(first).Select(w => (w.Code, w.Line + 1, w.Message)).ToList());
        Facts(second.Notices).ShouldBe(Facts(first.Notices));
    }

    [Fact]
    public async Task Only_a_direct_requirement_at_another_selected_version_is_looked_up_again()
    {
        await using var server = Server();
        var first = Restore(server.Url);
        var before = server.RequestCount;

        File.WriteAllText(ModFile, File.ReadAllText(ModFile).Replace("example.com/r v1.0.0", "example.com/r v1.1.0", StringComparison.Ordinal));
        var second = Restore(server.Url, first.Notices);

        second.Succeeded.ShouldBeTrue(string.Join("\n", second.Diagnostics));
        var lookups = server.Paths.Skip(before).Where(IsLookup).ToList();
        lookups.ShouldNotBeEmpty();
        lookups.ShouldAllBe(p => p.StartsWith("/example.com/r/", StringComparison.Ordinal));
        // r@v1.1.0 is not retracted; the other three warnings are the first restore's.
        Warnings(second).ShouldBe(Warnings(first).Where(w => !w.Message.StartsWith("example.com/r@", StringComparison.Ordinal)).ToList());
        second.Notices.ShouldNotBeNull().Notices.Single(n => n.Path == "example.com/r").Version.ShouldBe("v1.1.0");
    }

    [Fact]
    public async Task Lookups_made_under_other_proxy_settings_are_made_again()
    {
        await using var server = Server();
        var first = Restore(server.Url);
        var before = server.RequestCount;

        var second = Restore(server.Url, first.Notices! with { Source = first.Notices!.Source + "-elsewhere" });

        server.Paths.Skip(before).Where(IsLookup).Count().ShouldBe(server.Paths.Take(before).Count(IsLookup));
        Warnings(second).ShouldBe(Warnings(first));
    }

    [Fact]
    public async Task A_lookup_that_failed_is_not_recorded_and_is_made_again_by_the_next_restore()
    {
        await using var server = Server();
        // r's version list and latest are refused (403, not "not found"): no warning comes of it, as in go.
        server.Handler = r => r.Path.StartsWith("/example.com/r/@", StringComparison.Ordinal) && IsLookup(r.Path) ? TestResponse.Text(403, "forbidden") : null;
        var first = Restore(server.Url);
        first.Succeeded.ShouldBeTrue(string.Join("\n", first.Diagnostics));
        Warnings(first).ShouldNotContain(w => w.Message.StartsWith("example.com/r@", StringComparison.Ordinal));
        (first.Notices?.Notices ?? []).ShouldNotContain(n => n.Path == "example.com/r");
        server.Handler = null;
        var before = server.RequestCount;

        File.WriteAllText(ModFile, File.ReadAllText(ModFile) + "// edited\n");
        var second = Restore(server.Url, first.Notices);

        server.Paths.Skip(before).Where(IsLookup).ShouldContain("/example.com/r/@v/list");
        Warnings(second).ShouldContain(w => w.Message.StartsWith("example.com/r@v1.0.0: retracted by module author", StringComparison.Ordinal));
        Warnings(second).Count.ShouldBe(4, string.Join("\n", second.Diagnostics));
    }

    [Fact]
    public void The_no_op_cache_keeps_the_lookups_for_the_next_restore()
    {
        var notices = new RequirementNotices("GOPROXY=x", [new RequirementNotice("example.com/r", "v1.0.0", "", ["rationale"]), new RequirementNotice("example.com/d", "v1.0.0", "use d2", [])]);
        var file = _dir.Combine("app.gomod.cache");
        new RestoreCache("hash", [], [DiagnosticCodes.Retracted.Create("retracted", ModFile, 3, 2)]) { Notices = notices }.Write(file);

        var read = RestoreCache.Read(file).ShouldNotBeNull();

        // The file's contract (compile-time generated): camel-case names, severities by name, indented.
        var text = File.ReadAllText(file);
        text.ShouldContain("\n  \"version\": 2,\n  \"inputsHash\": \"hash\",");
        text.ShouldContain("\"severity\": \"warning\"");
        text.ShouldContain("\"notices\": {");
        read.Diagnostics.Single().ShouldBe(DiagnosticCodes.Retracted.Create("retracted", ModFile, 3, 2));

        read.Notices.ShouldNotBeNull().Source.ShouldBe("GOPROXY=x");
        read.Notices.Notices.Select(n => (n.Path, n.Version, n.Deprecated, string.Join("|", n.Retracted)))
            .ShouldBe([("example.com/r", "v1.0.0", "", "rationale"), ("example.com/d", "v1.0.0", "use d2", "")]);
    }
}
