using GoMod.Core.GoEnv;
using GoMod.Core.WorkFile;
using GoMod.Testing;

namespace GoMod.Core.Tests.WorkFile;

/// <summary>Which go.work applies, against <c>go env GOWORK</c> of go 1.19 run in the same directories.</summary>
public class GoWorkLocatorTests
{
    private static string? GoEnvGoWork(string dir, string home, string? gowork)
    {
        var result = GoOracle.Run(dir, home, new Dictionary<string, string?> { ["GOWORK"] = gowork }, "env", "GOWORK").EnsureSuccess("go env GOWORK");
        var line = result.StdOut.TrimEnd('\n');
        // go env prints GOWORK=off as it is set; off means no go.work.
        return line.Length == 0 || line == "off" ? null : line;
    }

    [GoTheory]
    [InlineData("", "ws/mod/sub")]
    [InlineData("", "ws/mod")]
    [InlineData("", "ws")]
    [InlineData("", "elsewhere")]
    [InlineData("auto", "ws/mod/sub")]
    [InlineData("off", "ws/mod/sub")]
    [InlineData("ABS", "elsewhere")]
    [InlineData("", "ws/inner/deep")]
    public void Finds_the_go_work_go_finds(string gowork, string from)
    {
        using var tmp = new TempDirectory("locate");
        foreach (var d in new[] { "ws/mod/sub", "elsewhere", "ws/inner/deep" }) Directory.CreateDirectory(tmp.Combine(d.Split('/')));
        File.WriteAllText(tmp.Combine("ws", "go.work"), "go 1.19\n");
        File.WriteAllText(tmp.Combine("ws", "inner", "go.work"), "go 1.19\n");
        // A directory named go.work is not a go.work.
        Directory.CreateDirectory(tmp.Combine("ws", "mod", "go.work"));
        var setting = gowork == "ABS" ? tmp.Combine("ws", "go.work") : gowork;
        var dir = tmp.Combine(from.Split('/'));

        var expected = GoEnvGoWork(dir, tmp.Combine("home"), setting.Length == 0 ? null : setting);
        GoWorkLocator.Find(dir, setting).ShouldBe(expected);
    }

    [Fact]
    public void A_relative_GOWORK_is_go_s_error()
    {
        var e = Should.Throw<GoEnvironmentException>(() => GoWorkLocator.Find("/tmp", "rel/go.work"));
        e.Message.ShouldBe("the path provided to GOWORK must be an absolute path");
    }

    [Fact]
    public void The_search_does_not_cross_into_GOROOT()
    {
        using var tmp = new TempDirectory("goroot");
        Directory.CreateDirectory(tmp.Combine("root", "src", "pkg"));
        File.WriteAllText(tmp.Combine("go.work"), "go 1.19\n");
        GoWorkLocator.Find(tmp.Combine("root", "src", "pkg"), "", goRoot: tmp.Combine("root")).ShouldBeNull();
        GoWorkLocator.Find(tmp.Combine("root", "src", "pkg"), "").ShouldBe(tmp.Combine("go.work"));
    }

    [Fact]
    public void GoWork_comes_from_the_property_then_GOWORK_then_the_go_env_file()
    {
        using var tmp = new TempDirectory("gowork-env");
        var envFile = tmp.Write("goenv", "GOWORK=/from/envfile/go.work\n");
        var vars = new Dictionary<string, string?> { ["HOME"] = tmp.Path, ["GOENV"] = envFile };
        string? Get(string k) => vars.GetValueOrDefault(k);

        GoEnvironment.Resolve(new Dictionary<string, string?>(), Get).GoWork.ShouldBe("/from/envfile/go.work");
        vars["GOWORK"] = "off";
        GoEnvironment.Resolve(new Dictionary<string, string?>(), Get).GoWork.ShouldBe("off");
        var env = GoEnvironment.Resolve(new Dictionary<string, string?> { ["GOWORK"] = "/prop/go.work" }, Get);
        env.GoWork.ShouldBe("/prop/go.work");
        GoWorkLocator.Find(tmp.Path, env).ShouldBe("/prop/go.work");
    }
}
