using System.Text.RegularExpressions;
using GoMod.Core.ModFile;
using GoMod.Core.Vcs;

namespace GoMod.Tasks.Tests;

/// <summary>URL passwords travel redacted between the targets and the tasks; the task resolves the real value from where it came from.</summary>
public sealed class GoSettingsTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Theory]
    [InlineData("http://user:secret@host", "http://user:xxxxx@host")]
    [InlineData("https://u:p@a.example/path,http://v:q@b.example|direct", "https://u:xxxxx@a.example/path,http://v:xxxxx@b.example|direct")]
    [InlineData("sum.example+key https://u:p%40ss@sum.example", "sum.example+key https://u:xxxxx@sum.example")]
    [InlineData("https://token@host", "https://token@host")]
    [InlineData("https://proxy.golang.org,direct", "https://proxy.golang.org,direct")]
    [InlineData("off", "off")]
    [InlineData("", "")]
    public void Redact_replaces_every_url_password_as_go_prints_it(string value, string redacted) =>
        GoSettings.Redact(value).ShouldBe(redacted);

    [Fact]
    public void Redacted_global_property_resolves_to_its_real_value_and_wins_over_the_environment()
    {
        var globals = new Dictionary<string, string> { ["GOPROXY"] = "http://user:secret@host" };

        GoSettings.Resolve("http://user:xxxxx@host", "GoProxy", "GOPROXY", globals, _ => "http://user:other@host")
            .ShouldBe("http://user:secret@host");
    }

    [Fact]
    public void Redacted_environment_value_resolves_to_the_environment_variable()
    {
        GoSettings.Resolve("http://user:xxxxx@host", "GoProxy", "GOPROXY", null, n => n == "GOPROXY" ? "http://user:secret@host" : null)
            .ShouldBe("http://user:secret@host");
    }

    [Fact]
    public void Value_that_matches_no_source_is_used_as_passed()
    {
        GoSettings.Resolve("http://user:xxxxx@host", "GoProxy", "GOPROXY", new Dictionary<string, string> { ["GoProxy"] = "http://user:secret@elsewhere" }, NoEnvironment)
            .ShouldBe("http://user:xxxxx@host");
        GoSettings.Resolve("file:///proxy", "GoProxy", "GOPROXY", null, _ => "https://proxy.golang.org").ShouldBe("file:///proxy");
    }

    [Fact]
    public void FromEnvironment_takes_the_global_property_else_the_environment_variable()
    {
        Func<string, string?> env = n => n == "GOPROXY" ? "http://user:secret@env" : null;

        GoSettings.FromEnvironment("GoProxy", "GOPROXY", new Dictionary<string, string> { ["goproxy"] = "file:///global" }, env).ShouldBe("file:///global");
        GoSettings.FromEnvironment("GoProxy", "GOPROXY", null, env).ShouldBe("http://user:secret@env");
        GoSettings.FromEnvironment("GoSumDb", "GOSUMDB", null, env).ShouldBe("");
    }

    [Fact]
    public void The_targets_redact_with_the_same_pattern_as_the_tasks()
    {
        var targets = File.ReadAllText(Path.Combine(RepoRoot, "sdk", "Sdk", "GoMod.targets"));

        var pattern = Regex.Match(targets, "<_GoModUserInfoPattern>(.*)</_GoModUserInfoPattern>").Groups[1].Value;

        System.Net.WebUtility.HtmlDecode(pattern).ShouldBe(GoSettings.UserInfoPattern);
        targets.ShouldContain("`$1:xxxxx@`");
        GoSettings.Replacement.ShouldBe("$1:xxxxx@");
    }

    private static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "GoModSdk.sln"))) return dir.FullName;
            throw new DirectoryNotFoundException("repository root");
        }
    }
}
