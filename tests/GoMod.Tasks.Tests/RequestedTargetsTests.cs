namespace GoMod.Tasks.Tests;

/// <summary>The restore phase reads the requested targets from the command line, in every form MSBuild accepts.</summary>
public sealed class RequestedTargetsTests
{
    private static readonly string[] Reports = ["GoModVerify", "GoModList", "GoModGraph", "GoModGet"];

    [Theory]
    [InlineData("build x.csproj -t:GoModVerify", "GoModVerify")]
    [InlineData("msbuild -restore /t:GoModList;GoModGraph", "GoModList|GoModGraph")]
    [InlineData("build --target:GoModGraph -v:q", "GoModGraph")]
    [InlineData("build -target:\"GoModVerify,GoModList\" -T:gomodget", "GoModVerify|GoModList|gomodget")]
    [InlineData("build x.csproj -tl:off -p:T=1", "")]
    [InlineData("/nodemode:1 /nodeReuse:false", "")]
    public void Parse_finds_every_target_switch(string commandLine, string expected) =>
        RequestedTargets.Parse(commandLine.Split(' ')).ShouldBe(expected.Split('|', StringSplitOptions.RemoveEmptyEntries));

    [Theory]
    [InlineData("build -t:GoModVerify", true)]
    [InlineData("build -t:gomodlist -t:GoModGraph", true)]
    [InlineData("build -t:Build;GoModList", false)]
    [InlineData("build", false)]
    [InlineData("/nodemode:1", false)]
    public void NamesOnly_is_true_only_when_every_requested_target_is_a_report(string commandLine, bool expected) =>
        RequestedTargets.NamesOnly(commandLine.Split(' '), Reports).ShouldBe(expected);
}
