using GoMod.Core.Fetch;
using GoMod.Core.GoEnv;
using GoMod.Core.Module;
using GoMod.Core.Sum;
using GoMod.Core.Tests.Fetch.Infrastructure;

namespace GoMod.Core.Tests.Sum;

public class GoSumEnforcementTests
{
    private static readonly TestModule A = TestModule.Simple("example.com/a", "v1.0.0");
    private static readonly TestModule B = TestModule.Simple("example.com/b", "v0.3.1");

    private static string ZipSum(TestModule m)
    {
        using var dir = new GoMod.Testing.TempDirectory("zs");
        var file = dir.Combine("m.zip");
        File.WriteAllBytes(file, m.Zip());
        return DirHash.HashZip(file);
    }

    private static string GoSumText(params TestModule[] modules) =>
        string.Concat(modules.OrderBy(m => m.Path, StringComparer.Ordinal).Select(m =>
            $"{m.Path} {m.Version} {ZipSum(m)}\n{m.Path} {m.Version}/go.mod {DirHash.HashGoMod(m.GoModBytes)}\n"));

    private static async Task<GoSumChecker> Sums(FetchSandbox box, string text, ModMode mode)
    {
        var path = box.Dir.Write("main/go.sum", text);
        return await GoSumChecker.LoadAsync(path, mode, default);
    }

    [Fact]
    public async Task Readonly_with_matching_entries_downloads()
    {
        await using var server = TestProxyServer.For(A);
        using var box = new FetchSandbox();
        using var d = box.Downloader(server.Url, await Sums(box, GoSumText(A), ModMode.ReadOnly));
        (await d.DownloadAsync([A.ModuleVersion], DownloadParts.Build))[0].Error.ShouldBeNull();
        d.Sums.IsDirty.ShouldBeFalse();
    }

    [Fact]
    public async Task Readonly_refuses_a_module_without_go_sum_entry_before_any_request()
    {
        await using var server = TestProxyServer.For(A);
        using var box = new FetchSandbox();
        using var d = box.Downloader(server.Url, await Sums(box, "", ModMode.ReadOnly));
        var e = await Should.ThrowAsync<MissingGoSumEntryException>(() => d.GoModAsync(A.ModuleVersion));
        e.Message.ShouldBe("example.com/a@v1.0.0: missing go.sum entry for go.mod file; to add it:\n\tgo mod download example.com/a\n" +
                           "\t(or build with GOFLAGS=-mod=mod to let missing go.sum entries be added)");
        var z = await Should.ThrowAsync<MissingGoSumEntryException>(() => d.DownloadZipAsync(A.ModuleVersion));
        z.Message.ShouldStartWith("example.com/a@v1.0.0: missing go.sum entry; to add it:\n\tgo mod download example.com/a\n");
        server.RequestCount.ShouldBe(0);
    }

    [Fact]
    public async Task Readonly_refuses_a_cached_module_without_go_sum_entry_too()
    {
        await using var server = TestProxyServer.For(A);
        using var box = new FetchSandbox();
        using (var d = box.Downloader(server.Url))
            await d.DownloadAsync(A.ModuleVersion);
        using var ro = box.Downloader(server.Url, await Sums(box, "", ModMode.ReadOnly));
        await Should.ThrowAsync<MissingGoSumEntryException>(() => ro.DownloadAsync(A.ModuleVersion));
        await Should.ThrowAsync<MissingGoSumEntryException>(() => ro.GoModAsync(A.ModuleVersion));
    }

    [Fact]
    public async Task A_zip_that_does_not_match_go_sum_is_a_security_error_and_nothing_is_kept()
    {
        await using var server = TestProxyServer.For(A);
        var tampered = A with { Files = new Dictionary<string, string> { ["p.go"] = "package a\n\nconst Version = \"evil\"\n" } };
        server.Files["/example.com/a/@v/v1.0.0.zip"] = tampered.Zip();
        using var box = new FetchSandbox();
        using var d = box.Downloader(server.Url, await Sums(box, GoSumText(A), ModMode.Mod));
        var e = await Should.ThrowAsync<ChecksumMismatchException>(() => d.DownloadAsync(A.ModuleVersion));
        e.Message.ShouldBe(
            $"verifying example.com/a@v1.0.0: checksum mismatch\n\tdownloaded: {ZipSum(tampered)}\n\tgo.sum:     {ZipSum(A)}\n\n" +
            "SECURITY ERROR\nThis download does NOT match an earlier download recorded in go.sum.\n" +
            "The bits may have been replaced on the origin server, or an attacker may\nhave intercepted the download attempt.\n\n" +
            "For more information, see 'go help module-auth'.\n");
        e.Version.ShouldBe("v1.0.0");
        var v = d.Cache.VersionDir("example.com/a");
        Directory.EnumerateFiles(v).Select(Path.GetFileName).ShouldNotContain(n => n!.Contains(".zip"));
        Directory.Exists(d.Cache.ModuleDir(A.ModuleVersion)).ShouldBeFalse();
        d.Sums.IsDirty.ShouldBeFalse();
    }

    [Fact]
    public async Task A_go_mod_that_does_not_match_go_sum_is_a_security_error_and_is_not_cached()
    {
        await using var server = TestProxyServer.For(A);
        server.Files["/example.com/a/@v/v1.0.0.mod"] = "module example.com/a\n\nrequire evil.example v1.0.0\n"u8.ToArray();
        using var box = new FetchSandbox();
        using var d = box.Downloader(server.Url, await Sums(box, GoSumText(A), ModMode.ReadOnly));
        var e = await Should.ThrowAsync<ChecksumMismatchException>(() => d.GoModAsync(A.ModuleVersion));
        e.Message.ShouldStartWith("verifying example.com/a@v1.0.0/go.mod: checksum mismatch\n");
        File.Exists(d.Cache.CachePath(A.ModuleVersion, "mod")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_cached_zip_whose_hash_disagrees_with_go_sum_is_refused()
    {
        await using var server = TestProxyServer.For(A);
        using var box = new FetchSandbox();
        using (var d = box.Downloader(server.Url))
            await d.DownloadAsync(A.ModuleVersion);
        var wrong = GoSumText(A).Replace(ZipSum(A), ZipSum(B));
        using var strict = box.Downloader(server.Url, await Sums(box, wrong, ModMode.ReadOnly));
        await Should.ThrowAsync<ChecksumMismatchException>(() => strict.DownloadAsync(A.ModuleVersion));
    }

    [Fact]
    public async Task Go_checks_go_sum_lines_in_order_so_an_earlier_different_hash_is_a_mismatch()
    {
        await using var server = TestProxyServer.For(A);
        using var box = new FetchSandbox();
        var text = $"example.com/a v1.0.0/go.mod {DirHash.HashGoMod(B.GoModBytes)}\nexample.com/a v1.0.0/go.mod {DirHash.HashGoMod(A.GoModBytes)}\n";
        using var d = box.Downloader(server.Url, await Sums(box, text, ModMode.Mod));
        await Should.ThrowAsync<ChecksumMismatchException>(() => d.GoModAsync(A.ModuleVersion));
    }

    [Fact]
    public async Task Mod_mode_adds_new_hashes_and_writes_go_sum_in_gos_format()
    {
        await using var server = TestProxyServer.For(A, B);
        using var box = new FetchSandbox();
        using var d = box.Downloader(server.Url, await Sums(box, "", ModMode.Mod));
        (await d.DownloadAsync([B.ModuleVersion, A.ModuleVersion], DownloadParts.Build)).ShouldAllBe(r => r.Error == null);
        d.Sums.IsDirty.ShouldBeTrue();
        (await d.SaveGoSumAsync()).ShouldBeTrue();
        File.ReadAllText(box.Dir.Combine("main", "go.sum")).ShouldBe(GoSumText(A, B));
        (await d.SaveGoSumAsync()).ShouldBeFalse();
    }

    [Fact]
    public async Task Saving_go_sum_keeps_lines_another_process_added_meanwhile()
    {
        await using var server = TestProxyServer.For(A, B);
        using var box = new FetchSandbox();
        using var d = box.Downloader(server.Url, await Sums(box, "", ModMode.Mod));
        await d.GoModAsync(A.ModuleVersion);
        var other = $"example.com/b v0.3.1/go.mod {DirHash.HashGoMod(B.GoModBytes)}\n";
        File.WriteAllText(box.Dir.Combine("main", "go.sum"), other);
        await d.SaveGoSumAsync();
        File.ReadAllText(box.Dir.Combine("main", "go.sum"))
            .ShouldBe($"example.com/a v1.0.0/go.mod {DirHash.HashGoMod(A.GoModBytes)}\n" + other);
    }

    [Fact]
    public async Task Readonly_mode_never_writes_go_sum()
    {
        using var box = new FetchSandbox();
        var sums = await Sums(box, "", ModMode.ReadOnly);
        (await sums.SaveAsync(null, default)).ShouldBeFalse();
        File.ReadAllText(box.Dir.Combine("main", "go.sum")).ShouldBe("");
    }

    [Fact]
    public async Task GOFLAGS_mod_selects_the_mode_when_no_checker_is_given()
    {
        using var box = new FetchSandbox();
        using var d = box.Downloader("off", goFlags: "-mod=readonly");
        d.Sums.Mode.ShouldBe(ModMode.ReadOnly);
        d.Sums.IsEnabled.ShouldBeFalse();
        await Task.CompletedTask;
    }
}
