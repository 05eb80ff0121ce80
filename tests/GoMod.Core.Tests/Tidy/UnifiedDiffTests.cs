using System.Text.RegularExpressions;
using GoMod.Core.Tidy;
using GoMod.Testing;

namespace GoMod.Core.Tests.Tidy;

/// <summary>
/// GoModTidyCheck's diff against GNU <c>diff -u</c> on go.mod and go.sum edits of the kind tidy makes (lines whose
/// matching is unambiguous, where both algorithms agree): the same hunks, line for line. GNU diff writes a count of 1
/// as nothing (<c>@@ -5 +5 @@</c>) and has no <c>diff a b</c> line; go's format (ours) always writes both counts.
/// </summary>
public class UnifiedDiffTests
{
    private const string GoSum = """
        example.com/a v1.0.0 h1:07pwCxNCPQ6IsYqLX+tJuNG62XsKmB2yqHrsuG0aMuA=
        example.com/a v1.0.0/go.mod h1:UuQKyHtxl/ru5NWrF+9mjaA92UC1obZHTZvfZWV0XK0=
        example.com/b v1.0.0 h1:RwR0MJHA64YZrVCNcs5IzVUl4BT2JIvg26eUvNzu1f4=
        example.com/b v1.0.0/go.mod h1:GEK4z8rOXx2drFaUaVmA5XqikGCbN52kYQ3t7b7hzUQ=
        example.com/c v1.0.0 h1:iEPlGN4MboGB+b2wDPLUTcTYn82iFtca3TqdPINjUVY=
        example.com/c v1.0.0/go.mod h1:QWUFs4x13a4cZSXx8RA7yKX4/9d+AnTE3Ra2t5V8gAQ=
        example.com/d v1.0.0 h1:aaaa
        example.com/d v1.0.0/go.mod h1:bbbb
        example.com/e v1.0.0 h1:cccc
        example.com/e v1.0.0/go.mod h1:dddd
        example.com/t v1.0.0 h1:S6vXJUaYtVe9GjjgVXPlpq/2hBGGQ6HJWKMvFlhkL/M=
        example.com/t v1.0.0/go.mod h1:xReprJEA9wnanRT+pt7bqVYBqzl/l9Hu7SniszpRmVA=

        """;

    public static TheoryData<string, string, string> Cases => new()
    {
        { "requirement swapped", "module example.com/m\n\ngo 1.17\n\nrequire example.com/unused v1.0.0\n",
            "module example.com/m\n\ngo 1.17\n\nrequire example.com/a v1.0.0\n\nrequire example.com/b v1.0.0 // indirect\n" },
        { "go.sum lines dropped far apart", GoSum, string.Join("\n", GoSum.Split('\n').Where(l => !l.StartsWith("example.com/a ", StringComparison.Ordinal) && !l.StartsWith("example.com/t ", StringComparison.Ordinal))) },
        { "go.sum line added in the middle", GoSum, GoSum.Replace("example.com/d v1.0.0 h1:aaaa\n", "example.com/c v1.1.0/go.mod h1:zzzz\nexample.com/d v1.0.0 h1:aaaa\n", StringComparison.Ordinal) },
        { "new go.sum", "", GoSum },
        { "go.sum emptied", GoSum, "" },
        { "go line added to a file without a final newline", "module example.com/m\n\nrequire example.com/a v1.0.0", "module example.com/m\n\ngo 1.19\n\nrequire example.com/a v1.0.0\n" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Hunks_are_gnu_diff_u_hunks(string what, string oldText, string newText)
    {
        using var tmp = new TempDirectory("udiff");
        var a = tmp.Combine("a");
        var b = tmp.Combine("b");
        File.WriteAllText(a, oldText);
        File.WriteAllText(b, newText);
        var gnu = ProcessRunner.Run("diff", ["-u", "--label", "current/go.sum", "--label", "tidy/go.sum", a, b], tmp.Path, new Dictionary<string, string?>());
        gnu.ExitCode.ShouldBe(1, gnu.StdErr);
        var expected = "diff current/go.sum tidy/go.sum\n" + Regex.Replace(gnu.StdOut, @"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@$",
            m => $"@@ -{m.Groups[1].Value},{(m.Groups[2].Success ? m.Groups[2].Value : "1")} +{m.Groups[3].Value},{(m.Groups[4].Success ? m.Groups[4].Value : "1")} @@",
            RegexOptions.Multiline);

        UnifiedDiff.Diff("current/go.sum", oldText, "tidy/go.sum", newText).ShouldBe(expected, what);
    }

    [Fact]
    public void Equal_texts_have_no_diff() => UnifiedDiff.Diff("a", "x\n", "b", "x\n").ShouldBe("");
}
