using GoMod.Core.Imports;

namespace GoMod.Core.Tests.Imports;

/// <summary>GoImportComments and GoImportCommentsExempt decide each package's severity.</summary>
public sealed class ImportCommentPolicyTests
{
    [Fact]
    public void Unset_means_errors_for_the_main_module_and_warnings_for_dependencies()
    {
        var policy = new ImportCommentPolicy("", "");
        policy.For("example.com/m", mainModule: true).ShouldBe(ImportCommentSeverity.Error);
        policy.For("github.com/rsc/pdf", mainModule: false).ShouldBe(ImportCommentSeverity.Warning);
    }

    [Theory]
    [InlineData("error", ImportCommentSeverity.Error)]
    [InlineData("warning", ImportCommentSeverity.Warning)]
    [InlineData("none", ImportCommentSeverity.None)]
    public void An_explicit_setting_applies_to_every_module(string setting, ImportCommentSeverity severity)
    {
        var policy = new ImportCommentPolicy(setting, null);
        policy.For("example.com/m", mainModule: true).ShouldBe(severity);
        policy.For("github.com/rsc/pdf", mainModule: false).ShouldBe(severity);
    }

    [Theory]
    [InlineData("github.com/rsc", "github.com/rsc/pdf", true)]
    [InlineData("github.com/rsc/pdf", "github.com/rsc/pdf/v2", true)]
    [InlineData("*.corp.example", "git.corp.example/team/lib", true)]
    [InlineData("example.com/x;github.com/*/pdf", "github.com/rsc/pdf", true)]
    [InlineData("example.com/x, github.com/*/pdf", "github.com/rsc/pdf", true)]
    [InlineData("github.com/rs", "github.com/rsc/pdf", false)]
    [InlineData("[", "github.com/rsc/pdf", false)]
    public void Exempt_patterns_match_module_path_prefixes_as_GOPRIVATE_does(string exempt, string module, bool exempted) =>
        new ImportCommentPolicy("error", exempt).For(module, mainModule: false)
            .ShouldBe(exempted ? ImportCommentSeverity.None : ImportCommentSeverity.Error);

    [Fact]
    public void An_unknown_setting_is_refused() =>
        Should.Throw<ArgumentException>(() => new ImportCommentPolicy("fatal", ""));
}
