using System.Runtime.ExceptionServices;
using GoMod.Testing;
using GoMod.Core.Restore;
using GoMod.Core.Tests.Fetch.Infrastructure;
using GoMod.Core.Tests.Mvs;

namespace GoMod.Core.Tests.Restore;

/// <summary>
/// The retraction/deprecation lookups of direct requirements that a proxy knows only by pseudo-version (empty
/// <c>@v/list</c>, <c>@latest</c> answered 404, as a static proxy does): "not found" is an answer, not a failure.
/// </summary>
public sealed class NotFoundLookupTests : IDisposable
{
    internal const string Scenario = """
        -- go.mod --
        module example.com/m

        go 1.19

        require (
        	example.com/p v0.0.0-20200101000000-abcdefabcdef
        	example.com/t v1.0.0
        )
        -- main.go --
        package main

        import (
        	_ "example.com/p"
        	_ "example.com/t"
        )

        func main() {}
        -- example.com/p@v0.0.0-20200101000000-abcdefabcdef unlisted --
        go 1.19
        -- example.com/p@v0.0.0-20200101000000-abcdefabcdef/p.go --
        package p
        -- example.com/t@v1.0.0 --
        go 1.19
        -- example.com/t@v1.0.0/t.go --
        package t
        """;

    private readonly TempDirectory _dir = new("notfound-lookup");
    private readonly string _proxy;
    private readonly string _main;

    public NotFoundLookupTests() => (_proxy, _main) = ProxyScenario.Parse(Scenario).Materialize(_dir.Path);

    public void Dispose() => _dir.Dispose();

    private TestProxyServer Server() => ProxyTreeRestore.Serve(_proxy);

    private RestoreResult Restore(string proxy) => ProxyTreeRestore.Run(ProxyTreeRestore.Options(Path.Combine(_main, "go.mod"), _dir.Combine("modcache"), proxy));

    private static List<(string Code, string Message)> Warnings(RestoreResult result) =>
        result.Diagnostics.Where(d => d.Code is "GOMOD0350" or "GOMOD0351").Select(d => (d.Code, d.Message)).ToList();

    private static List<string> Facts(RestoreResult result) =>
        result.Notices.ShouldNotBeNull().Notices.Select(n => $"{n.Path}@{n.Version} [{n.Deprecated}] [{string.Join("|", n.Retracted)}]").ToList();

    /// <summary>The exceptions thrown (first chance, caught or not) in <paramref name="action"/>'s own flow.</summary>
    private static List<string> ExceptionsThrownBy(Action action)
    {
        var seen = new List<string>();
        var mine = new AsyncLocal<bool> { Value = true };
        void OnFirstChance(object? sender, FirstChanceExceptionEventArgs e)
        {
            if (mine.Value) lock (seen) seen.Add($"{e.Exception.GetType().Name}: {e.Exception.Message}");
        }
        AppDomain.CurrentDomain.FirstChanceException += OnFirstChance;
        try
        {
            action();
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= OnFirstChance;
        }
        return seen;
    }

    [Fact]
    public async Task A_requirement_known_only_by_pseudo_version_gets_no_notice_and_its_404_latest_throws_nothing()
    {
        await using var server = Server();
        var first = Restore(server.Url);
        first.Succeeded.ShouldBeTrue(string.Join("\n", first.Diagnostics));
        server.Paths.ShouldContain("/example.com/p/@latest");
        server.Files.ContainsKey("/example.com/p/@latest").ShouldBeFalse();
        Warnings(first).ShouldBeEmpty();
        // Looked up successfully (so recorded for reuse): no deprecation, no retraction.
        Facts(first).ShouldBe(["example.com/p@v0.0.0-20200101000000-abcdefabcdef [] []", "example.com/t@v1.0.0 [] []"]);

        // The same restore again, module cache warm (a forced build): not one exception on the way, same result.
        RestoreResult? again = null;
        var thrown = ExceptionsThrownBy(() => again = Restore(server.Url));
        thrown.ShouldBeEmpty();
        server.Paths.Count(p => p == "/example.com/p/@latest").ShouldBe(2);
        again.ShouldNotBeNull().Succeeded.ShouldBeTrue();
        Warnings(again).ShouldBeEmpty();
        Facts(again).ShouldBe(Facts(first));
        again.Modules.Select(m => $"{m.Path}@{m.Version} {m.Sum}").ShouldBe(first.Modules.Select(m => $"{m.Path}@{m.Version} {m.Sum}"));
    }

    [Fact]
    public void A_file_proxy_answers_a_missing_latest_without_an_exception_too()
    {
        var proxy = "file://" + _proxy.Replace('\\', '/');
        var first = Restore(proxy);
        first.Succeeded.ShouldBeTrue(string.Join("\n", first.Diagnostics));
        RestoreResult? again = null;
        ExceptionsThrownBy(() => again = Restore(proxy)).ShouldBeEmpty();
        Facts(again!).ShouldBe(["example.com/p@v0.0.0-20200101000000-abcdefabcdef [] []", "example.com/t@v1.0.0 [] []"]);
    }

    [Fact]
    public void A_file_proxy_answers_lookups_of_a_module_it_has_no_directory_for_without_a_file_system_exception()
    {
        // An import nobody provides: the restore (-mod=mod) asks the proxy for each prefix of the import path, and a
        // file:// proxy has no directory at all for any of them. The answer (not found) must come from listing the
        // nearest directory that exists, not from opening files under directories that do not.
        var main = Directory.CreateDirectory(_dir.Combine("m2")).FullName;
        File.WriteAllText(Path.Combine(main, "go.mod"), "module example.com/m2\n\ngo 1.19\n");
        File.WriteAllText(Path.Combine(main, "main.go"), "package main\n\nimport _ \"example.com/nowhere/deep/pkg\"\n\nfunc main() {}\n");
        var proxy = "file://" + _proxy.Replace('\\', '/');
        RestoreResult? result = null;

        var thrown = ExceptionsThrownBy(() => result = ProxyTreeRestore.Run(ProxyTreeRestore.Options(Path.Combine(main, "go.mod"), _dir.Combine("modcache"), proxy)));

        result.ShouldNotBeNull().Succeeded.ShouldBeFalse();
        result.Diagnostics.ShouldContain(d => d.Message.Contains("cannot find module providing package example.com/nowhere/deep/pkg", StringComparison.Ordinal)
                                             && d.Message.Contains("no such file or directory", StringComparison.Ordinal), string.Join("\n", result.Diagnostics));
        var proxyDir = _proxy.Replace('\\', '/');
        thrown.Where(t => t.Contains(proxyDir, StringComparison.Ordinal)).ShouldNotBeEmpty("go's not-found error names the proxy's files");
        thrown.ShouldNotContain(t => (t.StartsWith("FileNotFoundException", StringComparison.Ordinal) || t.StartsWith("DirectoryNotFoundException", StringComparison.Ordinal))
                                     && t.Contains(proxyDir, StringComparison.Ordinal), string.Join("\n", thrown));
    }

    [Fact]
    public async Task A_404_latest_moves_on_to_the_next_proxy_of_a_comma_list()
    {
        await using var first = Server();
        await using var second = Server();
        // Only the second proxy knows a newer p, by @latest, and that version's go.mod deprecates the module.
        const string newer = "v0.0.0-20210101000000-0123456789ab";
        second.Files["/example.com/p/@latest"] = System.Text.Encoding.UTF8.GetBytes($"{{\"Version\":\"{newer}\",\"Time\":\"2021-01-01T00:00:00Z\"}}");
        second.Files[$"/example.com/p/@v/{newer}.info"] = second.Files["/example.com/p/@latest"];
        second.Files[$"/example.com/p/@v/{newer}.mod"] = "// Deprecated: use example.com/q.\nmodule example.com/p\n\ngo 1.19\n"u8.ToArray();

        var result = Restore(first.Url + "," + second.Url);

        result.Succeeded.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        first.Paths.ShouldContain("/example.com/p/@latest");
        second.Paths.ShouldContain("/example.com/p/@latest");
        Warnings(result).ShouldBe([("GOMOD0351", "module example.com/p is deprecated: use example.com/q.")]);
    }

    [Fact]
    public async Task A_refused_latest_is_a_failed_lookup_not_an_answer()
    {
        await using var server = Server();
        server.Handler = r => r.Path == "/example.com/p/@latest" ? TestResponse.Text(403, "forbidden") : null;

        var result = Restore(server.Url);

        // As before: the restore succeeds, no warning comes of it, and the failed lookup is not recorded (asked again next time).
        result.Succeeded.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        Warnings(result).ShouldBeEmpty();
        (result.Notices?.Notices ?? []).ShouldNotContain(n => n.Path == "example.com/p");
    }

    [Fact]
    public async Task Under_GOPROXY_off_no_lookup_is_made_nothing_is_thrown_and_nothing_recorded()
    {
        await using var server = Server();
        Restore(server.Url).Succeeded.ShouldBeTrue();

        // Warm module cache, GOPROXY=off (as the vendor and packages benchmarks run): every lookup would be refused.
        RestoreResult? off = null;
        ExceptionsThrownBy(() => off = Restore("off")).ShouldBeEmpty();

        off.ShouldNotBeNull().Succeeded.ShouldBeTrue(string.Join("\n", off.Diagnostics));
        Warnings(off).ShouldBeEmpty();
        off.Notices.ShouldNotBeNull().Notices.ShouldBeEmpty();
        off.Notices.Source.ShouldContain("GOPROXY=off");
    }
}
