using GoMod.Testing;
using GoMod.Core.ModFile;
using GoMod.Core.Semver;

namespace GoMod.Core.Tests.ModFile;

/// <summary>
/// Each edit is run twice on the same input: through our API (then <see cref="GoModFile.Format"/>) and through
/// <c>go mod edit</c> with the matching flags; the texts must be equal. The expected text is whatever go writes.
/// </summary>
public class EditTests
{
    private sealed record EditCase(string Input, Action<GoModFile> Edit, string[] GoArgs);

    private const string Blocks = """
        module example.com/m

        go 1.16

        // Direct dependencies.
        require (
        	example.com/a v1.0.0
        	example.com/c v1.2.0 // why c

        	// d is special.
        	example.com/d v1.3.0 // indirect
        )

        exclude (
        	example.com/x v1.0.0
        	example.com/y v0.1.0
        )

        replace example.com/a => ../a

        replace example.com/c v1.2.0 => example.com/c-fork v1.2.1

        retract v0.9.0 // Oops.

        """;

    private const string Lines = """
        module example.com/m

        go 1.19

        require example.com/a v1.0.0 // pinned

        exclude example.com/x v1.0.0

        """;

    private const string Bare = "module example.com/m\n";

    private static readonly Dictionary<string, EditCase> Cases = new()
    {
        ["require_new_path_goes_to_last_block"] = new(Blocks, f => f.AddRequire("example.com/b", "v1.1.0"), ["-require=example.com/b@v1.1.0"]),
        ["require_existing_path_keeps_comments"] = new(Blocks, f => f.AddRequire("example.com/d", "v1.4.0"), ["-require=example.com/d@v1.4.0"]),
        ["require_turns_single_line_into_block"] = new(Lines, f => f.AddRequire("example.com/b", "v0.1.0"), ["-require=example.com/b@v0.1.0"]),
        ["require_in_file_without_requires_goes_to_end"] = new(Bare, f => f.AddRequire("example.com/b", "v0.1.0"), ["-require=example.com/b@v0.1.0"]),
        ["require_drops_duplicate_lines"] = new("module m\n\nrequire (\n\tx.com/a v1.0.0\n\tx.com/a v1.1.0 // dup\n)\n\nrequire x.com/a v1.2.0\n",
            f => f.AddRequire("x.com/a", "v2.0.0+incompatible"), ["-require=x.com/a@v2.0.0+incompatible"]),
        ["droprequire_in_block"] = new(Blocks, f => f.DropRequire("example.com/c"), ["-droprequire=example.com/c"]),
        ["droprequire_collapses_block_to_a_line"] = new(Blocks, f =>
        {
            f.DropRequire("example.com/a");
            f.DropRequire("example.com/c");
        }, ["-droprequire=example.com/a", "-droprequire=example.com/c"]),
        ["droprequire_single_line"] = new(Lines, f => f.DropRequire("example.com/a"), ["-droprequire=example.com/a"]),
        ["droprequire_of_missing_path_changes_nothing"] = new(Blocks, f => f.DropRequire("example.com/zzz"), ["-droprequire=example.com/zzz"]),
        ["exclude_next_to_same_path"] = new(Blocks, f => f.AddExclude("example.com/x", "v1.0.1"), ["-exclude=example.com/x@v1.0.1"]),
        ["exclude_new_path_goes_to_last_block"] = new(Blocks, f => f.AddExclude("example.com/w", "v0.0.1"), ["-exclude=example.com/w@v0.0.1"]),
        ["exclude_next_to_single_line_makes_block"] = new(Lines, f => f.AddExclude("example.com/x", "v1.1.0"), ["-exclude=example.com/x@v1.1.0"]),
        ["exclude_existing_is_a_no_op"] = new(Blocks, f => f.AddExclude("example.com/y", "v0.1.0"), ["-exclude=example.com/y@v0.1.0"]),
        ["dropexclude"] = new(Blocks, f => f.DropExclude("example.com/y", "v0.1.0"), ["-dropexclude=example.com/y@v0.1.0"]),
        ["replace_new_with_module"] = new(Blocks, f => f.AddReplace("example.com/b", "", "example.com/b2", "v1.0.0"), ["-replace=example.com/b=example.com/b2@v1.0.0"]),
        ["replace_versioned_with_directory"] = new(Blocks, f => f.AddReplace("example.com/d", "v1.3.0", "./local/d", ""), ["-replace=example.com/d@v1.3.0=./local/d"]),
        ["replace_existing_updates_line"] = new(Blocks, f => f.AddReplace("example.com/a", "", "../a2", ""), ["-replace=example.com/a=../a2"]),
        ["replace_unversioned_overrides_versioned"] = new(Blocks, f => f.AddReplace("example.com/c", "", "../c", ""), ["-replace=example.com/c=../c"]),
        ["replace_next_to_same_old_path"] = new(Blocks, f => f.AddReplace("example.com/a", "v1.0.0", "../a-one", ""), ["-replace=example.com/a@v1.0.0=../a-one"]),
        ["replace_directory_with_space_is_quoted"] = new(Bare, f => f.AddReplace("example.com/a", "", "../my dir", ""), ["-replace=example.com/a=../my dir"]),
        ["dropreplace_unversioned"] = new(Blocks, f => f.DropReplace("example.com/a", ""), ["-dropreplace=example.com/a"]),
        ["dropreplace_versioned"] = new(Blocks, f => f.DropReplace("example.com/c", "v1.2.0"), ["-dropreplace=example.com/c@v1.2.0"]),
        ["dropreplace_unversioned_keeps_versioned"] = new(Blocks, f => f.DropReplace("example.com/c", ""), ["-dropreplace=example.com/c"]),
        ["go_updates_line"] = new(Blocks, f => f.SetGo("1.18"), ["-go=1.18"]),
        ["go_added_after_module"] = new("// header\n\nmodule example.com/m // m\n\nrequire example.com/a v1.0.0\n", f => f.SetGo("1.17"), ["-go=1.17"]),
        ["go_added_to_file_without_module"] = new("require example.com/a v1.0.0\n", f => f.SetGo("1.17"), ["-go=1.17"]),
        ["module_renamed"] = new(Blocks, f => f.SetModule("example.com/renamed/v2"), ["-module=example.com/renamed/v2"]),
        ["module_added"] = new("go 1.19\n", f => f.SetModule("example.com/new"), ["-module=example.com/new"]),
        ["retract_single_version"] = new(Blocks, f => f.AddRetract("v1.0.1", "v1.0.1"), ["-retract=v1.0.1"]),
        ["retract_interval"] = new(Blocks, f => f.AddRetract("v1.0.0", "v1.0.5"), ["-retract=[v1.0.0,v1.0.5]"]),
        ["dropretract"] = new(Blocks, f => f.DropRetract("v0.9.0", "v0.9.0"), ["-dropretract=v0.9.0"]),
        ["edits_apply_in_order"] = new(Blocks, f =>
        {
            f.AddRequire("example.com/e", "v1.0.0");
            f.DropRequire("example.com/a");
            f.AddReplace("example.com/e", "", "../e", "");
            f.DropExclude("example.com/x", "v1.0.0");
            f.AddExclude("example.com/e", "v0.9.0");
            f.SetGo("1.19");
        }, ["-require=example.com/e@v1.0.0", "-droprequire=example.com/a", "-replace=example.com/e=../e", "-dropexclude=example.com/x@v1.0.0", "-exclude=example.com/e@v0.9.0", "-go=1.19"]),
        ["edits_keep_every_comment_of_a_commented_file"] = new(ModFileTestData.Read("canonical", "comments_everywhere"), f =>
        {
            f.AddRequire("example.com/b", "v1.1.1");
            f.AddRequire("example.com/e", "v0.0.1");
            f.AddExclude("example.com/a", "v0.9.1");
        }, ["-require=example.com/b@v1.1.1", "-require=example.com/e@v0.0.1", "-exclude=example.com/a@v0.9.1"]),
        ["edit_of_messy_file_also_normalizes_it"] = new(ModFileTestData.Read("messy", "unsorted_blocks"), f => f.DropRequire("example.com/z"), ["-droprequire=example.com/z"]),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [GoTheory]
    [MemberData(nameof(CaseNames))]
    public void Edit_gives_the_text_go_mod_edit_gives(string name)
    {
        var c = Cases[name];
        var go = GoModEdit.Run(c.Input, c.GoArgs);
        go.ExitCode.ShouldBe(0, go.Errors);

        var file = GoModFile.Parse("go.mod", c.Input);
        c.Edit(file);
        file.Format().ShouldBe(go.GoMod);
    }

    [Fact]
    public void Read_api_reflects_edits_immediately()
    {
        var file = GoModFile.Parse("go.mod", Blocks);
        file.AddRequire("example.com/b", "v1.1.0");
        file.DropRequire("example.com/a");
        file.Require.Select(r => r.Path).ShouldBe(["example.com/c", "example.com/d", "example.com/b"]);
        file.AddReplace("example.com/a", "", "../elsewhere", "");
        file.Replace[0].ShouldBe(new Replacement("example.com/a", "", "../elsewhere", ""));
        file.SetGo("1.21.0");
        file.Go.ShouldBe("1.21.0");
    }

    [Fact]
    public void Untouched_text_survives_an_edit_byte_for_byte()
    {
        var file = GoModFile.Parse("go.mod", Blocks);
        file.AddRequire("example.com/c", "v1.2.5");
        file.Format().ShouldBe(Blocks.Replace("example.com/c v1.2.0 // why c", "example.com/c v1.2.5 // why c"));
    }

    [Fact]
    public void Set_indirect_adds_and_removes_the_mark_around_other_comment_text()
    {
        var file = GoModFile.Parse("go.mod", "require (\n\ta.com/x v1.0.0 // see issue 7\n\ta.com/y v1.0.0 // indirect\n\ta.com/z v1.0.0 //\n)\n");
        file.SetIndirect("a.com/x", true).ShouldBeTrue();
        file.SetIndirect("a.com/y", false).ShouldBeTrue();
        file.SetIndirect("a.com/z", true).ShouldBeTrue();
        file.SetIndirect("a.com/missing", true).ShouldBeFalse();
        file.Format().ShouldBe("require (\n\ta.com/x v1.0.0 // indirect; see issue 7\n\ta.com/y v1.0.0\n\ta.com/z v1.0.0 // indirect\n)\n");
        file.Require.Select(r => r.Indirect).ShouldBe([true, false, true]);

        file.SetIndirect("a.com/x", false);
        file.Format().ShouldContain("\ta.com/x v1.0.0 // see issue 7\n");
    }

    [Fact]
    public void Set_toolchain_goes_after_the_go_line_and_validates_the_name()
    {
        var file = GoModFile.Parse("go.mod", "module m\n\ngo 1.21.0\n\nrequire a.com/x v1.0.0\n");
        file.SetToolchain("go1.21.4");
        file.Format().ShouldBe("module m\n\ngo 1.21.0\n\ntoolchain go1.21.4\n\nrequire a.com/x v1.0.0\n");
        file.SetToolchain("default");
        file.Toolchain.ShouldBe("default");
        Should.Throw<FormatException>(() => file.SetToolchain("1.21.4")).Message.ShouldBe("invalid toolchain name \"1.21.4\"");
        file.DropToolchain();
        file.Format().ShouldBe("module m\n\ngo 1.21.0\n\nrequire a.com/x v1.0.0\n");
    }

    [Fact]
    public void Set_go_rejects_a_malformed_version()
    {
        var file = GoModFile.Parse("go.mod", "module m\n");
        Should.Throw<FormatException>(() => file.SetGo("1.21.x")).Message.ShouldBe("invalid language version \"1.21.x\"");
    }

    [Theory]
    [InlineData("example.com/a", "v1.2", "version \"v1.2\" invalid: must be of the form v1.2.3")]
    [InlineData("example.com/a/v2", "v2.1", "version \"v2.1\" invalid: must be of the form v2.2.3")]
    [InlineData("example.com/a", "v2.0.0", "version \"v2.0.0\" invalid: should be v2.0.0+incompatible (or module example.com/a/v2)")]
    [InlineData("example.com/a/v3", "v2.0.0", "version \"v2.0.0\" invalid: should be v3, not v2")]
    public void Add_exclude_requires_a_canonical_version_of_the_right_major(string path, string version, string message)
    {
        var file = GoModFile.Parse("go.mod", "module m\n");
        Should.Throw<InvalidVersionException>(() => file.AddExclude(path, version)).Message.ShouldBe(message);
    }

    [GoFact]
    public void Add_exclude_version_errors_match_go_mod_edit()
    {
        var go = GoModEdit.Run("module m\n", "-exclude=example.com/a@v2.0.0");
        go.ExitCode.ShouldNotBe(0);
        var ours = Should.Throw<InvalidVersionException>(() => GoModFile.Parse("go.mod", "module m\n").AddExclude("example.com/a", "v2.0.0"));
        go.Errors.ShouldBe($"go: -exclude=example.com/a@v2.0.0: {ours.Message}\n");
    }

    [Fact]
    public void Godebug_and_tool_edits_follow_x_mod()
    {
        var file = GoModFile.Parse("go.mod", "module m\n\ngo 1.24.0\n\ngodebug panicnil=1\n\ntool example.com/b\n");
        file.AddGodebug("panicnil", "0");
        file.AddGodebug("http2client", "0");
        file.AddTool("example.com/a");
        file.AddTool("example.com/b");
        // AddTool sorts every block, the godebug block too.
        file.Format().ShouldBe("module m\n\ngo 1.24.0\n\ngodebug (\n\thttp2client=0\n\tpanicnil=0\n)\n\ntool (\n\texample.com/a\n\texample.com/b\n)\n");
        file.DropGodebug("panicnil");
        file.DropTool("example.com/a");
        file.Cleanup();
        file.Format().ShouldBe("module m\n\ngo 1.24.0\n\ngodebug http2client=0\n\ntool example.com/b\n");
        file.Godebug.ShouldBe([new GodebugSetting("http2client", "0")]);
        file.Tool.ShouldBe(["example.com/b"]);
    }

    [Fact]
    public void Set_require_rewrites_versions_and_marks_and_adds_to_the_last_block()
    {
        var file = GoModFile.Parse("go.mod", Blocks);
        file.SetRequire([
            new Requirement("example.com/a", "v1.0.1", Indirect: true),
            new Requirement("example.com/d", "v1.3.0"),
            new Requirement("example.com/b", "v0.5.0"),
        ]);
        file.Cleanup();
        file.Format().ShouldBe(Blocks.Replace("""
            require (
            	example.com/a v1.0.0
            	example.com/c v1.2.0 // why c

            	// d is special.
            	example.com/d v1.3.0 // indirect
            )
            """, """
            require (
            	example.com/a v1.0.1 // indirect
            	example.com/b v0.5.0

            	// d is special.
            	example.com/d v1.3.0
            )
            """));
    }

    [Fact]
    public void Set_require_rejects_two_versions_of_one_path()
    {
        var file = GoModFile.Parse("go.mod", Bare);
        Should.Throw<ArgumentException>(() => file.SetRequire([new Requirement("a.com/x", "v1.0.0"), new Requirement("a.com/x", "v1.1.0")]));
    }
}
