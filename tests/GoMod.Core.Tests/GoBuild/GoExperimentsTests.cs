using GoMod.Core.GoBuild;
using GoMod.Testing;

namespace GoMod.Core.Tests.GoBuild;

/// <summary>
/// GOEXPERIMENT's <c>goexperiment.*</c> build tags against go 1.19's own (<c>go list -f {{context.ToolTags}}</c> for the
/// same GOARCH and GOEXPERIMENT).
/// </summary>
public sealed class GoExperimentsTests
{
    [GoTheory]
    [InlineData("amd64", "")]
    [InlineData("amd64", "fieldtrack")]
    [InlineData("amd64", "noregabi")] // always on for amd64
    [InlineData("amd64", "none")]
    [InlineData("amd64", ",fieldtrack,,nofieldtrack,staticlockranking")]
    [InlineData("arm64", "boringcrypto,unified")]
    [InlineData("386", "")]
    [InlineData("386", "regabi,heapminimum512kib")] // not supported on 386
    [InlineData("riscv64", "")]
    [InlineData("riscv64", "noregabi")]
    [InlineData("riscv64", "noregabi,regabiwrappers,preemptibleloops")]
    [InlineData("wasm", "none,fieldtrack")]
    public void Tool_tags_are_go_1_19_s(string goarch, string goExperiment)
    {
        var go = GoListToolTags(goarch, goExperiment);
        go.ExitCode.ShouldBe(0, go.StdErr);

        // go list prints no line for an empty result.
        string.Join(" ", GoExperiments.ToolTags(goarch, goExperiment)).ShouldBe(go.StdOut.TrimEnd('\n'));
    }

    /// <summary>
    /// go 1.19 fails every command on an experiment it does not know; a later go's experiment in the environment must
    /// not fail every build, so it is the tag it names (and <c>no</c> it turns off again, <c>none</c> clears it).
    /// </summary>
    [GoFact]
    public void An_experiment_go_1_19_does_not_know_is_the_tag_it_names_where_go_1_19_fails()
    {
        GoListToolTags("amd64", "jsonv2").StdErr.ShouldBe("go: unknown GOEXPERIMENT jsonv2\n");

        GoExperiments.ToolTags("amd64", "jsonv2,fieldtrack,greenteagc,nogreenteagc")
            .ShouldBe(["goexperiment.fieldtrack", "goexperiment.regabiwrappers", "goexperiment.regabiargs", "goexperiment.jsonv2"]);
        GoExperiments.ToolTags("386", "jsonv2,none,synctest").ShouldBe(["goexperiment.synctest"]);
    }

    private static ProcessResult GoListToolTags(string goarch, string goExperiment)
    {
        using var dir = new TempDirectory("goexperiment");
        dir.Write("go.mod", "module example.com/m\n\ngo 1.19\n");
        dir.Write("m.go", "package m\n");
        return GoOracle.Run(dir.Path, dir.Combine("home"), new Dictionary<string, string?> { ["GOARCH"] = goarch, ["GOEXPERIMENT"] = goExperiment },
            "list", "-f", "{{join context.ToolTags \" \"}}", ".");
    }
}
