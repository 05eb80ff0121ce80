using System.Text.RegularExpressions;
using GoMod.Core.Diagnostics;

namespace GoMod.Core.Tests.Diagnostics;

/// <summary>The code table is well-formed and docs/diagnostics.md documents exactly its rows.</summary>
public sealed partial class DiagnosticCodesTests
{
    [Fact]
    public void Codes_are_unique_GOMOD_plus_four_digits_with_errors_below_50_and_warnings_from_50_in_each_hundred()
    {
        DiagnosticCodes.All.Select(d => d.Code).ShouldBeUnique();
        foreach (var d in DiagnosticCodes.All)
        {
            CodePattern().IsMatch(d.Code).ShouldBeTrue(d.Code);
            var withinHundred = int.Parse(d.Code[^2..], System.Globalization.CultureInfo.InvariantCulture);
            (withinHundred < 50 ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning).ShouldBe(d.Severity, d.Code);
            d.Fix.ShouldEndWith(".", customMessage: d.Code);
        }
    }

    [Fact]
    public void All_lists_every_descriptor_field_in_code_order()
    {
        var fields = typeof(DiagnosticCodes).GetFields().Where(f => f.FieldType == typeof(DiagnosticDescriptor)).Select(f => (DiagnosticDescriptor)f.GetValue(null)!);

        DiagnosticCodes.All.ShouldBe(fields.OrderBy(d => d.Code, StringComparer.Ordinal), ignoreOrder: true);
        DiagnosticCodes.All.Select(d => d.Code).ShouldBeInOrder(SortDirection.Ascending, StringComparer.Ordinal);
    }

    [Fact]
    public void Diagnostics_doc_has_one_row_per_code_with_its_severity_and_fix()
    {
        var doc = File.ReadAllText(FindRepoFile("docs/diagnostics.md"));
        var rows = DocRow().Matches(doc).Select(m => (Code: m.Groups[1].Value, Severity: m.Groups[2].Value, Fix: m.Groups[4].Value.Trim())).ToList();

        rows.Select(r => r.Code).ShouldBe(DiagnosticCodes.All.Select(d => d.Code));
        foreach (var (code, severity, fix) in rows)
        {
            var d = DiagnosticCodes.Find(code).ShouldNotBeNull();
            severity.ShouldBe(d.Severity == DiagnosticSeverity.Error ? "error" : "warning", code);
            fix.ShouldBe(d.Fix.Replace("|", "\\|"), code);
        }
    }

    private static string FindRepoFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GoModSdk.sln"))) return Path.Combine([dir.FullName, .. relative.Split('/')]);
        throw new FileNotFoundException(relative);
    }

    [GeneratedRegex("^GOMOD[0-9]{4}$")]
    private static partial Regex CodePattern();

    // | <a id="gomod0001"></a>GOMOD0001 | error | title | fix |
    [GeneratedRegex(@"^\| <a id=""gomod[0-9]{4}""></a>(GOMOD[0-9]{4}) \| (error|warning) \| (.+?) \| (.+?) \|$", RegexOptions.Multiline)]
    private static partial Regex DocRow();
}
