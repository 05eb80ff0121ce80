using GoMod.Testing;
using GoMod.Core.ModFile;

namespace GoMod.Core.Tests.ModFile;

public class ParseErrorTests
{
    public static TheoryData<string> Errors => ModFileTestData.Names("errors");
    public static TheoryData<string> ErrorsNewer => ModFileTestData.Names("errors-newer");

    private static ModFileParseException ParseFails(string text) =>
        Should.Throw<ModFileParseException>(() => GoModFile.Parse("go.mod", text));

    [Theory]
    [MemberData(nameof(Errors))]
    public void Malformed_file_reports_go_position_and_message(string name)
    {
        var error = ParseFails(ModFileTestData.Read("errors", name));
        error.Message.ShouldBe(ModFileTestData.Read("errors", name, ".err"));
    }

    [GoTheory]
    [MemberData(nameof(Errors))]
    public void Malformed_file_error_equals_go_mod_edit_fmt_error(string name)
    {
        var text = ModFileTestData.Read("errors", name);
        var go = GoModEdit.Run(text, "-fmt");
        go.ExitCode.ShouldNotBe(0);
        ParseFails(text).Message.ShouldBe(go.Errors);
    }

    [Theory]
    [MemberData(nameof(ErrorsNewer))]
    public void Malformed_file_reports_todays_x_mod_message_not_checkable_by_go1_19(string name)
    {
        var error = ParseFails(ModFileTestData.Read("errors-newer", name));
        error.Message.ShouldBe(ModFileTestData.Read("errors-newer", name, ".err"));
    }

    [Fact]
    public void Errors_carry_file_line_and_rune_column()
    {
        var error = ParseFails("module m\nrequire (\n\tfoo v1.x\n  é\u00a0\n)\n");
        error.Errors.ShouldHaveSingleItem().ShouldBe(new ModFileError("go.mod", 4, 4, "unexpected input character '\\u00a0'"));
    }

    [Fact]
    public void Error_names_the_given_file_and_leaves_out_column_one()
    {
        var error = Should.Throw<ModFileParseException>(() => GoModFile.Parse("/src/app/go.mod", "modul x\n"));
        error.Errors.ShouldHaveSingleItem().ShouldBe(new ModFileError("/src/app/go.mod", 1, 1, "unknown directive: modul"));
        error.Message.ShouldBe("/src/app/go.mod:1: unknown directive: modul");
    }

    [Fact]
    public void Unterminated_block_names_where_the_block_started()
    {
        ParseFails("module m\n\n  require (\n\ta v1.0.0").Message
            .ShouldBe("go.mod:4:10: syntax error (unterminated block started at go.mod:3:3)");
    }
}
