using System.Net;
using System.Net.Sockets;
using GoMod.Testing;
using GoMod.Core.Diagnostics;
using GoMod.Core.GoEnv;
using GoMod.Core.ModInit;
using GoMod.Core.Reports;
using GoMod.Core.Restore;
using GoMod.Core.Tests.Mvs;

namespace GoMod.Core.Tests.Diagnostics;

/// <summary>
/// Each code of docs/diagnostics.md, provoked from real input (go.mod and go.sum files, a file:// proxy, a loopback
/// port, the module cache): the code, where it points and its first line. GOMOD0050 (a setting not supported yet) has no
/// input producing it today (GoVendor and GoModWhy in a workspace, the last ones, are supported), GOMOD0901 is covered by the cancellation tests and GOMOD0902 is a bug by definition.
/// </summary>
public sealed class DiagnosticFromInputTests : IDisposable
{
    private const string GoMod = """
        module example.com/m

        go 1.19

        require example.com/a v1.0.0
        """;

    private const string Proxy = """
        -- example.com/a@v1.0.0 --
        go 1.19
        -- example.com/a@v1.0.0/a.go --
        package a
        """;

    private readonly TempDirectory _dir = new("codes");
    private readonly string _proxy;
    private readonly string _main;

    public DiagnosticFromInputTests()
    {
        (_proxy, _main) = ProxyScenario.Parse("-- go.mod --\n" + GoMod + "\n" + Proxy + "\n" + ExtraModules).Materialize(_dir.Path);
    }

    /// <summary>
    /// Modules some cases use: b (unpruned, go 1.16, so its requirements' go.mod files are read) requires a version of
    /// c that does not exist; d is retracted and deprecated; other declares another path.
    /// </summary>
    private const string ExtraModules = """
        -- example.com/embeds@v1.0.0 --
        go 1.19
        -- example.com/embeds@v1.0.0/e.go --
        package embeds

        import _ "embed"

        //go:embed templates/*.tmpl
        var t string
        -- example.com/b@v1.0.0 --
        go 1.16

        require example.com/c v1.5.0
        -- example.com/b@v1.0.0/b.go --
        package b
        -- example.com/c@v1.0.0 --
        go 1.19
        -- example.com/c@v1.0.0/c.go --
        package c
        -- example.com/d@v1.0.0 --
        go 1.19
        -- example.com/d@v1.0.0/d.go --
        package d
        -- example.com/d@v1.1.0 --
        // Deprecated: use example.com/a.
        module example.com/d

        go 1.19

        retract v1.0.0 // Broken.
        -- example.com/d@v1.1.0/d.go --
        package d
        -- example.com/other@v1.0.0 --
        module example.com/elsewhere

        go 1.19
        -- example.com/other@v1.0.0/o.go --
        package o
        -- example.com/amb@v1.0.0 --
        go 1.19
        -- example.com/amb@v1.0.0/sub/s.go --
        package sub
        -- example.com/amb/sub@v1.0.0 --
        go 1.19
        -- example.com/amb/sub@v1.0.0/s.go --
        package sub
        -- example.com/imp@v1.0.0 --
        go 1.19

        require example.com/c v1.0.0
        -- example.com/imp@v1.0.0/imp.go --
        package imp

        import _ "example.com/c"
        -- example.com/stale@v1.0.0 --
        go 1.19
        -- example.com/stale@v1.0.0/s.go --
        package stale // import "old.example/stale"
        -- example.com/conflict@v1.0.0 --
        go 1.19
        -- example.com/conflict@v1.0.0/a.go --
        package conflict // import "example.com/conflict"
        -- example.com/conflict@v1.0.0/b.go --
        package conflict /* import "example.com/other" */
        -- example.com/bad@v1.0.0 --
        go 1.19
        -- example.com/bad@v1.0.0/b.go --
        package bad // import example.com/bad
        """;

    public void Dispose() => _dir.Dispose();

    private string ModFile => Path.Combine(_main, "go.mod");

    private string SumFile => Path.Combine(_main, "go.sum");

    private RestoreOptions Options(string modMode = "mod", string? goproxy = null, string? goflags = null, bool offline = false, bool vendor = false) => new()
    {
        ModFile = ModFile,
        ModMode = modMode,
        Offline = offline,
        WriteVendor = vendor,
        Settings = new Dictionary<string, string?>
        {
            ["GOMODCACHE"] = _dir.Combine("modcache"),
            ["GOPROXY"] = goproxy ?? new Uri(_proxy + Path.DirectorySeparatorChar).AbsoluteUri.TrimEnd('/'),
            ["GOSUMDB"] = "off",
            ["GOFLAGS"] = goflags,
        },
        GetEnvironmentVariable = name => name == "GOENV" ? "off" : null,
    };

    private static Task<RestoreResult> RestoreAsync(RestoreOptions options) => new ModuleRestorer().RestoreAsync(options, CancellationToken.None);

    private void WriteGoMod(string text) => File.WriteAllText(ModFile, text.ReplaceLineEndings("\n") + "\n");

    private static Diagnostic Single(IReadOnlyList<Diagnostic> diagnostics, string code)
    {
        var matching = diagnostics.Where(d => d.Code == code).ToList();
        matching.Count.ShouldBe(1, string.Join("\n", diagnostics));
        return matching[0];
    }

    private static string FirstLine(Diagnostic d) => d.Message.Split('\n')[0];

    [Fact]
    public async Task GOMOD0001_no_go_mod()
    {
        var d = Single((await RestoreAsync(Options() with { ModFile = _dir.Combine("none", "go.mod") })).Diagnostics, "GOMOD0001");
        FirstLine(d).ShouldBe($"go.mod file not found: {_dir.Combine("none", "go.mod")}");
    }

    [Fact]
    public async Task GOMOD0002_go_mod_syntax_error_at_its_position()
    {
        WriteGoMod("module example.com/m\n\nrequre example.com/a v1.0.0");
        var d = Single((await RestoreAsync(Options())).Diagnostics, "GOMOD0002");
        (d.File, d.Line, d.Column).ShouldBe((ModFile, 3, 1));
        FirstLine(d).ShouldBe("unknown directive: requre");
    }

    [Fact]
    public async Task GOMOD0003_no_module_line()
    {
        WriteGoMod("go 1.19");
        var d = Single((await RestoreAsync(Options())).Diagnostics, "GOMOD0003");
        d.File.ShouldBe(ModFile);
        FirstLine(d).ShouldBe("no module declaration in go.mod. To specify the module path: go mod edit -module=example.com/mod");
    }

    [Fact]
    public async Task GOMOD0004_invalid_GoModMode()
    {
        var d = Single((await RestoreAsync(Options(modMode: "bogus"))).Diagnostics, "GOMOD0004");
        FirstLine(d).ShouldBe("GoModMode: -mod=bogus not supported (can be '', 'mod', 'readonly', or 'vendor')");
    }

    [Fact]
    public async Task GOMOD0005_invalid_GOFLAGS()
    {
        var d = Single((await RestoreAsync(Options(goflags: "bogus"))).Diagnostics, "GOMOD0005");
        FirstLine(d).ShouldBe("parsing $GOFLAGS: non-flag \"bogus\"");
    }

    [Fact]
    public async Task GOMOD0006_an_unparsable_GOPROXY_is_an_input_error_in_go_s_words()
    {
        var d = Single((await RestoreAsync(Options(goproxy: "http://[::1"))).Diagnostics, "GOMOD0006");
        FirstLine(d).ShouldBe("parse \"http://[::1\": missing ']' in host");
    }

    [Fact]
    public async Task GOMOD0007_a_go_sum_that_is_a_directory()
    {
        Directory.CreateDirectory(SumFile);
        var d = Single((await RestoreAsync(Options())).Diagnostics, "GOMOD0007");
        d.File.ShouldBe(SumFile);
        FirstLine(d).ShouldStartWith($"reading {SumFile}: ");
    }

    [Fact]
    public async Task GOMOD0402_vendor_modules_txt_disagrees_with_go_mod()
    {
        Directory.CreateDirectory(Path.Combine(_main, "vendor"));
        File.WriteAllText(Path.Combine(_main, "vendor", "modules.txt"), "# example.com/a v1.0.0\nexample.com/a\n");
        var result = await RestoreAsync(Options(modMode: ""));
        result.Mode.ShouldBe(ModMode.Vendor);
        var d = Single(result.Diagnostics, "GOMOD0402");
        d.File.ShouldBe(ModFile);
        FirstLine(d).ShouldBe($"inconsistent vendoring in {_main}:");
        d.Message.ShouldContain("\n\texample.com/a@v1.0.0: is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt\n");
    }

    [Fact]
    public async Task GOMOD0403_vendor_cannot_be_written()
    {
        File.WriteAllText(Path.Combine(_main, "main.go"), "package main\n\nimport _ \"example.com/a\"\n\nfunc main() {}\n");
        File.WriteAllText(Path.Combine(_main, "vendor"), "a file where vendor/ must go");
        var d = Single((await RestoreAsync(Options(vendor: true))).Diagnostics, "GOMOD0403");
        FirstLine(d).ShouldStartWith($"writing {Path.Combine(_main, "vendor")}: ");
    }

    [Fact]
    public async Task GOMOD0404_an_embed_pattern_of_a_vendored_package_matches_nothing()
    {
        WriteGoMod(GoMod.Replace("require example.com/a v1.0.0", "require example.com/embeds v1.0.0"));
        File.WriteAllText(Path.Combine(_main, "main.go"), "package main\n\nimport _ \"example.com/embeds\"\n\nfunc main() {}\n");
        var d = Single((await RestoreAsync(Options(vendor: true))).Diagnostics, "GOMOD0404");
        FirstLine(d).ShouldBe("pattern templates/*.tmpl: no matching files found");
        File.Exists(Path.Combine(_main, "vendor", "modules.txt")).ShouldBeFalse();
    }

    private Task<CommandResult> InitAsync(string dir, string modulePath) =>
        ModuleInitCommand.RunAsync(Options() with { ModFile = Path.Combine(dir, "go.mod") }, modulePath, CancellationToken.None);

    private string NewDir(string name, params (string File, string Text)[] files)
    {
        var dir = _dir.Combine(name);
        Directory.CreateDirectory(dir);
        foreach (var (file, text) in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(dir, file))!);
            File.WriteAllText(Path.Combine(dir, file), text);
        }
        return dir;
    }

    [Fact]
    public async Task GOMOD0020_go_mod_init_where_go_mod_exists()
    {
        var d = Single((await InitAsync(_main, "example.com/m")).Diagnostics, "GOMOD0020");
        d.File.ShouldBe(ModFile);
        FirstLine(d).ShouldBe($"{ModFile} already exists");
    }

    [Fact]
    public async Task GOMOD0021_go_mod_init_with_no_module_path_to_guess()
    {
        var dir = NewDir("nopath", ("x.go", "package x\n"));
        var d = Single((await InitAsync(dir, "")).Diagnostics, "GOMOD0021");
        FirstLine(d).ShouldBe($"cannot determine module path for source directory {dir} (outside GOPATH, module path must be specified)");
        File.Exists(Path.Combine(dir, "go.mod")).ShouldBeFalse();
    }

    [Fact]
    public async Task GOMOD0022_go_mod_init_with_an_invalid_module_path()
    {
        var d = Single((await InitAsync(NewDir("badpath"), "example.com/m/v1")).Diagnostics, "GOMOD0022");
        FirstLine(d).ShouldBe("invalid module path \"example.com/m/v1\": major version suffixes must be in the form of /vN and are only allowed for v2 or later:");
    }

    [Fact]
    public async Task GOMOD0023_go_mod_init_with_a_legacy_manifest_that_does_not_parse()
    {
        var dir = NewDir("badlock", ("Gopkg.lock", "[[projects]]\n  revision = \"abc\"\n"));
        var d = Single((await InitAsync(dir, "example.com/m")).Diagnostics, "GOMOD0023");
        var lockFile = Path.Combine(dir, "Gopkg.lock");
        d.File.ShouldBe(lockFile);
        FirstLine(d).ShouldBe($"parsing {lockFile}: {lockFile}: empty [[projects]] stanza ()");
        File.Exists(Path.Combine(dir, "go.mod")).ShouldBeFalse();
    }

    [Fact]
    public async Task GOMOD0101_malformed_go_sum_line()
    {
        File.WriteAllText(SumFile, "example.com/a v1.0.0/go.mod\n");
        var d = Single((await RestoreAsync(Options())).Diagnostics, "GOMOD0101");
        (d.File, d.Line).ShouldBe((SumFile, 1));
        FirstLine(d).ShouldBe("malformed go.sum: wrong number of fields 2");
    }

    [Fact]
    public async Task GOMOD0102_missing_go_sum_entry_on_the_require_line()
    {
        var d = Single((await RestoreAsync(Options(modMode: "readonly"))).Diagnostics, "GOMOD0102");
        (d.File, d.Line).ShouldBe((ModFile, 5));
        FirstLine(d).ShouldBe("example.com/a@v1.0.0: missing go.sum entry; to add it: go mod download example.com/a");
    }

    [Fact]
    public async Task GOMOD0103_checksum_mismatch_on_the_require_line()
    {
        File.WriteAllText(SumFile, "example.com/a v1.0.0/go.mod h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n");
        var d = Single((await RestoreAsync(Options(modMode: "readonly"))).Diagnostics, "GOMOD0103");
        (d.File, d.Line).ShouldBe((ModFile, 5));
        d.Message.ShouldContain("checksum mismatch");
        d.Message.ShouldContain("SECURITY ERROR");
    }

    [Fact]
    public async Task GOMOD0104_a_modified_module_in_the_cache()
    {
        (await RestoreAsync(Options())).Succeeded.ShouldBeTrue();
        var file = _dir.Combine("modcache", "example.com", "a@v1.0.0", "a.go");
        File.SetAttributes(file, FileAttributes.Normal);
        if (!OperatingSystem.IsWindows()) new FileInfo(file).UnixFileMode |= UnixFileMode.UserWrite;
        File.AppendAllText(file, "// changed\n");

        var verify = await ModuleVerifier.VerifyAsync(Options(), CancellationToken.None);
        var d = Single(verify.Diagnostics, "GOMOD0104");
        FirstLine(d).ShouldBe($"example.com/a v1.0.0: dir has been modified ({_dir.Combine("modcache", "example.com", "a@v1.0.0")})");
    }

    [Fact]
    public async Task GOMOD0106_an_html_page_served_as_a_zip()
    {
        File.WriteAllText(Path.Combine(_proxy, "example.com", "a", "@v", "v1.0.0.zip"), "<html><body>Sign in</body></html>\n");
        var d = Single((await RestoreAsync(Options())).Diagnostics, "GOMOD0106");
        (d.File, d.Line).ShouldBe((ModFile, 5));
        FirstLine(d).ShouldContain("not a valid zip file");
    }

    [Fact]
    public async Task GOMOD0201_a_zip_the_proxy_does_not_have()
    {
        File.Delete(Path.Combine(_proxy, "example.com", "a", "@v", "v1.0.0.zip"));
        var d = Single((await RestoreAsync(Options())).Diagnostics, "GOMOD0201");
        (d.File, d.Line).ShouldBe((ModFile, 5));
        FirstLine(d).ShouldStartWith("example.com/a@v1.0.0: reading file://");
    }

    [Fact]
    public async Task GOMOD0202_nothing_listening_is_a_network_failure_not_a_graph_error()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var d = Single((await RestoreAsync(Options(goproxy: $"http://127.0.0.1:{port}"))).Diagnostics, "GOMOD0202");
        (d.File, d.Line).ShouldBe((ModFile, 5));
        FirstLine(d).ShouldStartWith($"example.com/a@v1.0.0: ");
        d.Message.ShouldContain($"127.0.0.1:{port}");
    }

    [Fact]
    public async Task GOMOD0203_GOPROXY_off_with_an_empty_cache()
    {
        var d = Single((await RestoreAsync(Options(goproxy: "off"))).Diagnostics, "GOMOD0203");
        (d.File, d.Line).ShouldBe((ModFile, 5));
        FirstLine(d).ShouldContain("module lookup disabled by GOPROXY=off");
    }

    [Fact]
    public async Task GOMOD0205_a_git_repository_that_cannot_be_reached_in_direct_mode()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var home = _dir.Combine("home");
        Directory.CreateDirectory(home);
        File.WriteAllText(Path.Combine(home, ".gitconfig"), $"[url \"http://127.0.0.1:{port}/\"]\n\tinsteadOf = https://github.com/\n");
        WriteGoMod("module example.com/m\n\ngo 1.19\n\nrequire github.com/acme/lib v1.0.0");
        var options = Options(goproxy: "direct");
        options = options with
        {
            GetEnvironmentVariable = name => name switch { "GOENV" => "off", "HOME" => home, "GIT_CONFIG_NOSYSTEM" => "1", _ => null },
        };

        var d = Single((await RestoreAsync(options)).Diagnostics, "GOMOD0205");
        (d.File, d.Line).ShouldBe((ModFile, 5));
        d.Message.ShouldContain($"127.0.0.1:{port}");
    }

    [Fact]
    public async Task GOMOD0002_a_main_module_path_go_refuses_in_go_s_words()
    {
        WriteGoMod("module \"example.com/a b\"\n\ngo 1.19");
        var d = Single((await RestoreAsync(Options())).Diagnostics, "GOMOD0002");
        (d.File, d.Line).ShouldBe((ModFile, 1));
        FirstLine(d).ShouldBe("malformed module path \"example.com/a b\": invalid char ' '");
    }

    [Fact]
    public async Task GOMOD0250_a_design_time_build_notes_a_module_not_in_the_cache()
    {
        var d = Single((await RestoreAsync(Options(offline: true))).Diagnostics, "GOMOD0250");
        (d.IsError, d.File, d.Line).ShouldBe((false, ModFile, 5));
        FirstLine(d).ShouldBe("example.com/a@v1.0.0: not in the module cache");
    }

    [Fact]
    public async Task GOMOD0301_a_requirement_with_an_invalid_version()
    {
        WriteGoMod("module example.com/m\n\ngo 1.19\n\nrequire nodot/a v1.0.0");
        var d = Single((await RestoreAsync(Options())).Diagnostics, "GOMOD0301");
        (d.File, d.Line).ShouldBe((ModFile, 5));
        FirstLine(d).ShouldStartWith("malformed module path \"nodot/a\": missing dot in first path element");
    }

    [Fact]
    public async Task GOMOD0302_a_module_declaring_another_path()
    {
        WriteGoMod("module example.com/m\n\ngo 1.19\n\nrequire example.com/other v1.0.0");
        var d = Single((await RestoreAsync(Options())).Diagnostics, "GOMOD0302");
        (d.File, d.Line).ShouldBe((ModFile, 5));
        d.Message.ShouldContain("module declares its path as: example.com/elsewhere");
    }

    [Fact]
    public async Task GOMOD0303_a_replacement_directory_that_does_not_exist()
    {
        WriteGoMod("module example.com/m\n\ngo 1.19\n\nrequire example.com/a v1.0.0\n\nreplace example.com/a => ./nowhere");
        var d = Single((await RestoreAsync(Options())).Diagnostics, "GOMOD0303");
        (d.File, d.Line).ShouldBe((ModFile, 7));
        FirstLine(d).ShouldBe("example.com/a@v1.0.0: replacement directory ./nowhere does not exist");
    }

    [Fact]
    public async Task GOMOD0304_a_version_missing_deep_in_the_graph()
    {
        WriteGoMod("module example.com/m\n\ngo 1.19\n\nrequire example.com/b v1.0.0");
        var d = Single((await RestoreAsync(Options())).Diagnostics, "GOMOD0304");
        (d.File, d.Line).ShouldBe((ModFile, 5));
        FirstLine(d).ShouldBe("example.com/b@v1.0.0 requires");
        d.Message.ShouldContain("example.com/c@v1.5.0");
    }

    [Fact]
    public async Task GOMOD0305_readonly_and_an_untidy_go_mod()
    {
        WriteGoMod("module example.com/m\n\ngo 1.19\n\nrequire example.com/a v1.0.0\n\nrequire example.com/c v1.0.0 // indirect");
        var tidy = await RestoreAsync(Options());
        tidy.Succeeded.ShouldBeTrue(string.Join("\n", tidy.Diagnostics));
        // c is now required by nothing and by nobody: go.mod is consistent without it but says go 1.19 with an
        // indirect line that must go, which only tidy may do; a missing go line, which list -m all adds, needs an update.
        WriteGoMod("module example.com/m\n\nrequire example.com/a v1.0.0");

        var d = Single((await RestoreAsync(Options(modMode: "readonly"))).Diagnostics, "GOMOD0305");
        FirstLine(d).ShouldBe("updates to go.mod needed, disabled by -mod=readonly; to update it:");
    }

    private void WriteMain(string source) => File.WriteAllText(Path.Combine(_main, "main.go"), source);

    [Fact]
    public async Task GOMOD0310_readonly_and_an_import_no_requirement_provides_at_the_import()
    {
        WriteGoMod("module example.com/m\n\ngo 1.19");
        WriteMain("package main\n\nimport _ \"example.com/a\"\n\nfunc main() {}\n");
        var d = Single((await RestoreAsync(Options(modMode: ""))).Diagnostics, "GOMOD0310");
        (d.File, d.Line, d.Column).ShouldBe((Path.Combine(_main, "main.go"), 3, 8));
        d.Message.ShouldBe("no required module provides package example.com/a; to add it:\n\tgo get example.com/a");
        // -mod=mod adds the requirement instead.
        (await RestoreAsync(Options())).Succeeded.ShouldBeTrue();
        File.ReadAllText(ModFile).ShouldContain("require example.com/a v1.0.0");
    }

    [Fact]
    public async Task GOMOD0311_an_import_two_required_modules_provide()
    {
        WriteGoMod("module example.com/m\n\ngo 1.19\n\nrequire (\n\texample.com/amb v1.0.0\n\texample.com/amb/sub v1.0.0\n)");
        WriteMain("package main\n\nimport (\n\t_ \"example.com/amb/sub\"\n)\n\nfunc main() {}\n");
        var d = Single((await RestoreAsync(Options())).Diagnostics, "GOMOD0311");
        (d.File, d.Line, d.Column).ShouldBe((Path.Combine(_main, "main.go"), 4, 2));
        FirstLine(d).ShouldBe("ambiguous import: found package example.com/amb/sub in multiple modules:");
    }

    [Fact]
    public async Task GOMOD0312_an_imported_package_whose_files_are_all_excluded()
    {
        WriteGoMod("module example.com/m\n\ngo 1.19");
        WriteMain("package main\n\nimport _ \"example.com/m/empty\"\n\nfunc main() {}\n");
        Directory.CreateDirectory(Path.Combine(_main, "empty"));
        File.WriteAllText(Path.Combine(_main, "empty", "x.go"), "//go:build ignore\n\npackage empty\n");
        var d = Single((await RestoreAsync(Options())).Diagnostics, "GOMOD0312");
        (d.File, d.Line, d.Column).ShouldBe((Path.Combine(_main, "main.go"), 3, 8));
        d.Message.ShouldBe($"package example.com/m\n\timports example.com/m/empty: build constraints exclude all Go files in {Path.Combine(_main, "empty")}");
    }

    [Fact]
    public async Task GOMOD0313_readonly_and_an_import_from_a_module_go_mod_does_not_require()
    {
        WriteGoMod("module example.com/m\n\ngo 1.16\n\nrequire example.com/imp v1.0.0");
        WriteMain("package main\n\nimport (\n\t_ \"example.com/c\"\n\t_ \"example.com/imp\"\n)\n\nfunc main() {}\n");
        (await RestoreAsync(Options(modMode: "mod") with { })).Diagnostics.ShouldNotContain(x => x.IsError && x.Code != "GOMOD0313");
        // Back to the go.mod without c (go.sum keeps the sums -mod=mod added).
        WriteGoMod("module example.com/m\n\ngo 1.16\n\nrequire example.com/imp v1.0.0");
        var d = Single((await RestoreAsync(Options(modMode: ""))).Diagnostics, "GOMOD0313");
        d.Message.ShouldBe("package example.com/m imports example.com/c from implicitly required module; to add missing requirements, run:\n\tgo get example.com/c@v1.0.0");
    }

    [Fact]
    public async Task GOMOD0306_go_get_of_a_version_that_does_not_exist()
    {
        var get = await ModuleCommands.GetAsync(Options(), ["example.com/a@v9.9.9"], "", CancellationToken.None);
        var d = Single(get.Diagnostics, "GOMOD0306");
        FirstLine(d).ShouldContain("example.com/a@v9.9.9");
    }

    [Fact]
    public async Task GOMOD0307_tidy_check_of_a_go_mod_with_a_requirement_nothing_imports()
    {
        // example.com/a is required but no package imports it: go mod tidy would drop it (and add no go.sum).
        WriteGoMod("module example.com/m\n\ngo 1.19\n\nrequire example.com/a v1.0.0");
        WriteMain("package main\n\nfunc main() {}\n");
        var before = File.ReadAllText(ModFile);
        var check = await global::GoMod.Core.Tidy.ModuleTidyCommand.RunAsync(Options(), new global::GoMod.Core.Tidy.TidyOptions(), check: true, CancellationToken.None);
        var d = Single(check.Diagnostics, "GOMOD0307");
        d.File.ShouldBe(ModFile);
        FirstLine(d).ShouldBe("go.mod is not tidy: go mod tidy would change it");
        d.Message.ShouldContain("\n@@ -1,5 +1,3 @@\n module example.com/m\n \n go 1.19\n-\n-require example.com/a v1.0.0", Case.Sensitive, d.Message);
        File.ReadAllText(ModFile).ShouldBe(before);
    }

    /// <summary>The main module (example.com/m) imports <paramref name="dependency"/>; its one file says <paramref name="packageLine"/>.</summary>
    private string WriteImporter(string dependency, string packageLine = "package m")
    {
        WriteGoMod($"module example.com/m\n\ngo 1.19\n\nrequire {dependency} v1.0.0");
        var file = Path.Combine(_main, "m.go");
        File.WriteAllText(file, $"{packageLine}\n\nimport _ \"{dependency}\"\n");
        return file;
    }

    private string CacheFile(string module, string file) => _dir.Combine(["modcache", .. module.Split('/')[..^1], module.Split('/')[^1] + "@v1.0.0", file]);

    [Fact]
    public async Task GOMOD0320_a_main_module_package_whose_import_comment_names_another_path()
    {
        var file = WriteImporter("example.com/a", "package m // import \"example.com/wrong\"");
        var result = await RestoreAsync(Options());
        var d = Single(result.Diagnostics, "GOMOD0320");
        (d.IsError, d.File, d.Line, d.Column).ShouldBe((true, file, 1, 11));
        FirstLine(d).ShouldStartWith($"code in directory {_main} expects import \"example.com/wrong\"");
        result.Succeeded.ShouldBeFalse();
    }

    [Fact]
    public async Task GOMOD0321_conflicting_import_comments_with_GoImportComments_error()
    {
        WriteImporter("example.com/conflict");
        var d = Single((await RestoreAsync(Options() with { ImportComments = "error" })).Diagnostics, "GOMOD0321");
        (d.File, d.Line, d.Column).ShouldBe((CacheFile("example.com/conflict", "b.go"), 1, 18));
        FirstLine(d).ShouldBe($"found import comments \"example.com/conflict\" (a.go) and \"example.com/other\" (b.go) in {CacheFile("example.com/conflict", "")}");
    }

    [Fact]
    public async Task GOMOD0322_a_main_module_import_comment_that_does_not_parse()
    {
        var file = WriteImporter("example.com/a", "package m // import example.com/m");
        var d = Single((await RestoreAsync(Options())).Diagnostics, "GOMOD0322");
        (d.IsError, d.File, d.Line, d.Column).ShouldBe((true, file, 1, 11));
        FirstLine(d).ShouldBe($"{file}:1: cannot parse import comment");
    }

    [Fact]
    public async Task GOMOD0370_a_dependency_s_stale_import_comment_is_a_warning_by_default()
    {
        WriteImporter("example.com/stale");
        var result = await RestoreAsync(Options());
        var d = Single(result.Diagnostics, "GOMOD0370");
        (d.IsError, d.File, d.Line, d.Column).ShouldBe((false, CacheFile("example.com/stale", "s.go"), 1, 15));
        FirstLine(d).ShouldEndWith("expects import \"old.example/stale\"; import \"old.example/stale\" instead of \"example.com/stale\"");
        result.Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task GOMOD0371_conflicting_import_comments_in_a_dependency_are_a_warning_by_default()
    {
        WriteImporter("example.com/conflict");
        var d = Single((await RestoreAsync(Options())).Diagnostics, "GOMOD0371");
        (d.IsError, d.File, d.Line).ShouldBe((false, CacheFile("example.com/conflict", "b.go"), 1));
    }

    [Fact]
    public async Task GOMOD0372_a_dependency_s_unparsable_import_comment_is_a_warning_by_default()
    {
        WriteImporter("example.com/bad");
        var d = Single((await RestoreAsync(Options())).Diagnostics, "GOMOD0372");
        (d.IsError, d.File, d.Line, d.Column).ShouldBe((false, CacheFile("example.com/bad", "b.go"), 1, 13));
    }

    [Fact]
    public async Task Import_comments_none_or_an_exempt_module_reports_nothing()
    {
        WriteImporter("example.com/stale");
        (await RestoreAsync(Options() with { ImportComments = "none" })).Diagnostics.ShouldBeEmpty();
        (await RestoreAsync(Options() with { ImportCommentsExempt = "example.com/stale" })).Diagnostics.ShouldBeEmpty();
        Single((await RestoreAsync(Options() with { ImportComments = "error" })).Diagnostics, "GOMOD0320").File.ShouldBe(CacheFile("example.com/stale", "s.go"));
    }

    [Fact]
    public async Task GOMOD0350_and_GOMOD0351_a_retracted_and_deprecated_direct_requirement()
    {
        WriteGoMod("module example.com/m\n\ngo 1.19\n\nrequire example.com/d v1.0.0");
        var result = await RestoreAsync(Options());
        var retracted = Single(result.Diagnostics, "GOMOD0350");
        var deprecated = Single(result.Diagnostics, "GOMOD0351");
        (retracted.Line, deprecated.Line).ShouldBe((5, 5));
        FirstLine(retracted).ShouldBe("example.com/d@v1.0.0: retracted by module author: Broken.");
        FirstLine(deprecated).ShouldBe("module example.com/d is deprecated: use example.com/a.");
    }

    [Fact]
    public async Task GOMOD0030_a_workspace_go_refuses()
    {
        WriteGoMod("module example.com/m\n\ngo 1.19");
        File.WriteAllText(_dir.Combine("go.work"), "go 1.19\n\nuse ./main\nuse ./missing\n");
        var d = Single((await RestoreAsync(Options(modMode: ""))).Diagnostics, "GOMOD0030");
        d.IsError.ShouldBeTrue();
        d.File.ShouldBe(_dir.Combine("go.work"));
        FirstLine(d).ShouldBe($"open {_dir.Combine("missing", "go.mod")}: no such file or directory");
        // go refuses -mod=mod in workspace mode (go 1.23's words: it takes vendor since go 1.22).
        File.WriteAllText(_dir.Combine("go.work"), "go 1.19\n\nuse ./main\n");
        FirstLine(Single((await RestoreAsync(Options(modMode: "mod"))).Diagnostics, "GOMOD0030"))
            .ShouldBe("-mod may only be set to readonly or vendor when in workspace mode, but it is set to \"mod\"");
    }

    [Fact]
    public async Task GOMOD0401_a_module_cache_that_cannot_be_written()
    {
        File.WriteAllText(_dir.Combine("file"), "not a directory");
        var options = Options();
        options = options with { Settings = new Dictionary<string, string?>(options.Settings) { ["GOMODCACHE"] = _dir.Combine("file", "modcache") } };
        var d = Single((await RestoreAsync(options)).Diagnostics, "GOMOD0401");
        FirstLine(d).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Several_broken_requirements_give_one_diagnostic_each_on_its_own_line()
    {
        WriteGoMod("module example.com/m\n\ngo 1.19\n\nrequire (\n\texample.com/x v1.0.0\n\texample.com/y v1.0.0\n\texample.com/z v1.0.0\n)");
        var errors = (await RestoreAsync(Options())).Diagnostics.Where(d => d.IsError).ToList();

        errors.Select(d => d.Line).Distinct().Order().ToList().ShouldBe([6, 7, 8], string.Join("\n", errors));
        foreach (var d in errors)
        {
            d.Message.ShouldNotContain("\ngo: ");
            d.Message.Split('\n')[0].ShouldStartWith($"example.com/{"xyz"[d.Line - 6]}@v1.0.0: ");
        }
    }
}
