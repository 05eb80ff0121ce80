using GoMod.Core.ModSource;
using GoMod.Core.Reports;
using GoMod.Core.Tests.Mvs;
using GoMod.Testing;

namespace GoMod.Core.Tests.Reports;

/// <summary>
/// Our <c>go mod why [-m] [-vendor]</c> against Debian's go 1.19 on authored graphs served from a file:// proxy: the
/// exit code and the bytes on stdout and stderr must match. go's module cache is filled first (<c>go mod download</c>)
/// so that its output has no <c>go: downloading</c> lines.
/// </summary>
public sealed class ModuleWhyDifferentialTests
{
    [GoTheory]
    [InlineData("tests", "", "example.com/a/y example.com/b example.com/c/t example.com/c/u fmt nonexist.com/z")]
    [InlineData("tests", "", "./sub ./... example.com/m")]
    [InlineData("tests", "-m", "example.com/a example.com/b example.com/c example.com/m nonexist.com/q")]
    [InlineData("tests", "-vendor", "example.com/c/t example.com/b example.com/a/y")]
    [InlineData("tests", "-m -vendor", "example.com/c example.com/b")]
    [InlineData("order", "", "example.com/d/x example.com/d/y example.com/d/w example.com/m/a")]
    [InlineData("order", "-m", "example.com/d")]
    [InlineData("nested", "", "example.com/n/inner/deep example.com/v/v2/win example.com/n/inner/ignored example.com/n/inner fmt example.com/v/v2/other")]
    [InlineData("nested", "-m", "example.com/n example.com/n/inner example.com/v/v2")]
    [InlineData("nested", "-vendor", "example.com/n/inner example.com/n/inner/deep")]
    [InlineData("nested", "-m -vendor", "example.com/n/inner example.com/v/v2")]
    [InlineData("replaced", "", "example.com/s/deep example.com/s/testonly example.com/old/o example.com/r/p")]
    [InlineData("replaced", "-m", "example.com/r example.com/s example.com/old example.com/new")]
    [InlineData("replaced", "-vendor", "example.com/s/testonly")]
    public async Task Go_mod_why_equals_go(string scenario, string flags, string args)
    {
        using var tmp = new TempDirectory("why");
        var (proxy, main) = ProxyScenario.Parse(WhyScenarios.All[scenario]).Materialize(tmp.Path);
        var go = new GoProxyRun(proxy, tmp.Combine("home"));
        go.Run(main, "mod", "download").EnsureSuccess("go mod download");
        var flagList = flags.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var argList = args.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        var goWhy = go.Run(main, ["mod", "why", .. flagList, .. argList]);
        var ours = await ModuleWhy.WhyAsync(main, new DirectoryModuleSource(proxy), argList,
            new WhyOptions { Modules = flagList.Contains("-m"), Vendor = flagList.Contains("-vendor") });

        BuildListDifferentialTests.Compare($"go mod why {flags} {args}", goWhy, ours);
        ours.GoMod.ShouldBeNull();
        ours.GoSum.ShouldBeNull();
    }

    [Fact]
    public async Task A_version_query_with_m_is_go_s_error()
    {
        using var tmp = new TempDirectory("why");
        var (proxy, main) = ProxyScenario.Parse(WhyScenarios.Tests).Materialize(tmp.Path);
        var ours = await ModuleWhy.WhyAsync(main, new DirectoryModuleSource(proxy), ["example.com/a@v1.0.0"], new WhyOptions { Modules = true });
        (ours.ExitCode, ours.StdErr).ShouldBe((1, "go: example.com/a@v1.0.0: 'go mod why' requires a module path, not a version query\n"));
    }
}
