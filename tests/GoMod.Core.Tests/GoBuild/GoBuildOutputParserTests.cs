using GoMod.Core.GoBuild;

namespace GoMod.Core.Tests.GoBuild;

public sealed class GoBuildOutputParserTests
{
    private static readonly string Dir = Path.Combine(Path.GetTempPath(), "m");

    [Fact]
    public void Compiler_errors_are_positioned_in_their_package_with_relative_files_resolved()
    {
        const string output = """
            # example.com/app
            ./main.go:3:8: imported and not used: "os"
            ./main.go:7:2: undefined: undefinedThing
            # example.com/app/sub
            sub/s.go:3:12: undefined: y
            """;

        var (problems, other) = GoBuildOutputParser.Parse(output, Dir);

        other.ShouldBeEmpty();
        var errors = problems.Cast<GoCompileException>().ToList();
        errors.Select(e => (e.File, e.Line, e.Column, e.Message, e.Package)).ShouldBe(
        [
            (Path.Combine(Dir, "main.go"), 3, 8, "imported and not used: \"os\"", "example.com/app"),
            (Path.Combine(Dir, "main.go"), 7, 2, "undefined: undefinedThing", "example.com/app"),
            (Path.Combine(Dir, "sub", "s.go"), 3, 12, "undefined: y", "example.com/app/sub"),
        ]);
    }

    [Fact]
    public void A_C_compiler_warning_is_a_warning_without_its_source_excerpt_and_continuations_join_their_message()
    {
        const string output = "# example.com/w\n./main.go:3:3: warning: #warning \"careful\" [-Wcpp]\n    3 | // #warning \"careful\"\n      |   ^~~~~~~\n" +
                              "./other.go:9: cannot use x (variable of type int) as string value in argument to f\n\thave int\n\twant string\n";

        var (problems, _) = GoBuildOutputParser.Parse(output, Dir);

        var warning = problems[0].ShouldBeOfType<GoCompileWarningException>();
        (warning.Line, warning.Column, warning.Message).ShouldBe((3, 3, "#warning \"careful\" [-Wcpp]"));
        var error = problems[1].ShouldBeOfType<GoCompileException>();
        (error.Line, error.Column).ShouldBe((9, 0));
        error.Message.ShouldBe("cannot use x (variable of type int) as string value in argument to f have int want string");
    }

    [Fact]
    public void Command_messages_are_not_positions()
    {
        var (problems, other) = GoBuildOutputParser.Parse("go: finding module for package example.com/x\n-buildmode=exe requires exactly one main package\n", Dir);

        problems.ShouldBeEmpty();
        other.ShouldBe("go: finding module for package example.com/x\n-buildmode=exe requires exactly one main package\n");
    }
}
