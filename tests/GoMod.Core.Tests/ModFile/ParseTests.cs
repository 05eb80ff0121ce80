using System.Text.Json;
using GoMod.Testing;
using GoMod.Core.ModFile;

namespace GoMod.Core.Tests.ModFile;

public class ParseTests
{
    public static TheoryData<string> Canonical => ModFileTestData.Names("canonical");

    /// <summary>Our read API in the shape of <c>go mod edit -json</c> (Go 1.19's fields).</summary>
    private static string AsGoJson(GoModFile file)
    {
        var doc = new Dictionary<string, object?>();
        var module = new Dictionary<string, object?> { ["Path"] = file.Module?.Path ?? "" };
        if (!string.IsNullOrEmpty(file.Module?.Deprecated)) module["Deprecated"] = file.Module.Deprecated;
        doc["Module"] = module;
        if (file.Go is not null) doc["Go"] = file.Go;
        doc["Require"] = file.Require.Count == 0 ? null : file.Require.Select(r =>
        {
            var d = new Dictionary<string, object?> { ["Path"] = r.Path, ["Version"] = r.Version };
            if (r.Indirect) d["Indirect"] = true;
            return d;
        }).ToList();
        doc["Exclude"] = file.Exclude.Count == 0 ? null : file.Exclude.Select(x => new { x.Path, x.Version }).ToList();
        doc["Replace"] = file.Replace.Count == 0 ? null : file.Replace.Select(r => new
        {
            Old = Mod(r.OldPath, r.OldVersion),
            New = Mod(r.NewPath, r.NewVersion),
        }).ToList();
        doc["Retract"] = file.Retract.Count == 0 ? null : file.Retract.Select(r =>
        {
            var d = new Dictionary<string, object?> { ["Low"] = r.Low, ["High"] = r.High };
            if (r.Rationale.Length > 0) d["Rationale"] = r.Rationale;
            return d;
        }).ToList();
        return JsonSerializer.Serialize(doc);

        static Dictionary<string, object?> Mod(string path, string version)
        {
            var d = new Dictionary<string, object?> { ["Path"] = path };
            if (version.Length > 0) d["Version"] = version;
            return d;
        }
    }

    private static string Normalize(string json) => JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement);

    [GoTheory]
    [MemberData(nameof(Canonical))]
    public void Directives_read_equal_go_mod_edit_json(string name)
    {
        var text = ModFileTestData.Read("canonical", name);
        var go = GoModEdit.Run(text, "-json");
        go.ExitCode.ShouldBe(0, go.Errors);
        AsGoJson(GoModFile.Parse("go.mod", text)).ShouldBe(Normalize(go.StdOut));
    }

    [Fact]
    public void Reads_every_directive_of_todays_go_mod()
    {
        var file = GoModFile.Parse("go.mod", ModFileTestData.Read("canonical-newer", "everything_modern"));
        file.Module.ShouldBe(new ModuleDeclaration("example.com/modern", "use example.com/modern/v2."));
        file.Go.ShouldBe("1.25.0");
        file.Toolchain.ShouldBe("go1.25.1");
        file.Godebug.ShouldBe([new GodebugSetting("default", "go1.21"), new GodebugSetting("tlsrsakex", "1")]);
        file.Require.ShouldBe([
            new Requirement("github.com/google/uuid", "v1.6.0"),
            new Requirement("golang.org/x/tools", "v0.26.0"),
            new Requirement("golang.org/x/mod", "v0.21.0", Indirect: true),
        ]);
        file.Exclude.ShouldBe([new Exclusion("github.com/google/uuid", "v1.5.0")]);
        var replace = file.Replace.ShouldHaveSingleItem();
        replace.ShouldBe(new Replacement("golang.org/x/tools", "", "../tools", ""));
        replace.IsDirectory.ShouldBeTrue();
        file.Retract.ShouldBe([new Retraction("v1.0.0", "v1.0.3", "Accidental releases.")]);
        file.Tool.ShouldBe(["golang.org/x/tools/cmd/goimports"]);
        file.Ignore.ShouldBe(["./web/node_modules"]);
    }

    [Theory]
    [InlineData("1.19")]
    [InlineData("1.21.0")]
    [InlineData("1.21rc1")]
    [InlineData("1.100.12")]
    public void Go_line_accepts_two_and_three_part_versions_and_prereleases(string version) =>
        GoModFile.Parse("go.mod", $"go {version}\n").Go.ShouldBe(version);

    [Theory]
    [InlineData("1.019")]
    [InlineData("1")]
    [InlineData("1.21.0.0")]
    [InlineData("1.21-rc1")]
    [InlineData("1.21RC1")]
    [InlineData("go1.21")]
    public void Go_line_rejects_other_version_shapes(string version) =>
        Should.Throw<ModFileParseException>(() => GoModFile.Parse("go.mod", $"go {version}\n"))
            .Message.ShouldBe($"go.mod:1: invalid go version '{version}': must match format 1.23.0");

    [Theory]
    [InlineData("go1.21.0")]
    [InlineData("go1.21rc2")]
    [InlineData("go1")]
    [InlineData("go1.22.1-custom")]
    [InlineData("default")]
    public void Toolchain_accepts_go1_names_and_default(string name) =>
        GoModFile.Parse("go.mod", $"toolchain {name}\n").Toolchain.ShouldBe(name);

    [Theory]
    [InlineData("", "")]
    [InlineData("// Deprecated: use b.", "use b.")]
    [InlineData("// Deprecated:use b.", "use b.")]
    [InlineData("// deprecated: lower case does not count", "")]
    [InlineData("// Intro.\n// Deprecated: not a paragraph start", "")]
    [InlineData("// Intro.\n//\n// Deprecated: first\n// second line\n//\n// Outro.", "first\nsecond line")]
    [InlineData("// Deprecated: one\n//\n// Deprecated: two", "one")]
    public void Deprecation_is_the_first_paragraph_starting_with_Deprecated(string comments, string expected)
    {
        var text = (comments.Length > 0 ? comments + "\n" : "") + "module example.com/m\n";
        GoModFile.Parse("go.mod", text).Module!.Deprecated.ShouldBe(expected);
    }

    [Fact]
    public void Deprecation_may_be_an_end_of_line_comment_or_on_the_module_block()
    {
        GoModFile.Parse("go.mod", "module example.com/m // Deprecated: gone\n").Module!.Deprecated.ShouldBe("gone");
        GoModFile.Parse("go.mod", "// Deprecated: block\nmodule (\n\texample.com/m\n)\n").Module!.Deprecated.ShouldBe("block");
    }

    [Fact]
    public void Retract_rationale_comes_from_the_line_or_else_its_block()
    {
        var file = GoModFile.Parse("go.mod", "module m\n\n// block reason\nretract (\n\t// own reason\n\t// second line\n\tv1.0.0\n\tv1.1.0\n\tv1.2.0 // suffix reason\n)\n");
        file.Retract.ShouldBe([
            new Retraction("v1.0.0", "v1.0.0", "own reason\nsecond line"),
            new Retraction("v1.1.0", "v1.1.0", "block reason"),
            new Retraction("v1.2.0", "v1.2.0", "suffix reason"),
        ]);
    }

    [Theory]
    [InlineData("// indirect", true)]
    [InlineData("//indirect", true)]
    [InlineData("//   indirect   ", true)]
    [InlineData("// indirect; for tests", true)]
    [InlineData("// indirect;", false)]
    [InlineData("// indirectly", false)]
    [InlineData("// indirect for tests", false)]
    [InlineData("// not indirect", false)]
    public void Indirect_mark_is_exactly_indirect_or_starts_with_indirect_semicolon(string comment, bool indirect) =>
        GoModFile.Parse("go.mod", $"require a.com/b v1.0.0 {comment}\n").Require.ShouldHaveSingleItem().Indirect.ShouldBe(indirect);

    [Fact]
    public void Quoted_strings_are_go_string_literals()
    {
        var file = GoModFile.Parse("go.mod", "module \"example.com/\\x6d\"\n\nreplace example.com/a => \"./dir \\u00e9\\t\\\"q\\\"\"\n");
        file.Module!.Path.ShouldBe("example.com/m");
        file.Replace.ShouldHaveSingleItem().NewPath.ShouldBe("./dir é\t\"q\"");
    }

    [Fact]
    public void Backquoted_string_is_one_token_kept_verbatim_where_it_is_not_interpreted()
    {
        var file = GoModFile.ParseLax("go.mod", "module m\n\nfuture `raw string (with parens)` x\n");
        file.Format().ShouldBe("module m\n\nfuture `raw string (with parens)` x\n");
    }

    [Fact]
    public void Versions_are_canonicalized_and_keep_incompatible()
    {
        var file = GoModFile.Parse("go.mod", "require (\n\ta v1.2\n\tb v2.0.0+incompatible\n\tc v1.0.0+meta\n)\n");
        file.Require.Select(r => r.Version).ShouldBe(["v1.2.0", "v2.0.0+incompatible", "v1.0.0"]);
    }

    [Fact]
    public void Gopkg_in_paths_take_their_dot_major()
    {
        var file = GoModFile.Parse("go.mod", "require (\n\tgopkg.in/yaml.v3 v3.0.1\n\tgopkg.in/check.v1 v0.0.0-20161208181325-20d25e280405\n)\n");
        file.Require.Count.ShouldBe(2);
        Should.Throw<ModFileParseException>(() => GoModFile.Parse("go.mod", "require gopkg.in/yaml.v3 v2.0.0\n"))
            .Message.ShouldBe("go.mod:1: require gopkg.in/yaml.v3: version \"v2.0.0\" invalid: should be v3, not v2");
    }

    [Fact]
    public void Replace_targets_are_directories_when_rooted_or_relative()
    {
        var file = GoModFile.Parse("go.mod", "replace (\n\ta => .\n\tb => ..\n\tc => ./c\n\td => ../d\n\te => /e\n\tf => C:/f\n\tg v1.0.0 => h v1.0.1\n)\n");
        file.Replace.Select(r => r.IsDirectory).ShouldBe([true, true, true, true, true, true, false]);
        file.Replace[^1].ShouldBe(new Replacement("g", "v1.0.0", "h", "v1.0.1"));
    }

    [Fact]
    public void Retract_versions_are_not_canonicalized_in_the_main_module()
    {
        var file = GoModFile.Parse("go.mod", "module m\n\nretract [v1, \"v1.2\"]\n");
        file.Retract.ShouldBe([new Retraction("v1", "v1.2", "")]);
        file.Format().ShouldBe("module m\n\nretract [v1, v1.2]\n");
    }

    [Fact]
    public void Empty_file_has_no_directives()
    {
        var file = GoModFile.Parse("go.mod", "");
        file.Module.ShouldBeNull();
        file.Go.ShouldBeNull();
        file.Require.ShouldBeEmpty();
        file.Format().ShouldBe("");
    }

    [Fact]
    public void Comment_in_the_middle_of_a_word_ends_the_token()
    {
        var file = GoModFile.Parse("go.mod", "module example.com/m//comment\n");
        file.Module!.Path.ShouldBe("example.com/m");
        file.Format().ShouldBe("module example.com/m //comment\n");
    }
}
