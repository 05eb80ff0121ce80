using GoMod.Core.Restore;
using GoMod.Testing;

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
            Environment = new GoEnvironment { GoModCache = _dir.Combine("modcache"), GoProxy = "off" },
        };
        return new ModuleRestorer().RestoreAsync(configure?.Invoke(options) ?? options, CancellationToken.None).GetAwaiter().GetResult();
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
    public void Missing_go_mod_hash_is_an_error_in_readonly_mode_but_not_in_mod_mode()
    {
        _dir.Write("go.mod", "module example.com/m\n\ngo 1.19\n\nrequire example.com/a v1.0.0\n");

        var readOnly = Restore();
        var mod = Restore(o => o with { ModMode = "mod" });

        var d = readOnly.Diagnostics.ShouldHaveSingleItem();
        (d.Code, d.Line, d.Column).ShouldBe(("GOMOD0102", 5, 1));
        d.Message.ShouldBe("example.com/a@v1.0.0: missing go.sum entry; to add it: go mod download example.com/a");
        mod.Succeeded.ShouldBeTrue();
        mod.Mode.ShouldBe(ModMode.Mod);
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
        result.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe("GOMOD0050");
        Restore(o => o with { ModMode = "readonly" }).Mode.ShouldBe(ModMode.Readonly);
        _dir.Write("go.mod", "module example.com/m\n\ngo 1.13\n");
        Restore().Mode.ShouldBe(ModMode.Readonly);
    }

    [Fact]
    public void GOFLAGS_mod_applies_unless_GoModMode_is_set()
    {
        _dir.Write("go.mod", "module example.com/m\n");

        Restore(o => o with { Environment = o.Environment with { GoFlags = "-modcacherw --mod=mod" } }).Mode.ShouldBe(ModMode.Mod);
        Restore(o => o with { ModMode = "readonly", Environment = o.Environment with { GoFlags = "-mod=mod" } }).Mode.ShouldBe(ModMode.Readonly);
    }

    [Theory]
    [InlineData("x", "parsing $GOFLAGS: non-flag \"x\"")]
    [InlineData("-mod=mod -", "parsing $GOFLAGS: non-flag \"-\"")]
    [InlineData("---x", "parsing $GOFLAGS: non-flag \"---x\"")]
    public void GOFLAGS_words_must_be_flags(string flags, string message)
    {
        _dir.Write("go.mod", "module example.com/m\n");

        var d = Restore(o => o with { Environment = o.Environment with { GoFlags = flags } }).Diagnostics.ShouldHaveSingleItem();

        (d.Code, d.Message).ShouldBe(("GOMOD0005", message));
    }

    [Fact]
    public void Relative_module_cache_is_GOMOD0006()
    {
        _dir.Write("go.mod", "module example.com/m\n");

        var d = Restore(o => o with { Environment = o.Environment with { GoModCache = "rel/cache" } }).Diagnostics.ShouldHaveSingleItem();

        (d.Code, d.Message).ShouldBe(("GOMOD0006", "GOMODCACHE entry is relative; must be absolute path: \"rel/cache\""));
    }

    [Fact]
    public void Modules_in_the_cache_get_their_case_encoded_directory()
    {
        _dir.Write("go.mod", "module example.com/m\n\nrequire github.com/Azure/SDK v1.0.0-RC\n");
        _dir.Write("go.sum", "github.com/Azure/SDK v1.0.0-RC/go.mod h1:m=\n");
        var dir = _dir.Combine("modcache", "github.com", "!azure", "!s!d!k@v1.0.0-!r!c");
        Directory.CreateDirectory(dir);

        Restore().Modules[1].Dir.ShouldBe(dir);
    }

    [Fact]
    public void Invalid_requirement_is_GOMOD0301_at_its_line_in_gos_words()
    {
        _dir.Write("go.mod", "module example.com/m\n\nrequire (\n\texample.com/ok v1.0.0\n\texample.com/bad/v2 v1.0.0\n)\n");
        _dir.Write("go.sum", "example.com/ok v1.0.0/go.mod h1:m=\nexample.com/bad/v2 v1.0.0/go.mod h1:m=\n");

        var d = Restore().Diagnostics.ShouldHaveSingleItem();

        (d.Code, d.Line, d.Column).ShouldBe(("GOMOD0301", 5, 2));
        d.Message.ShouldBe("example.com/bad/v2@v1.0.0: invalid version: should be v2, not v1");
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
        Restore(o => o with { Environment = o.Environment with { GoFlags = "x" } }).Diagnostics.ShouldHaveSingleItem().Message
            .ShouldBe("parsing $GOFLAGS: non-flag \"x\"");
    }
}
