using GoMod.Testing;
using GoMod.Core.ModFile;

namespace GoMod.Core.Tests.ModFile;

public class ParseLaxTests
{
    private const string FromTheFuture = """
        module example.com/dep

        go 1.30.0

        toolchain go1.30.1

        frobnicate everything now

        widgets (
        	one
        	two three
        )

        godebug nonsense

        tool not even valid "

        exclude example.com/x v1.0.0

        replace example.com/x => ../x

        require example.com/y v1.2.3 // indirect

        retract (
        	v1.0.0
        	(v1.1.0, v1.2.0]
        )

        ignore ./vendor-ish

        """;

    [Fact]
    public void Lax_parse_reads_module_go_require_retract_and_ignore_and_skips_the_rest()
    {
        var text = FromTheFuture.Replace("tool not even valid \"", "tool a b c");
        var file = GoModFile.ParseLax("go.mod", text);
        file.Module!.Path.ShouldBe("example.com/dep");
        file.Go.ShouldBe("1.30.0");
        file.Toolchain.ShouldBeNull();
        file.Godebug.ShouldBeEmpty();
        file.Tool.ShouldBeEmpty();
        file.Exclude.ShouldBeEmpty();
        file.Replace.ShouldBeEmpty();
        file.Require.ShouldBe([new Requirement("example.com/y", "v1.2.3", Indirect: true)]);
        file.Retract.ShouldBe([new Retraction("v1.0.0", "v1.0.0", "")]);
        file.Ignore.ShouldBe(["./vendor-ish"]);
    }

    [Fact]
    public void Lax_parse_keeps_skipped_directives_in_the_formatted_text()
    {
        var text = FromTheFuture.Replace("tool not even valid \"", "tool a b c");
        GoModFile.ParseLax("go.mod", text).Format().ShouldBe(text);
    }

    [Fact]
    public void Strict_parse_rejects_what_lax_parse_skips()
    {
        var text = FromTheFuture.Replace("tool not even valid \"", "tool a b c");
        Should.Throw<ModFileParseException>(() => GoModFile.Parse("go.mod", text)).Message.ShouldBe(string.Join("\n",
            "go.mod:7: unknown directive: frobnicate",
            "go.mod:9: unknown block type: widgets",
            "go.mod:14: usage: godebug key=value",
            "go.mod:16: tool directive expects exactly one argument",
            "go.mod:26:2: expected '[' or version"));
    }

    [Fact]
    public void Syntax_errors_still_fail_a_lax_parse()
    {
        Should.Throw<ModFileParseException>(() => GoModFile.ParseLax("go.mod", FromTheFuture))
            .Message.ShouldBe("go.mod:16:22: unexpected newline in string");
    }

    [Theory]
    [InlineData("1.21.0", "1.21.0")]
    [InlineData("1.21-custom", "1.21")]
    [InlineData("v1.19.x", "1.19")]
    [InlineData("1.18beta", "1.18")]
    public void Lax_go_line_keeps_the_language_version_prefix(string written, string read)
    {
        var file = GoModFile.ParseLax("go.mod", $"module m\n\ngo {written}\n");
        file.Go.ShouldBe(read);
        file.Format().ShouldBe($"module m\n\ngo {read}\n");
    }

    [Theory]
    [InlineData("v1.19")]
    [InlineData("1")]
    [InlineData("x1.19-y")]
    public void Lax_go_line_still_rejects_a_version_without_a_suffix_to_strip(string written) =>
        Should.Throw<ModFileParseException>(() => GoModFile.ParseLax("go.mod", $"go {written}\n"))
            .Message.ShouldBe($"go.mod:1: invalid go version '{written}': must match format 1.23.0");

    [Fact]
    public void Lax_parse_still_checks_requirements()
    {
        Should.Throw<ModFileParseException>(() => GoModFile.ParseLax("go.mod", "module m\n\nrequire example.com/a v2.0.0\n"))
            .Message.ShouldBe("go.mod:3: require example.com/a: version \"v2.0.0\" invalid: should be v0 or v1, not v2");
    }

    [Fact]
    public void Lax_retract_with_extra_tokens_is_accepted()
    {
        var file = GoModFile.ParseLax("go.mod", "module m\n\nretract v1.0.0 because reasons\n");
        file.Retract.ShouldBe([new Retraction("v1.0.0", "v1.0.0", "")]);
    }

    /// <summary>
    /// go reads a dependency's go.mod laxly. A directory replacement makes go read the dependency's go.mod without
    /// network: unknown directives there are ignored, a bad requirement is reported.
    /// </summary>
    [GoFact]
    public void Go_reads_dependency_go_mod_laxly_as_we_do()
    {
        using var dir = new TempDirectory("lax");
        dir.Write("go.mod", "module example.com/main\n\ngo 1.19\n\nrequire example.com/dep v1.0.0\n\nreplace example.com/dep => ./dep\n");
        const string dependency = "module example.com/dep\n\ngo 1.19-custom\n\nfrobnicate (\n\tx\n)\n\nexclude example.com/z v9\n\nretract (1, 2)\n";
        dir.Write("dep/go.mod", dependency);
        var ok = GoOracle.Run(dir.Path, dir.Path, null, "list", "-m", "all");
        ok.ExitCode.ShouldBe(0, ok.Combined);
        var file = GoModFile.ParseLax("go.mod", dependency);
        file.Go.ShouldBe("1.19");
        file.Exclude.ShouldBeEmpty();

        const string broken = "module example.com/dep\n\nrequire example.com/z v2.0.0\n";
        dir.Write("dep/go.mod", broken);
        var fail = GoOracle.Run(dir.Path, dir.Path, null, "list", "-m", "all");
        fail.ExitCode.ShouldNotBe(0);
        var ours = Should.Throw<ModFileParseException>(() => GoModFile.ParseLax(dir.Combine("dep", "go.mod"), broken));
        fail.StdErr.ShouldContain(ours.Message);
    }
}
