using GoMod.Core.Imports;
using GoMod.Testing;

namespace GoMod.Core.Tests.Imports;

/// <summary>
/// Differential: the same packages laid out in a GOPATH and loaded by go 1.19 in GOPATH mode (GO111MODULE=off, where go
/// still enforces import comments) get go's verdict from our check — the same failure in go's words, or none.
/// go reads a <c>_test.go</c> file's import comment too (the issue assumed it did not): we follow go.
/// </summary>
public sealed class ImportCommentGopathOracleTests : IDisposable
{
    /// <summary>Each case: the package's import path and its files (name, content).</summary>
    private static readonly Dictionary<string, (string Path, (string Name, string Text)[] Files)> Cases = new()
    {
        ["mismatch"] = ("ex.com/mismatch", [("a.go", "package a // import \"ex.com/other\"\n")]),
        ["agreement"] = ("ex.com/agree", [("a.go", "package a // import \"ex.com/agree\"\n"), ("b.go", "package a\n")]),
        ["agreement_in_two_files_with_the_wrong_path"] = ("ex.com/twice", [("a.go", "package a\n"), ("b.go", "package a // import \"ex.com/old\"\n"), ("c.go", "package a /* import \"ex.com/old\" */\n")]),
        ["conflicting_comments"] = ("ex.com/conflict", [("a.go", "package a // import \"ex.com/one\"\n"), ("b.go", "package a // import \"ex.com/two\"\n"), ("c.go", "package a // import \"ex.com/three\"\n")]),
        ["conflict_with_a_comment_naming_the_right_path"] = ("ex.com/half", [("a.go", "package a // import \"ex.com/half\"\n"), ("b.go", "package a // import \"ex.com/x\"\n")]),
        ["block_comment_form"] = ("ex.com/block", [("a.go", "// Copyright.\n\n/* doc */\npackage a /* import \"ex.com/blk\" */\n\nimport _ \"fmt\"\n")]),
        ["raw_string"] = ("ex.com/raw", [("a.go", "package a // import `ex.com/rw`\n")]),
        ["comment_on_a_test_file"] = ("ex.com/tested", [("a.go", "package a\n"), ("a_test.go", "package a // import \"ex.com/elsewhere\"\n")]),
        ["comment_on_an_external_test_file"] = ("ex.com/xtested", [("a.go", "package a\n"), ("x_test.go", "package a_test // import \"ex.com/elsewhere\"\n")]),
        ["vanity_path_used_through_its_hosting_url"] = ("github.com/rsc/pdf", [("pdf.go", "// Package pdf reads PDF files.\npackage pdf // import \"rsc.io/pdf\"\n")]),
        ["vanity_path_used_as_canonical"] = ("rsc.io/pdf", [("pdf.go", "package pdf // import \"rsc.io/pdf\"\n")]),
        ["unquoted_comment"] = ("ex.com/unquoted", [("a.go", "package a // import ex.com/x\n")]),
        ["unterminated_string"] = ("ex.com/unterminated", [("a.go", "package a\n"), ("b.go", "package a // import \"ex.com/x\n")]),
        ["comment_on_the_next_line"] = ("ex.com/nextline", [("a.go", "package a\n// import \"ex.com/zz\"\n")]),
        ["file_for_another_os"] = ("ex.com/otheros", [("a.go", "package a\n"), ("a_windows.go", "package a // import \"ex.com/zz\"\n")]),
        ["ignored_file"] = ("ex.com/ign", [("a.go", "package a\n"), ("b.go", "//go:build ignore\n\npackage a // import \"ex.com/zz\"\n")]),
        ["underscore_file"] = ("ex.com/under", [("a.go", "package a\n"), ("_b.go", "package a // import \"ex.com/zz\"\n")]),
        ["documentation_file"] = ("ex.com/doc", [("a.go", "package a\n"), ("doc.go", "package documentation // import \"ex.com/zz\"\n")]),
        ["vendored_path"] = ("ex.com/m/vendor/v", [("v.go", "package v // import \"ex.com/zz\"\n")]),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    private readonly TempDirectory _dir = new("gopath-ic");

    public void Dispose() => _dir.Dispose();

    [GoTheory]
    [MemberData(nameof(CaseNames))]
    public async Task Our_verdict_is_go_s_in_GOPATH_mode(string name)
    {
        var (importPath, files) = Cases[name];
        var gopath = _dir.Combine("gopath");
        var dir = Path.Combine([gopath, "src", .. importPath.Split('/')]);
        foreach (var (file, text) in files) _dir.Write($"gopath/src/{importPath}/{file}", text);

        var go = GoOracle.Run(dir, _dir.Path, new Dictionary<string, string?>
        {
            ["GO111MODULE"] = "off",
            ["GOPATH"] = gopath,
            ["GOFLAGS"] = "",
        }, "list", "-e", "-f", "{{if .Error}}{{.Error}}{{end}}", importPath);
        go.ExitCode.ShouldBe(0, go.Combined);
        var goVerdict = go.StdOut.Trim();

        var ours = await ImportCommentChecker.CheckPackageAsync(importPath, dir, BuildTags.Host(), ImportCommentSeverity.Error, mainModule: false, CancellationToken.None);

        if (goVerdict.Length == 0)
        {
            ours.ShouldBeEmpty(string.Join("\n", ours.Select(f => f.Message)));
            return;
        }
        ours.ShouldNotBeEmpty($"go says: {goVerdict}");
        // go reports the first failure; the rest of our message says what to write instead.
        var first = ours[0].Message;
        (first == goVerdict || first.StartsWith(goVerdict + "; ", StringComparison.Ordinal)).ShouldBeTrue($"go: {goVerdict}\nours: {first}");
    }
}
