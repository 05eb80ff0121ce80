using GoMod.Testing;
using GoMod.Core.Fetch;
using GoMod.Core.Internal;
using GoMod.Core.ModLoad;
using GoMod.Core.ModSource;
using GoMod.Core.ModSummaries;
using GoMod.Core.Reports;

namespace GoMod.Core.Tests.Mvs;

/// <summary>Rules of the MVS folder checked directly (the differential tests check them against go).</summary>
public class MvsRuleTests
{
    [Theory]
    [InlineData("2020-01-01T00:00:00Z", "2020-01-01T00:00:00Z")]
    [InlineData("2020-01-01T00:00:00+00:00", "2020-01-01T00:00:00Z")]
    [InlineData("2021-06-30T12:34:56.120000Z", "2021-06-30T12:34:56.12Z")]
    [InlineData("2021-06-30T12:34:56.1234567+02:00", "2021-06-30T12:34:56.1234567+02:00")]
    [InlineData("2021-06-30T12:34:56-07:30", "2021-06-30T12:34:56-07:30")]
    public void Json_time_is_rfc3339_with_trimmed_nanoseconds_and_Z_for_zero_offset(string input, string expected) =>
        GoJson.Time(DateTimeOffset.Parse(input, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expected);

    [Fact]
    public void Json_strings_escape_html_characters_as_go_does()
    {
        var b = new System.Text.StringBuilder();
        new GoJson(b).String("a<b>&\"\\\n\u0001\u2028é");
        b.ToString().ShouldBe("\"a\\u003cb\\u003e\\u0026\\\"\\\\\\n\\u0001\\u2028é\"");
    }

    [Theory]
    [InlineData("  broken release  \nmore text", "broken release")]
    [InlineData("", "retracted by module author")]
    [InlineData("bell\u0007", "(message omitted: contains non-printable characters)")]
    public void Short_messages_keep_the_first_trimmed_line_or_a_fixed_text(string message, string expected) =>
        DisallowedVersionException.ShortMessage(message, "retracted by module author").ShouldBe(expected);

    [Fact]
    public void Short_messages_longer_than_500_bytes_are_omitted() =>
        DisallowedVersionException.ShortMessage(new string('x', 501), "").ShouldBe("(message omitted: too long)");

    [Theory]
    [InlineData("example.com/...", "example.com", true)]
    [InlineData("example.com/...", "example.com/a/b", true)]
    [InlineData("example.com/...", "example.company", false)]
    [InlineData("example.com/l...", "example.com/lib", true)]
    [InlineData("example.com/l...", "example.com/x", false)]
    [InlineData("x/...", "x/vendor/y", false)]
    [InlineData("x/vendor/...", "x/vendor/y", true)]
    public void Patterns_match_module_paths_as_go_list_matches_them(string pattern, string path, bool matches) =>
        ModuleLister.MatchPattern(pattern)(path).ShouldBe(matches);

    [Fact]
    public void List_lines_show_replacement_upgrade_retraction_and_deprecation()
    {
        var m = new ModuleInfo
        {
            Path = "example.com/a",
            Version = "v1.0.0",
            Retracted = ["bad"],
            Update = new ModuleInfo { Path = "example.com/a", Version = "v1.2.0" },
            Deprecated = "use b",
            Replace = new ModuleInfo { Path = "../a" },
        };
        m.ToString().ShouldBe("example.com/a v1.0.0 (retracted) [v1.2.0] (deprecated) => ../a");
    }

    [Theory]
    [InlineData("1.17", "1.17")]
    [InlineData("1.21.0", "1.21")]
    [InlineData("1.21rc1", "1.21")]
    [InlineData("v1.18.2", "1.18")]
    public void Dependency_go_lines_are_read_as_go_1_19_reads_them(string line, string version) =>
        ModSummaryReader.Go119Version(line).ShouldBe(version);

    [Fact]
    public void Require_lines_are_found_in_single_lines_and_blocks()
    {
        var lines = MainModFixer.RequireLines("module m\n\nrequire example.com/a v1.0.0\n\nrequire (\n\t\"example.com/b\" v1.0.0 // c\n)\n");
        lines["example.com/a"].ShouldBe((3, 1));
        lines["example.com/b"].ShouldBe((6, 2));
    }

    [Fact]
    public async Task A_graph_error_points_at_the_go_mod_line_that_requires_its_chain()
    {
        using var tmp = new TempDirectory("mvs-loc");
        var (proxy, main) = ProxyScenario.Parse("""
            -- go.mod --
            module example.com/main

            go 1.16

            require (
            	example.com/ok v1.0.0
            	example.com/a v1.0.0
            )
            -- example.com/ok@v1.0.0 --
            -- example.com/a@v1.0.0 --
            require example.com/b v1.0.0
            """).Materialize(tmp.Path);
        var result = await ModuleReports.GraphAsync(main, new DirectoryModuleSource(proxy));
        result.ExitCode.ShouldBe(1);
        result.StdErr.ShouldStartWith("go: example.com/a@v1.0.0 requires\n\texample.com/b@v1.0.0: reading file://");
        result.ErrorLocation.ShouldBe((Path.Combine(main, "go.mod"), 7, 2));
    }

    [Fact]
    public async Task Directory_source_reports_a_missing_version_as_not_found_with_gos_wording()
    {
        using var tmp = new TempDirectory("mvs-src");
        var source = new DirectoryModuleSource(tmp.Path);
        var e = await Should.ThrowAsync<ModuleNotFoundException>(() => source.GetGoModAsync("example.com/Up", "v1.0.0", default));
        e.IsNotFound.ShouldBeTrue();
        e.Message.ShouldBe($"example.com/Up@v1.0.0: reading {new Uri(tmp.Path + "/").AbsoluteUri}example.com/!up/@v/v1.0.0.mod: no such file or directory");
    }
}
