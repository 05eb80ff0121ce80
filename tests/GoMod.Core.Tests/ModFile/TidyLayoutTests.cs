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
        var goOutput = ModFileTestData.ReadExact(dir.Combine("go.mod"));

        var wanted = GoModFile.Parse("go.mod", goOutput).Require;
        var file = GoModFile.Parse("go.mod", input);
        if (string.CompareOrdinal(file.Go, "1.17") >= 0) file.SetRequireSeparateIndirect(wanted);
        else file.SetRequire(wanted);
        file.Cleanup();
        file.Format().ShouldBe(goOutput);
    }
}
