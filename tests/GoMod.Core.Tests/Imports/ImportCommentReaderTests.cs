using System.Text;
using GoMod.Core.Imports;

namespace GoMod.Core.Tests.Imports;

/// <summary>go/build's findImportComment: only a comment on the package clause's line, in either form, with a Go string.</summary>
public sealed class ImportCommentReaderTests
{
    private static ImportComment? Find(string source) => ImportCommentReader.Find("/src/p/a.go", Encoding.UTF8.GetBytes(source));

    [Theory]
    [InlineData("package pdf // import \"rsc.io/pdf\"\n", "rsc.io/pdf", 1, 13)]
    [InlineData("// Copyright 2024.\n\n/* Package doc. */\npackage pdf /* import \"rsc.io/pdf\" */\n\nimport \"fmt\"\n", "rsc.io/pdf", 4, 13)]
    [InlineData("package pdf // import `rsc.io/raw`\n", "rsc.io/raw", 1, 13)]
    [InlineData("package\tpdf\t//\timport\t\"rsc.io/tab\"   \n", "rsc.io/tab", 1, 13)]
    [InlineData("package pdf //import\"rsc.io/tight\"\n", "rsc.io/tight", 1, 13)]
    [InlineData("package pdf // import \"rsc.io/crlf\"\r\n", "rsc.io/crlf", 1, 13)]
    [InlineData("package pdf // import \"rsc.io/\\x65sc\"\n", "rsc.io/esc", 1, 13)]
    [InlineData("package pdf /* import \"rsc.io/a\" */ // import \"rsc.io/b\"\n", "rsc.io/a", 1, 13)]
    [InlineData("\n\n  package   pdf   // import \"rsc.io/col\"", "rsc.io/col", 3, 19)]
    public void A_comment_on_the_package_line_names_the_canonical_path_at_its_position(string source, string path, int line, int column)
    {
        var c = Find(source).ShouldNotBeNull();
        (c.Path, c.Line, c.Column, c.PackageName).ShouldBe((path, line, column, "pdf"));
    }

    [Theory]
    [InlineData("package pdf\n// import \"rsc.io/pdf\"\n")]
    [InlineData("package pdf; // import \"rsc.io/pdf\"\n")]
    [InlineData("package pdf // importx \"rsc.io/pdf\"\n")]
    [InlineData("package pdf // see import \"rsc.io/pdf\"\n")]
    [InlineData("package pdf /* import \"rsc.io/pdf\"\n*/\n")]
    [InlineData("package pdf /* import \"rsc.io/pdf\"")]
    [InlineData("// import \"rsc.io/pdf\"\npackage pdf\n")]
    [InlineData("packages pdf // import \"rsc.io/pdf\"\n")]
    [InlineData("package pdf\n")]
    [InlineData("")]
    public void Anything_but_a_comment_on_the_package_line_is_no_import_comment(string source) =>
        Find(source).ShouldBeNull();

    [Theory]
    [InlineData("package pdf // import \"rsc.io/pdf\n", "\"rsc.io/pdf")]
    [InlineData("package pdf // import rsc.io/pdf\n", "rsc.io/pdf")]
    [InlineData("package pdf // import \"rsc.io/pdf\" // old\n", "\"rsc.io/pdf\" // old")]
    [InlineData("package pdf // import \"a\\qb\"\n", "\"a\\qb\"")]
    public void A_comment_whose_argument_does_not_unquote_is_kept_without_a_path(string source, string text)
    {
        var c = Find(source).ShouldNotBeNull();
        (c.Path, c.Text).ShouldBe((null, text));
    }

    [Fact]
    public void A_byte_order_mark_is_skipped_and_counted_in_the_first_line_s_columns()
    {
        var c = ImportCommentReader.Find("a.go", [0xEF, 0xBB, 0xBF, .. "package p // import \"x.io/p\"\n"u8]).ShouldNotBeNull();
        (c.Path, c.Line, c.Column).ShouldBe(("x.io/p", 1, 14));
    }
}
