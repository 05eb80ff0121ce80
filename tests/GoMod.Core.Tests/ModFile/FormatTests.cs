using GoMod.Testing;
using GoMod.Core.ModFile;

namespace GoMod.Core.Tests.ModFile;

public class FormatTests
{
    public static TheoryData<string> Canonical => ModFileTestData.Names("canonical");
    public static TheoryData<string> CanonicalNewer => ModFileTestData.Names("canonical-newer");
    public static TheoryData<string> Messy => ModFileTestData.Names("messy");

    [Theory]
    [MemberData(nameof(Canonical))]
    public void Canonical_file_round_trips_byte_identically(string name)
    {
        var text = ModFileTestData.Read("canonical", name);
        GoModFile.Parse("go.mod", text).Format().ShouldBe(text);
    }

    [GoTheory]
    [MemberData(nameof(Canonical))]
    public void Canonical_file_is_left_unchanged_by_go_mod_edit_fmt(string name)
    {
        var text = ModFileTestData.Read("canonical", name);
        GoModEdit.Format(text).ShouldBe(text);
    }

    [Theory]
    [MemberData(nameof(CanonicalNewer))]
    public void Canonical_file_round_trips_byte_identically_go1_21_syntax_not_checkable_by_go1_19(string name)
    {
        var text = ModFileTestData.Read("canonical-newer", name);
        GoModFile.Parse("go.mod", text).Format().ShouldBe(text);
    }

    [Theory]
    [MemberData(nameof(Messy))]
    public void Format_of_non_canonical_file_equals_the_output_go_mod_edit_fmt_gave(string name)
    {
        var text = ModFileTestData.Read("messy", name);
        GoModFile.Parse("go.mod", text).Format().ShouldBe(ModFileTestData.Read("messy", name, ".golden"));
    }

    [GoTheory]
    [MemberData(nameof(Messy))]
    public void Format_of_non_canonical_file_equals_go_mod_edit_fmt_now(string name)
    {
        var text = ModFileTestData.Read("messy", name);
        var go = GoModEdit.Format(text);
        go.ShouldNotBe(text, "a messy file must be one go changes");
        GoModFile.Parse("go.mod", text).Format().ShouldBe(go);
    }

    [Theory]
    [MemberData(nameof(Messy))]
    public void Format_is_idempotent(string name)
    {
        var once = GoModFile.Parse("go.mod", ModFileTestData.Read("messy", name)).Format();
        GoModFile.Parse("go.mod", once).Format().ShouldBe(once);
    }

    [Fact]
    public void Format_does_not_change_the_parsed_file()
    {
        var file = GoModFile.Parse("go.mod", "module m\n\nexclude (\n\tb v1.0.0\n\ta v1.0.0\n\ta v1.0.0\n)\n");
        file.Format();
        file.Exclude.Count.ShouldBe(3);
        file.Format().ShouldBe("module m\n\nexclude (\n\ta v1.0.0\n\tb v1.0.0\n)\n");
    }

    [Fact]
    public void Exclude_block_sorts_by_semantic_version_from_go_1_21_and_by_bytes_before()
    {
        const string body = "\n\nexclude (\n\texample.com/a v1.10.0\n\texample.com/a v1.9.0\n)\n";
        GoModFile.Parse("go.mod", "go 1.21.0" + body).Format()
            .ShouldBe("go 1.21.0\n\nexclude (\n\texample.com/a v1.9.0\n\texample.com/a v1.10.0\n)\n");
        GoModFile.Parse("go.mod", "go 1.20" + body).Format()
            .ShouldBe("go 1.20\n\nexclude (\n\texample.com/a v1.10.0\n\texample.com/a v1.9.0\n)\n");
    }

    [Fact]
    public void Duplicate_tool_lines_are_dropped_keeping_the_first()
    {
        var file = GoModFile.Parse("go.mod", "go 1.24.0\n\ntool (\n\texample.com/b // first b\n\texample.com/a\n\texample.com/b // second b\n)\n");
        file.Format().ShouldBe("go 1.24.0\n\ntool (\n\texample.com/a\n\texample.com/b // first b\n)\n");
    }
}
