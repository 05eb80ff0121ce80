using GoMod.Testing;
using GoMod.Core.ModFile;

namespace GoMod.Core.Tests.ModFile;

/// <summary>
/// <c>go mod tidy</c> writes go.mod through SetRequireSeparateIndirect (go 1.17 and later) or SetRequire (earlier)
/// followed by Cleanup. These tests let go tidy a small offline module (its dependencies are directory
/// replacements), read the requirement list go settled on from its output, apply that list to the original text
/// with our API, and compare the texts: the layout decisions (which block a line lands in, which comments stay,
/// how blocks split) must be go's.
/// </summary>
public class TidyLayoutTests
{
    private const string Replaces = """

        replace (
        	example.com/a => ./a
        	example.com/b => ./b
        	example.com/c => ./c
        	example.com/d => ./d
        )

        """;

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    private static readonly Dictionary<string, string> Cases = new()
    {
        ["one_flat_block_is_split_into_direct_and_indirect"] = """
            module example.com/main

            go 1.17

            require (
            	example.com/a v1.0.0
            	example.com/b v1.0.0
            	example.com/c v1.0.0 // indirect
            	example.com/d v1.0.0
            )

            """,
        ["no_requirements_get_two_new_blocks"] = """
            module example.com/main

            go 1.17

            """,
        ["separate_blocks_stay_and_stale_lines_go"] = """
            module example.com/main

            go 1.17

            require (
            	example.com/a v1.0.0
            	example.com/b v1.0.0
            	example.com/d v1.0.0
            )

            require example.com/c v1.0.0 // indirect

            """,
        ["wrong_marks_move_between_the_blocks"] = """
            module example.com/main

            go 1.17

            require (
            	example.com/a v1.0.0
            	example.com/c v1.0.0
            )

            require (
            	example.com/b v1.0.0 // indirect
            	example.com/d v1.0.0 // indirect
            )

            """,
        ["commented_block_keeps_its_lines"] = """
            module example.com/main

            go 1.17

            require (
            	// Pinned for reasons.
            	example.com/a v1.0.0
            	example.com/c v1.0.0 // indirect
            )

            """,
        ["upgraded_version_loses_blank_line_above_it"] = """
            module example.com/main

            go 1.17

            require (
            	example.com/a v1.0.0

            	example.com/c v0.9.0 // indirect; old pin
            )

            require example.com/b v1.0.0 // direct, with a note

            """,
        ["single_lines_are_joined_into_blocks"] = """
            module example.com/main

            go 1.17

            require example.com/a v1.0.0

            require example.com/c v1.0.0 // indirect

            """,
        ["go_1_16_keeps_one_block"] = """
            module example.com/main

            go 1.16

            require (
            	example.com/a v1.0.0
            	example.com/d v1.0.0 // indirect
            )

            """,
    };

    [GoTheory]
    [MemberData(nameof(CaseNames))]
    public void Requirement_layout_after_tidy_equals_go(string name)
    {
        var input = Cases[name] + Replaces;
        using var dir = new TempDirectory("tidy");
        var goOutput = TidyWithGo(dir, input);

        var wanted = GoModFile.Parse("go.mod", goOutput).Require;
        var file = GoModFile.Parse("go.mod", input);
        if (string.CompareOrdinal(file.Go, "1.17") >= 0) file.SetRequireSeparateIndirect(wanted);
        else file.SetRequire(wanted);
        file.Cleanup();
        file.Format().ShouldBe(goOutput);
    }

    /// <summary>
    /// Go 1.27's tidy of a go 1.27 module (golang/go#56471; no installed go is that new): the same requirements as go
    /// 1.19's layout gives them, now in at most one direct and one indirect block, with every comment of the input kept.
    /// </summary>
    [GoTheory]
    [MemberData(nameof(CaseNames))]
    public void Go_1_27_layout_has_go_s_requirements_in_at_most_two_blocks_and_loses_no_comment(string name)
    {
        var input = Cases[name] + Replaces;
        using var dir = new TempDirectory("tidy127");
        var goOutput = TidyWithGo(dir, input);
        var wanted = GoModFile.Parse("go.mod", goOutput).Require;
        var file = GoModFile.Parse("go.mod", input);

        file.SetRequireAtMostTwo(wanted);
        file.Cleanup();
        var text = file.Format();

        GoModFile.Parse("go.mod", text).Require.OrderBy(r => r.Path, StringComparer.Ordinal)
            .ShouldBe(wanted.OrderBy(r => r.Path, StringComparer.Ordinal));
        var statements = RequireStatements(text);
        statements.Count.ShouldBeLessThanOrEqualTo(2, text);
        statements.ShouldAllBe(block => block.All(l => l.Contains("// indirect")) || block.All(l => !l.Contains("// indirect")), text);
        if (statements.Count == 2) statements[0].ShouldAllBe(l => !l.Contains("// indirect"), "the direct block comes first");
        Comments(text).ShouldBe(Comments(input), ignoreOrder: true);
    }

    [Fact]
    public void Go_1_27_layout_keeps_each_block_comment_above_the_block_its_requirements_went_to()
    {
        var file = GoModFile.Parse("go.mod", """
            module example.com/main

            go 1.27

            require example.com/a v1.0.0

            // Reviewed by the platform team.
            require (
            	example.com/b v1.0.0
            	example.com/c v1.0.0 // indirect
            )

            // Test helpers.
            require example.com/d v1.0.0 // pinned: v1.1.0 breaks us

            // Only pulled in by a.
            require (
            	example.com/e v1.0.0 // indirect
            )

            // Nothing left here after tidy.
            require (
            	example.com/gone v1.0.0
            )

            """);

        file.SetRequireAtMostTwo([new("example.com/a", "v1.0.0"), new("example.com/b", "v1.1.0"), new("example.com/c", "v1.0.0", Indirect: true),
            new("example.com/d", "v1.0.0"), new("example.com/e", "v1.0.0", Indirect: true), new("example.com/f", "v1.0.0", Indirect: true)]);
        file.Cleanup();

        // A block with a requirement that stays direct gives its comment to the direct block, any other block with
        // lines (only indirect ones, or only lines tidy drops) to the indirect block; a single require line keeps its
        // comment on its line. Several comments are parted by an empty "//".
        file.Format().ShouldBe("""
            module example.com/main

            go 1.27

            // Reviewed by the platform team.
            require (
            	example.com/a v1.0.0
            	example.com/b v1.1.0
            	// Test helpers.
            	example.com/d v1.0.0 // pinned: v1.1.0 breaks us
            )

            // Only pulled in by a.
            //
            // Nothing left here after tidy.
            require (
            	example.com/c v1.0.0 // indirect
            	example.com/e v1.0.0 // indirect
            	example.com/f v1.0.0 // indirect
            )

            """);
    }

    /// <summary>go mod tidy of <paramref name="input"/> in a main module importing a and b (a imports c), every dependency a directory replacement; go's go.mod.</summary>
    private static string TidyWithGo(TempDirectory dir, string input)
    {
        dir.Write("go.mod", input);
        dir.Write("main.go", "package main\n\nimport (\n\t_ \"example.com/a\"\n\t_ \"example.com/b\"\n)\n\nfunc main() {}\n");
        dir.Write("a/go.mod", "module example.com/a\n\ngo 1.17\n\nrequire example.com/c v1.0.0\n");
        dir.Write("a/a.go", "package a\n\nimport _ \"example.com/c\"\n");
        foreach (var m in new[] { "b", "c", "d" })
        {
            dir.Write($"{m}/go.mod", $"module example.com/{m}\n\ngo 1.17\n");
            dir.Write($"{m}/{m}.go", $"package {m}\n");
        }
        var tidy = GoOracle.Run(dir.Path, dir.Path, null, "mod", "tidy");
        tidy.ExitCode.ShouldBe(0, tidy.Combined);
        return ModFileTestData.ReadExact(dir.Combine("go.mod"));
    }

    /// <summary>Each require statement (a line or a block) as its requirement lines.</summary>
    private static List<List<string>> RequireStatements(string text)
    {
        var result = new List<List<string>>();
        List<string>? block = null;
        foreach (var line in text.Split('\n'))
        {
            if (block is not null)
            {
                if (line == ")") block = null;
                else if (line.StartsWith("\texample.com/", StringComparison.Ordinal)) block.Add(line);
            }
            else if (line == "require (") result.Add(block = []);
            else if (line.StartsWith("require ", StringComparison.Ordinal)) result.Add([line]);
        }
        return result;
    }

    /// <summary>The comments of a go.mod text other than indirect marks and the empty "//" that parts merged block comments.</summary>
    private static List<string> Comments(string text) =>
        [.. text.Split('\n').Select(l => l.IndexOf("//", StringComparison.Ordinal) is var i and >= 0 ? l[i..].Trim() : null)
            .OfType<string>().Where(c => c != "//" && c != "// indirect")];
}

