using GoMod.Testing;
using GoMod.Core.GoEnv;
using GoMod.Core.Restore;

namespace GoMod.Core.Tests.Restore;

/// <summary>The restorer reports every problem as positioned diagnostic data in go's words and publishes the build list.</summary>
public sealed class ModuleRestorerTests : IDisposable
{
    private readonly TempDirectory _dir = new("restorer");

    public void Dispose() => _dir.Dispose();

    private RestoreResult Restore(Func<RestoreOptions, RestoreOptions>? configure = null)
    {
        var options = new RestoreOptions
        {
            ModFile = _dir.Combine("go.mod"),
            Settings = Settings(),
            GetEnvironmentVariable = name => name == "GOENV" ? "off" : null,
        };
        return new ModuleRestorer().RestoreAsync(configure?.Invoke(options) ?? options, CancellationToken.None).GetAwaiter().GetResult();
    }

    private Dictionary<string, string?> Settings(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?> { ["GOMODCACHE"] = _dir.Combine("modcache"), ["GOPROXY"] = "off" };
        foreach (var (k, v) in extra) settings[k] = v;
        return settings;
    }

    [Fact]
    public void Missing_go_mod_is_GOMOD0001()
    {
        var result = Restore();

        result.Succeeded.ShouldBeFalse();
        var d = result.Diagnostics.ShouldHaveSingleItem();
        d.Code.ShouldBe("GOMOD0001");
        d.Message.ShouldBe("go.mod file not found: " + _dir.Combine("go.mod"));
    }

    [Fact]
    public void Every_go_mod_syntax_error_is_reported_at_its_line_and_column()
    {
        _dir.Write("go.mod", "module example.com/m\n\n  frob x\nrequire (\n\texample.com/a\n)\n");

        var result = Restore();

        result.Diagnostics.Select(d => (d.Code, d.File, d.Line, d.Column, d.Message)).ShouldBe(
        [
            ("GOMOD0002", _dir.Combine("go.mod"), 3, 3, "unknown directive: frob"),
            ("GOMOD0002", _dir.Combine("go.mod"), 5, 2, "usage: require module/path v1.2.3"),
        ]);
        result.Modules.ShouldBeEmpty();
    }

    [Fact]
    public void Go_mod_without_module_line_is_GOMOD0003()
    {
        _dir.Write("go.mod", "go 1.19\n");

        Restore().Diagnostics.ShouldHaveSingleItem().Code.ShouldBe("GOMOD0003");
    }

    [Fact]
    public void Malformed_go_sum_is_GOMOD0101_at_its_line()
    {
        _dir.Write("go.mod", "module example.com/m\n");
        _dir.Write("go.sum", "example.com/a v1.0.0 h1:x=\nexample.com/a v1.0.0\n");

        var d = Restore().Diagnostics.ShouldHaveSingleItem();

        (d.Code, d.File, d.Line, d.Message).ShouldBe(("GOMOD0101", _dir.Combine("go.sum"), 2, "malformed go.sum: wrong number of fields 2"));
    }

    [Fact]
    public void Missing_go_mod_hash_is_an_error_in_readonly_mode_and_mod_mode_goes_to_the_proxy()
    {
        _dir.Write("go.mod", "module example.com/m\n\ngo 1.19\n\nrequire example.com/a v1.0.0\n");

        var readOnly = Restore();
        var mod = Restore(o => o with { ModMode = "mod" });

        var d = readOnly.Diagnostics.ShouldHaveSingleItem();
        (d.Code, d.Line, d.Column).ShouldBe(("GOMOD0102", 5, 1));
        d.Message.ShouldBe("example.com/a@v1.0.0: missing go.sum entry; to add it: go mod download example.com/a");
        // -mod=mod may add the hash, so it looks the module up, which GOPROXY=off refuses.
        mod.Mode.ShouldBe(ModMode.Mod);
        var lookup = mod.Diagnostics.ShouldHaveSingleItem();
        (lookup.Code, lookup.Line).ShouldBe(("GOMOD0203", 5));
        lookup.Message.ShouldContain("module lookup disabled by GOPROXY=off");
    }

    [Fact]
    public void Directory_replacement_points_at_the_directory_and_a_missing_one_is_GOMOD0303()
    {
        Directory.CreateDirectory(_dir.Combine("local"));
        _dir.Write("go.mod", "module example.com/m\n\nrequire (\n\texample.com/a v1.0.0\n\texample.com/b v1.0.0\n)\n\nreplace example.com/a => ./local\nreplace example.com/b v1.0.0 => ../nowhere\n");

        var result = Restore();

        result.Modules.Single(m => m.Path == "example.com/a").ShouldBe(
            new RestoredModule("example.com/a", "v1.0.0", _dir.Combine("local"), "", "", "./local", false, false));
        var d = result.Diagnostics.ShouldHaveSingleItem();
        (d.Code, d.Line, d.Message).ShouldBe(("GOMOD0303", 9, "example.com/b@v1.0.0: replacement directory ../nowhere does not exist"));
    }

    [Fact]
    public void Default_mode_is_vendor_when_vendor_exists_and_go_is_at_least_1_14()
    {
        _dir.Write("go.mod", "module example.com/m\n\ngo 1.14\n");
        Directory.CreateDirectory(_dir.Combine("vendor"));

        var result = Restore();

        result.Mode.ShouldBe(ModMode.Vendor);
        // vendor/ without modules.txt, and nothing to require: consistent, the build list is the main module.
        result.Diagnostics.ShouldBeEmpty();
        result.Modules.ShouldHaveSingleItem().Main.ShouldBeTrue();
        Restore(o => o with { ModMode = "readonly" }).Mode.ShouldBe(ModMode.ReadOnly);
        _dir.Write("go.mod", "module example.com/m\n\ngo 1.13\n");
        Restore().Mode.ShouldBe(ModMode.ReadOnly);
    }

    [Fact]
    public void GOFLAGS_mod_applies_unless_GoModMode_is_set()
    {
        _dir.Write("go.mod", "module example.com/m\n");

        Restore(o => o with { Settings = Settings(("GOFLAGS", "-modcacherw --mod=mod")) }).Mode.ShouldBe(ModMode.Mod);
        Restore(o => o with { ModMode = "readonly", Settings = Settings(("GOFLAGS", "-mod=mod")) }).Mode.ShouldBe(ModMode.ReadOnly);
    }

    [Theory]
    [InlineData("x", "parsing $GOFLAGS: non-flag \"x\"")]
    [InlineData("-mod=mod -", "parsing $GOFLAGS: non-flag \"-\"")]
    [InlineData("---x", "parsing $GOFLAGS: non-flag \"---x\"")]
    public void GOFLAGS_words_must_be_flags(string flags, string message)
    {
        _dir.Write("go.mod", "module example.com/m\n");

        var d = Restore(o => o with { Settings = Settings(("GOFLAGS", flags)) }).Diagnostics.ShouldHaveSingleItem();

        (d.Code, d.Message).ShouldBe(("GOMOD0005", message));
    }

    [Fact]
    public void Relative_module_cache_is_GOMOD0006()
    {
        _dir.Write("go.mod", "module example.com/m\n");

        var d = Restore(o => o with { Settings = Settings(("GOMODCACHE", "rel/cache")) }).Diagnostics.ShouldHaveSingleItem();

        (d.Code, d.Message).ShouldBe(("GOMOD0006", "GOMODCACHE entry is relative; must be absolute path: \"rel/cache\"."));
    }

    [Fact]
    public void Offline_restore_publishes_complete_module_cache_directories_case_encoded()
    {
        _dir.Write("go.mod", "module example.com/m\n\nrequire (\n\tgithub.com/Azure/SDK v1.0.0-RC\n\texample.com/half v1.0.0\n)\n");
        _dir.Write("go.sum", "github.com/Azure/SDK v1.0.0-RC/go.mod h1:m=\nexample.com/half v1.0.0/go.mod h1:m=\n");
        var dir = _dir.Combine("modcache", "github.com", "!azure", "!s!d!k@v1.0.0-!r!c");
        Directory.CreateDirectory(dir);
        _dir.Write("modcache/cache/download/github.com/!azure/!s!d!k/@v/v1.0.0-!r!c.ziphash", "h1:z=");
        // Extracted but without its .ziphash: go does not count it, nor do we.
        Directory.CreateDirectory(_dir.Combine("modcache", "example.com", "half@v1.0.0"));

        var result = Restore(o => o with { Offline = true });

        result.Succeeded.ShouldBeTrue();
        result.Modules.Select(m => m.Dir).ShouldBe([_dir.Path, dir, ""]);
    }

    [GoFact]
    public void Invalid_requirement_is_a_go_mod_error_at_its_line_in_gos_words()
    {
        // The strict go.mod parser rejects a version whose major disagrees with the path, as go does, before any lookup.
        using var home = new TempDirectory("gohome");
        _dir.Write("go.mod", "module example.com/m\n\nrequire (\n\texample.com/ok v1.0.0\n\texample.com/bad/v2 v1.0.0\n)\n");
        _dir.Write("go.sum", "example.com/ok v1.0.0/go.mod h1:m=\nexample.com/bad/v2 v1.0.0/go.mod h1:m=\n");

        var d = Restore().Diagnostics.ShouldHaveSingleItem();
        var go = GoOracle.Run(_dir.Path, home.Path, null, "list", "-m");

        (d.Code, d.Line, d.Column).ShouldBe(("GOMOD0002", 5, 2));
        go.StdErr.ShouldContain($"{_dir.Combine("go.mod")}:5:2: {d.Message}\n");
        d.Message.ShouldContain("should be v2, not v1");
    }

    [Fact]
    public void Canceled_token_throws()
    {
        var options = new RestoreOptions { ModFile = _dir.Combine("go.mod") };

        Should.Throw<OperationCanceledException>(() => new ModuleRestorer().RestoreAsync(options, new CancellationToken(canceled: true)));
    }

    [GoFact]
    public void Missing_go_mod_hash_wording_matches_go()
    {
        // go reports a missing go.mod hash once the go.mod is in its module cache: fill it from the sample's proxy.
        using var home = new TempDirectory("gohome");
        _dir.Write("go.mod", "module example.com/m\n\ngo 1.19\n\nrequire example.com/words v1.0.0\n");
        GoOracle.Run(_dir.Path, home.Path, new Dictionary<string, string?> { ["GOPROXY"] = SampleProxy, ["GOFLAGS"] = "-modcacherw -mod=mod" },
            "mod", "download", "example.com/words").EnsureSuccess("go mod download");
        File.Delete(_dir.Combine("go.sum"));

        var go = GoOracle.Run(_dir.Path, home.Path, null, "list", "-m", "all");

        go.ExitCode.ShouldNotBe(0);
        go.StdErr.ShouldContain("example.com/words@v1.0.0: missing go.sum entry; to add it:\n\tgo mod download example.com/words");
        Restore().Diagnostics.ShouldHaveSingleItem().Message
            .ShouldBe("example.com/words@v1.0.0: missing go.sum entry; to add it: go mod download example.com/words");
    }

    private static string SampleProxy
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "GoModSdk.sln")))
                    return "file://" + Path.Combine(dir.FullName, "samples", "hello", "proxy").Replace('\\', '/');
            throw new DirectoryNotFoundException("repository root");
        }
    }

    [GoFact]
    public void Invalid_mod_and_GOFLAGS_wording_matches_go()
    {
        using var home = new TempDirectory("gohome");
        _dir.Write("go.mod", "module example.com/m\n\ngo 1.19\n");

        var badMod = GoOracle.Run(_dir.Path, home.Path, null, "list", "-mod=bogus", "-m");
        var badFlags = GoOracle.Run(_dir.Path, home.Path, new Dictionary<string, string?> { ["GOFLAGS"] = "x" }, "list", "-m");

        badMod.StdErr.ShouldContain("-mod=bogus not supported (can be '', 'mod', 'readonly', or 'vendor')");
        badFlags.StdErr.ShouldContain("go: parsing $GOFLAGS: non-flag \"x\"");
        Restore(o => o with { ModMode = "bogus" }).Diagnostics.ShouldHaveSingleItem().Message
            .ShouldBe("GoModMode: -mod=bogus not supported (can be '', 'mod', 'readonly', or 'vendor')");
        Restore(o => o with { Settings = Settings(("GOFLAGS", "x")) }).Diagnostics.ShouldHaveSingleItem().Message
            .ShouldBe("parsing $GOFLAGS: non-flag \"x\"");
    }
}
