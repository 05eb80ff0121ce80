using GoMod.Core.GoBuild;
using GoMod.Core.GoEnv;
using GoMod.Testing;

namespace GoMod.Core.Tests.GoBuild;

/// <summary>
/// GOEXPERIMENT's <c>goexperiment.*</c> build tags against go 1.19's own (<c>go list -f {{context.ToolTags}}</c> for the
/// same GOARCH and GOEXPERIMENT), and its errors against go's.
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
    [InlineData("amd64", "bogus")]
    [InlineData("amd64", "nobogus")]
    [InlineData("amd64", "FieldTrack")]
    [InlineData("riscv64", "noregabiwrappers")]
    public void Tool_tags_and_errors_are_go_1_19_s(string goarch, string goExperiment)
    {
        using var dir = new TempDirectory("goexperiment");
        dir.Write("go.mod", "module example.com/m\n\ngo 1.19\n");
        dir.Write("m.go", "package m\n");
        var go = GoOracle.Run(dir.Path, dir.Combine("home"), new Dictionary<string, string?> { ["GOARCH"] = goarch, ["GOEXPERIMENT"] = goExperiment },
            "list", "-f", "{{join context.ToolTags \" \"}}", ".");

        string ours;
        try
        {
            ours = string.Join(" ", GoExperiments.ToolTags(goarch, goExperiment));
        }
        catch (GoEnvironmentException e)
        {
            e.Setting.ShouldBe("GOEXPERIMENT");
            ours = "go: " + e.Message;
        }

        // go list prints no line for an empty result.
        ours.ShouldBe((go.ExitCode == 0 ? go.StdOut : go.StdErr).TrimEnd('\n'));
    }
}
