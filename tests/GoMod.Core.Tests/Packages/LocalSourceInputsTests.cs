using GoMod.Testing;
using GoMod.Core.GoEnv;
using GoMod.Core.Packages;
using GoMod.Core.Restore;

namespace GoMod.Core.Tests.Packages;

/// <summary>
/// What of the local Go code decides a restore (LocalSourceInputs, part of the restore's inputs hash): what the package
/// load reads of each .go file as go build ./... walks the module, and the directory replacements' go.mod files and Go
/// files; an edit below the imports changes nothing.
/// </summary>
public sealed class LocalSourceInputsTests : IDisposable
{
    private readonly TempDirectory _dir = new("localsrc");

    public void Dispose() => _dir.Dispose();

    private const string Main = """
        package main

        import (
        	"fmt"

        	"example.com/greeting"
        )

        func main() {
        	fmt.Println(greeting.Hello("gophers"))
        }
        """;

    private GoEnvironment Env(string? goWork = null) => GoEnvironment.Resolve(
        new Dictionary<string, string?> { ["GOMODCACHE"] = _dir.Combine("mc"), ["GOWORK"] = goWork ?? "off", ["GOFLAGS"] = "" },
        name => name == "GOENV" ? "off" : null);

    private string Describe(string? goWork = null) => LocalSourceInputs.Describe(_dir.Combine("m"), Env(goWork));

    private void MainModule(string goModTail = "")
    {
        _dir.Write("m/go.mod", "module example.com/m\n\ngo 1.19\n\nrequire example.com/greeting v1.1.0\n" + goModTail);
        _dir.Write("m/main.go", Main);
    }

    [Fact]
    public void An_edit_below_the_imports_or_one_that_only_moves_lines_changes_nothing()
    {
        MainModule();
        var before = Describe();

        _dir.Write("m/main.go", Main.Replace("\"gophers\"", "\"edited\"") + "\nfunc helper() int { return 1 }\n");
        Describe().ShouldBe(before);
        _dir.Write("m/main.go", "// A comment above the package clause moves every line.\n\n" + Main);
        Describe().ShouldBe(before);
    }

    [Fact]
    public void An_added_import_a_new_file_a_removed_file_and_a_changed_build_constraint_each_change_it()
    {
        MainModule();
        var before = Describe();

        _dir.Write("m/main.go", Main.Replace("\"fmt\"\n", "\"fmt\"\n\tshout \"example.com/Shout\"\n"));
        var withImport = Describe();
        withImport.ShouldNotBe(before);

        _dir.Write("m/main.go", Main);
        Describe().ShouldBe(before);
        _dir.Write("m/sub/extra.go", "package sub\n\nimport _ \"example.com/Shout\"\n");
        Describe().ShouldNotBe(before);
        File.Delete(_dir.Combine("m", "sub", "extra.go"));
        Describe().ShouldBe(before);

        _dir.Write("m/os.go", "package main\n");
        var plain = Describe();
        _dir.Write("m/os.go", "//go:build ignore\n\npackage main\n");
        Describe().ShouldNotBe(plain);
    }

    [Fact]
    public void Files_go_s_pattern_walk_leaves_out_are_not_described_but_a_new_nested_module_is()
    {
        MainModule();
        var before = Describe();

        _dir.Write("m/testdata/x.go", "package x\n\nimport _ \"example.com/none\"\n");
        _dir.Write("m/_skip/x.go", "package x\n\nimport _ \"example.com/none\"\n");
        _dir.Write("m/.hidden/x.go", "package x\n\nimport _ \"example.com/none\"\n");
        _dir.Write("m/vendor/example.com/v/x.go", "package v\n\nimport _ \"example.com/none\"\n");
        _dir.Write("m/nested/go.mod", "module example.com/nested\n");
        _dir.Write("m/nested/x.go", "package x\n\nimport _ \"example.com/none\"\n");
        Describe().ShouldBe(before);

        // The nested module's go.mod goes: its files now belong to ./... of the main module.
        File.Delete(_dir.Combine("m", "nested", "go.mod"));
        Describe().ShouldNotBe(before);
    }

    [Fact]
    public void A_module_cache_inside_the_module_is_not_walked()
    {
        MainModule();
        var env = GoEnvironment.Resolve(
            new Dictionary<string, string?> { ["GOMODCACHE"] = _dir.Combine("m", "obj", "gomodcache"), ["GOWORK"] = "off", ["GOFLAGS"] = "" },
            name => name == "GOENV" ? "off" : null);
        var before = LocalSourceInputs.Describe(_dir.Combine("m"), env);

        _dir.Write("m/obj/gomodcache/cache/vcs/x/x.go", "package x\n\nimport _ \"example.com/none\"\n");
        LocalSourceInputs.Describe(_dir.Combine("m"), env).ShouldBe(before);
        _dir.Write("m/obj/other/x.go", "package x\n\nimport _ \"example.com/none\"\n");
        LocalSourceInputs.Describe(_dir.Combine("m"), env).ShouldNotBe(before);
    }

    [Fact]
    public void A_directory_replacement_s_go_mod_and_imports_are_described_and_listed_as_a_root()
    {
        MainModule("\nreplace example.com/greeting => ../local\n");
        _dir.Write("local/go.mod", "module example.com/greeting\n\ngo 1.17\n\nrequire example.com/words v1.0.0\n");
        _dir.Write("local/greeting.go", "package greeting\n\nimport \"example.com/words\"\n\nfunc Hello(s string) string { return words.X + s }\n");

        LocalSourceInputs.OtherRoots(_dir.Combine("m"), Env()).ShouldBe([_dir.Combine("local")]);
        var before = Describe();

        _dir.Write("local/go.mod", "module example.com/greeting\n\ngo 1.17\n\nrequire example.com/words v1.1.0\n");
        var edited = Describe();
        edited.ShouldNotBe(before);

        _dir.Write("local/greeting.go", "package greeting\n\nimport (\n\t\"example.com/words\"\n\t\"example.com/punct\"\n)\n\nfunc Hello(s string) string { return words.X + punct.Y + s }\n");
        Describe().ShouldNotBe(edited);
    }

    [Fact]
    public void In_a_workspace_the_used_modules_and_go_work_s_directory_replacements_are_roots()
    {
        MainModule();
        _dir.Write("other/go.mod", "module example.com/other\n\ngo 1.19\n");
        _dir.Write("other/other.go", "package other\n");
        _dir.Write("go.work", "go 1.19\n\nuse (\n\t./m\n\t./other\n)\n\nreplace example.com/words => ./words\n");
        var work = _dir.Combine("go.work");

        LocalSourceInputs.OtherRoots(_dir.Combine("m"), Env(work)).ShouldBe([_dir.Combine("other"), _dir.Combine("words")]);
        var before = Describe(work);

        _dir.Write("other/other.go", "package other\n\nimport _ \"example.com/greeting\"\n");
        Describe(work).ShouldNotBe(before);
    }

    [Fact]
    public void The_restore_s_inputs_hash_follows_the_description()
    {
        MainModule();
        var options = new RestoreOptions
        {
            ModFile = _dir.Combine("m", "go.mod"),
            Settings = new Dictionary<string, string?> { ["GOMODCACHE"] = _dir.Combine("mc"), ["GOWORK"] = "off" },
            GetEnvironmentVariable = name => name == "GOENV" ? "off" : null,
        };
        var before = RestoreCache.ComputeInputsHash(options, "tool");

        _dir.Write("m/main.go", Main.Replace("\"gophers\"", "\"edited\""));
        RestoreCache.ComputeInputsHash(options, "tool").ShouldBe(before);
        _dir.Write("m/main.go", Main.Replace("\"fmt\"\n", "\"fmt\"\n\t\"example.com/Shout\"\n"));
        RestoreCache.ComputeInputsHash(options, "tool").ShouldNotBe(before);
    }
}
