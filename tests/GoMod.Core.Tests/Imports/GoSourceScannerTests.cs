using System.Text;
using GoMod.Core.Imports;

namespace GoMod.Core.Tests.Imports;

/// <summary>How go get reads a package's imports: only the import clause, under any build tags except ignore.</summary>
public class GoSourceScannerTests
{
    private static List<string> Imports(string source) => GoSourceScanner.ReadImports(Encoding.UTF8.GetBytes(source)).Imports;

    [Fact]
    public void Single_grouped_named_dot_and_blank_imports_are_read_quoted()
    {
        Imports("""
            // Package p.
            package p // trailing

            import "fmt"
            import (
            	x "example.com/x"
            	. "example.com/dot"
            	_ `example.com/raw`
            	/* c */ "example.com/y"; "example.com/z"
            )
            import "example.com/late"

            func f() {}
            import "example.com/after/code"
            """).ShouldBe(["\"fmt\"", "\"example.com/x\"", "\"example.com/dot\"", "`example.com/raw`", "\"example.com/y\"", "\"example.com/z\"", "\"example.com/late\""]);
    }

    [Fact]
    public void A_syntax_error_keeps_the_imports_read_before_it()
    {
        var (imports, error) = GoSourceScanner.ReadImports(Encoding.UTF8.GetBytes("package p\nimport \"a.com/b\"\nimport ( \"c.com/d\" 42 )\n"));
        error.ShouldBeNull();
        imports.ShouldBe(["\"a.com/b\"", "\"c.com/d\""]);
    }

    [Fact]
    public void A_nul_byte_is_an_error() =>
        GoSourceScanner.ReadImports(Encoding.UTF8.GetBytes("package p\nimport \"a\0\"\n")).Error.ShouldBe("unexpected NUL in input");

    [Theory]
    [InlineData("//go:build ignore\n\npackage p\n", false)]
    [InlineData("//go:build !ignore\n\npackage p\n", true)]
    [InlineData("//go:build linux && !windows\n\npackage p\n", true)]
    [InlineData("//go:build (linux || darwin) && !ignore\n\npackage p\n", true)]
    [InlineData("//go:build ignore || linux\n\npackage p\n", true)]
    [InlineData("//go:build linux &&\n\npackage p\n", false)]
    [InlineData("//go:build !!linux\n\npackage p\n", false)]
    [InlineData("// +build ignore\n\npackage p\n", false)]
    [InlineData("// +build linux,!windows\n\npackage p\n", true)]
    [InlineData("// +build ignore linux\n\npackage p\n", true)]
    [InlineData("// +build !!x\n\npackage p\n", false)]
    [InlineData("// +build ignore\npackage p\n", true)]
    [InlineData("package p\n\n//go:build ignore\n", true)]
    [InlineData("/* block\n*/\n// +build ignore\n\npackage p\n", true)]
    [InlineData("//go:build ignore\n//go:build linux\n\npackage p\n", false)]
    public void Build_constraints_hold_for_every_tag_but_ignore(string source, bool builds) =>
        GoSourceScanner.ShouldBuild(Encoding.UTF8.GetBytes(source)).ShouldBe(builds);

    [Fact]
    public void Scanning_a_directory_skips_excluded_files_and_separates_test_imports()
    {
        (string, Func<byte[]>) File(string name, string text) => (name, () => Encoding.UTF8.GetBytes(text));
        var (imports, tests, error) = GoSourceScanner.ScanDir([
            File("a.go", "package p\nimport (\"example.com/b\"; \"C\"; \"appengine/x\")\n"),
            File("a_test.go", "package p\nimport \"example.com/testonly\"\n"),
            File("ignored.go", "//go:build ignore\n\npackage p\nimport \"example.com/never\"\n"),
            File("_hidden.go", "package p\nimport \"example.com/hidden\"\n"),
            File("notes.txt", "import \"example.com/text\""),
        ]);
        error.ShouldBeNull();
        imports.ShouldBe(["example.com/b"]);
        tests.ShouldBe(["example.com/testonly"]);
    }

    [Fact]
    public void A_directory_whose_files_are_all_excluded_has_no_go_files() =>
        GoSourceScanner.ScanDir([("x.go", () => Encoding.UTF8.GetBytes("// +build ignore\n\npackage p\n"))]).Error.ShouldBe(GoSourceScanner.NoGoFiles);
}
