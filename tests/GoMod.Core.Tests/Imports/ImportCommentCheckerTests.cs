using GoMod.Core.Diagnostics;
using GoMod.Core.Imports;
using GoMod.Testing;

namespace GoMod.Core.Tests.Imports;

/// <summary>The failures the check gives: their type by severity, where they point and what they carry.</summary>
public sealed class ImportCommentCheckerTests : IDisposable
{
    private readonly TempDirectory _dir = new("ic");

    public void Dispose() => _dir.Dispose();

    private Task<IReadOnlyList<ImportCommentException>> CheckAsync(string importPath, ImportCommentSeverity severity, bool mainModule = false) =>
        ImportCommentChecker.CheckPackageAsync(importPath, _dir.Combine("pkg"), BuildTags.Host(), severity, mainModule, CancellationToken.None);

    [Fact]
    public async Task A_mismatch_carries_the_path_used_the_canonical_one_and_where_the_comment_is()
    {
        var file = _dir.Write("pkg/pdf.go", "// Package pdf.\npackage pdf // import \"rsc.io/pdf\"\n");
        var f = (await CheckAsync("github.com/rsc/pdf", ImportCommentSeverity.Error)).ShouldHaveSingleItem().ShouldBeOfType<ImportCommentMismatchException>();
        (f.File, f.Line, f.Column).ShouldBe((file, 2, 13));
        (f.ImportPath, f.CanonicalPath, f.ImportInstead, f.Directory).ShouldBe(("github.com/rsc/pdf", "rsc.io/pdf", "rsc.io/pdf", _dir.Combine("pkg")));
        f.Message.ShouldBe($"code in directory {_dir.Combine("pkg")} expects import \"rsc.io/pdf\"; import \"rsc.io/pdf\" instead of \"github.com/rsc/pdf\"");
        FailureCodes.For(f).Code.ShouldBe("GOMOD0320");
    }

    [Fact]
    public async Task As_a_warning_each_failure_has_the_warning_code()
    {
        _dir.Write("pkg/a.go", "package a // import \"x.io/one\"\n");
        _dir.Write("pkg/b.go", "package a // import \"x.io/two\"\n");
        _dir.Write("pkg/c.go", "package a // import x.io/three\n");
        var failures = await CheckAsync("x.io/a", ImportCommentSeverity.Warning);
        failures.Select(f => (f.GetType().Name, FailureCodes.For(f).Code, Path.GetFileName(f.File))).ShouldBe(
        [
            (nameof(ConflictingImportCommentsWarningException), "GOMOD0371", "b.go"),
            (nameof(MalformedImportCommentWarningException), "GOMOD0372", "c.go"),
        ]);
        FailureCodes.For(failures[0]).Severity.ShouldBe(DiagnosticSeverity.Warning);
        var conflict = failures[0].ShouldBeAssignableTo<ConflictingImportCommentsException>()!;
        (conflict.First.Path, conflict.Comment.Path).ShouldBe(("x.io/one", "x.io/two"));
    }

    [Fact]
    public async Task A_mismatch_alone_as_a_warning_is_GOMOD0370_and_none_checks_nothing()
    {
        _dir.Write("pkg/a.go", "package a // import \"x.io/other\"\n");
        FailureCodes.For((await CheckAsync("x.io/a", ImportCommentSeverity.Warning)).ShouldHaveSingleItem()).Code.ShouldBe("GOMOD0370");
        (await CheckAsync("x.io/a", ImportCommentSeverity.None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task In_the_main_module_the_message_says_to_correct_the_comment()
    {
        _dir.Write("pkg/a.go", "package a // import \"example.com/old/a\"\n");
        var f = (await CheckAsync("example.com/m/a", ImportCommentSeverity.Error, mainModule: true)).ShouldHaveSingleItem().ShouldBeOfType<ImportCommentMismatchException>();
        f.MainModule.ShouldBeTrue();
        f.Message.ShouldContain("correct the import comment");
    }

    [Fact]
    public async Task Conflicts_and_malformed_comments_are_errors_with_their_own_codes()
    {
        _dir.Write("pkg/a.go", "package a // import \"x.io/one\"\n");
        _dir.Write("pkg/b.go", "package a // import \"x.io/two\"\n");
        _dir.Write("pkg/c.go", "package a // import `x.io/three\n");
        var failures = await CheckAsync("x.io/a", ImportCommentSeverity.Error);
        failures.Select(f => FailureCodes.For(f).Code).ShouldBe(["GOMOD0321", "GOMOD0322"]);
        failures[0].Message.ShouldBe($"found import comments \"x.io/one\" (a.go) and \"x.io/two\" (b.go) in {_dir.Combine("pkg")}");
        failures[1].Message.ShouldBe($"{_dir.Combine("pkg", "c.go")}:1: cannot parse import comment");
    }
}
