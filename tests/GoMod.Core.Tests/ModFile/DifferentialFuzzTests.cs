using System.Text;
using System.Text.RegularExpressions;
using GoMod.Testing;
using GoMod.Core.ModFile;
using GoMod.Core.Semver;

namespace GoMod.Core.Tests.ModFile;

/// <summary>
/// Seeded mutations of the Go 1.19-checkable corpus, each given to <c>go mod edit -fmt</c> and to us: when go
/// accepts the file our <see cref="GoModFile.Format"/> must equal its output byte for byte, when go rejects it our
/// error text must equal go's. Differences that exist by design (today's go accepts more, or words a message
/// differently, than the Go 1.19 oracle) are normalized or skipped, and counted.
/// </summary>
public partial class DifferentialFuzzTests
{
    private const int Cases = 200;

    private static readonly string[] Fragments =
    [
        "\"", "`", "'", "(", ")", "(\n", "\n)", "[", "]", ",", "//", "// c\n", "\n", "\r", "\t", "\\", "=>", "require",
        "replace", "retract", "module", "exclude", "v1.0.0", "v2.0.0+incompatible", "[v1.0.0, v1.1.0]", "é",
        "\"\\x41\"", "// indirect", "// Deprecated: x\n", "./x", "/v2", " ", "\n\n", "go",
    ];

    private static readonly string[] WholeLines =
        ["// c", "", "\t// in", "  ", "//", ")", "require (", "\texample.com/q v1.0.0 // indirect", "exclude example.com/q v1.0.0"];

    private static string Mutate(Random random, string text)
    {
        var sb = new StringBuilder(text);
        for (int m = 0, count = 1 + random.Next(3); m < count; m++)
        {
            var at = random.Next(sb.Length + 1);
            var lines = sb.ToString().Split('\n').ToList();
            var line = random.Next(lines.Count);
            switch (random.Next(9))
            {
                case 0: sb.Insert(at, Fragments[random.Next(Fragments.Length)]); continue;
                case 1 when sb.Length > 0: sb.Remove(Math.Min(at, sb.Length - 1), 1); continue;
                case 2: sb.Insert(at, (char)random.Next(0x20, 0x7F)); continue;
                case 3: lines.Insert(line, WholeLines[random.Next(WholeLines.Length)]); break;
                case 4: var other = random.Next(lines.Count); (lines[line], lines[other]) = (lines[other], lines[line]); break;
                case 5: lines.Insert(line, lines[random.Next(lines.Count)]); break;
                case 6: lines[line] += new[] { " // s", "//t", " \t", "\r" }[random.Next(4)]; break;
                case 7: lines[line] = new[] { " ", "\t", "\t\t", "" }[random.Next(4)] + lines[line].TrimStart(); break;
                default:
                    if (sb.Length > 0)
                    {
                        var start = Math.Min(at, sb.Length - 1);
                        sb.Remove(start, Math.Min(sb.Length - start, random.Next(6)));
                    }
                    continue;
            }
            sb.Clear().Append(string.Join('\n', lines));
        }
        return sb.ToString();
    }

    [GeneratedRegex(@"invalid go version '([^']*)'")]
    private static partial Regex GoVersionError();

    [GeneratedRegex(@"=>\s*(\.|\.\.)\s*(\n|$|//)")]
    private static partial Regex DotReplacement();

    /// <summary>Our texts in Go 1.19's words, where only the wording changed since.</summary>
    private static string AsGo119(string ours) => ours
        .Replace("must match format 1.23.0", "must match format 1.23")
        .Replace("(rooted or starting with . or ..)", "(rooted or starting with ./ or ../)");

    /// <summary>
    /// Whether a difference is one of today's go on purpose: go lines Go 1.19 cannot read (<c>1.21.0</c>,
    /// <c>1.21rc1</c>), go lines from 1.21 on (exclude blocks sort semantically), <c>.</c> and <c>..</c> as
    /// replacement directories, and the newer message for <c>path@version</c> replacements.
    /// </summary>
    private static bool IsByDesign(string input, string goResult, string ours)
    {
        foreach (Match m in GoVersionError().Matches(goResult))
            if (Regex.IsMatch(m.Groups[1].Value, @"^([1-9][0-9]*)\.(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))?([a-z]+[0-9]+)?$")) return true;
        if (DotReplacement().IsMatch(input)) return true;
        if (ours.Contains("not 'path@version'", StringComparison.Ordinal)) return true;
        try
        {
            var go = GoModFile.Parse("go.mod", input).Go;
            return go is not null && SemVer.Compare("v" + go, "v1.21") >= 0;
        }
        catch (ModFileParseException)
        {
            return false;
        }
    }

    [GoFact]
    public void Mutated_files_format_or_fail_exactly_as_go_mod_edit_fmt_does()
    {
        var corpus = new List<string>();
        foreach (var folder in new[] { "canonical", "messy", "errors" })
            foreach (var name in ModFileTestData.Names(folder))
                corpus.Add(ModFileTestData.Read(folder, name));

        var random = new Random(1906);
        int accepted = 0, byDesign = 0;
        var failures = new List<string>();
        for (var i = 0; i < Cases; i++)
        {
            var input = Mutate(random, corpus[random.Next(corpus.Count)]);
            var go = GoModEdit.Run(input, "-fmt");
            var goResult = go.ExitCode == 0 ? "formats as:\n" + go.GoMod : "fails with:\n" + go.Errors;
            string ours;
            try
            {
                ours = "formats as:\n" + GoModFile.Parse("go.mod", input).Format();
            }
            catch (ModFileParseException e)
            {
                ours = "fails with:\n" + AsGo119(e.Message);
            }
            if (go.ExitCode == 0) accepted++;
            if (ours == goResult) continue;
            if (IsByDesign(input, goResult, ours))
            {
                byDesign++;
                continue;
            }
            failures.Add($"input {System.Text.Json.JsonSerializer.Serialize(input)}\n go {goResult}\n us {ours}");
        }

        failures.ShouldBeEmpty(string.Join("\n\n", failures));
        accepted.ShouldBeGreaterThan(Cases / 10, "the mutations must leave enough files valid to compare formatting");
        byDesign.ShouldBeLessThan(Cases / 5);
    }
}
