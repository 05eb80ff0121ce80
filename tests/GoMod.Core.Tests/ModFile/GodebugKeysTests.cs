using System.Text.RegularExpressions;
using GoMod.Core.ModFile;
using GoMod.Testing;

namespace GoMod.Core.Tests.ModFile;

/// <summary>
/// The godebug keys and values a main module's go.mod or go.work may name (go 1.23's <c>modload.CheckGodebug</c>),
/// checked against the table of the installed go 1.23.
/// </summary>
public sealed class GodebugKeysTests
{
    [LaterGoFact]
    public void Every_key_of_the_installed_later_go_is_known()
    {
        // internal/godebugs/table.go of the later go the differential tests run (a commented-out entry is no key).
        var table = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(LaterGoOracle.Path!)!)!, "src", "internal", "godebugs", "table.go");
        var keys = File.ReadAllLines(table)
            .Where(l => l.TrimStart().StartsWith("{Name:", StringComparison.Ordinal))
            .Select(l => Regex.Match(l, "Name: \"([^\"]+)\"").Groups[1].Value)
            .ToList();

        keys.Count.ShouldBeGreaterThan(20);
        keys.Where(k => !GodebugKeys.IsKnown(k)).ShouldBeEmpty();
        GodebugKeys.IsKnown("multipartfiles").ShouldBeFalse(); // commented out in every table
    }

    [Theory]
    [InlineData("panicnil", "1", "1.23", null)]
    [InlineData("containermaxprocs", "0", "1.22", null)] // go 1.25's key: a go that knows it may build this module
    [InlineData("x509sha1", "1", "1.23", null)] // removed in go 1.24; go 1.23 knows it
    [InlineData("foo", "1", "1.23", "unknown godebug \"foo\"")]
    [InlineData("foo", "1", "", "unknown godebug \"foo\"")]
    [InlineData("foo", "1", "1.26.2", "unknown godebug \"foo\"")]
    [InlineData("foo", "1", "1.27", null)] // built by go 1.27 or later, whose keys the table may not list
    [InlineData("default", "go1.21", "1.23", null)]
    [InlineData("default", "go1.21rc1", "1.23", null)]
    [InlineData("default", "go1.99", "1.23", null)] // "too new" depends on the toolchain: left to go
    [InlineData("default", "1.21", "1.23", "value for default= must be goVERSION")]
    [InlineData("default", "go", "1.23", "value for default= must be goVERSION")]
    [InlineData("default", "gofoo", "1.27", "value for default= must be goVERSION")]
    public void A_setting_is_refused_only_when_every_go_that_can_build_the_module_refuses_it(string key, string value, string go, string? problem) =>
        GodebugKeys.Problem(key, value, go).ShouldBe(problem);

    [Fact]
    public void Errors_name_each_refused_line_in_file_order()
    {
        var file = GoModFile.Parse("go.mod", "module example.com/m\n\ngo 1.23\n\ngodebug foo=1\ngodebug (\n\tpanicnil=1\n\tbar=2\n)\ngodebug default=x\n");

        GodebugKeys.Check("go.mod", file).Select(e => e.ToString()).ShouldBe([
            "go.mod:5: unknown godebug \"foo\"",
            "go.mod:8: unknown godebug \"bar\"",
            "go.mod:10: value for default= must be goVERSION",
        ]);
    }
}
