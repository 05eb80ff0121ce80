using System.Text;
using System.Text.RegularExpressions;

namespace GoMod.Core.GoBuild;

/// <summary>
/// Reads what go build prints into typed problems. go prints <c># import/path</c> before the messages of each package,
/// then one <c>file:line:col: message</c> (or <c>file:line: message</c>) per problem, with continuation lines indented
/// by a tab; cgo's C compiler prints the same shape, its warnings as <c>…: warning: …</c>. Everything else
/// (<c>go: …</c>, <c>cgo: …</c>) is the command's own message.
/// </summary>
public static partial class GoBuildOutputParser
{
    /// <summary>
    /// The positioned problems of <paramref name="output"/> (<see cref="GoCompileException"/> for errors,
    /// <see cref="GoCompileWarningException"/> for warnings; relative files resolved against
    /// <paramref name="workingDirectory"/>), and the unpositioned text, one line each.
    /// </summary>
    public static (IReadOnlyList<Exception> Problems, string Other) Parse(string output, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(output);
        var problems = new List<(string File, int Line, int Column, StringBuilder Text, bool Warning, string? Package)>();
        var other = new StringBuilder();
        string? package = null;
        var lastWasProblem = false;
        foreach (var raw in output.Replace("\r\n", "\n").Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0) { lastWasProblem = false; continue; }
            if (line.StartsWith("# ", StringComparison.Ordinal)) { package = line[2..].Trim(); lastWasProblem = false; continue; }
            // The C compiler's excerpt of the source under a message ("    3 | code", "      |   ^~~") repeats what the position says.
            if (lastWasProblem && SourceExcerpt().IsMatch(line)) continue;
            if ((line[0] == '\t' || line.StartsWith("  ", StringComparison.Ordinal)) && lastWasProblem)
            {
                problems[^1].Text.Append(' ').Append(line.Trim());
                continue;
            }
            var m = Positioned().Match(line);
            if (m.Success)
            {
                var text = m.Groups["msg"].Value;
                var kind = m.Groups["kind"].Value;
                if (kind == "note" && problems.Count > 0)
                {
                    problems[^1].Text.Append(" (note: ").Append(text).Append(')');
                    continue;
                }
                problems.Add((Resolve(m.Groups["file"].Value, workingDirectory), int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                    m.Groups["col"].Success ? int.Parse(m.Groups["col"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0,
                    new StringBuilder(text), kind == "warning", package));
                lastWasProblem = true;
                continue;
            }
            lastWasProblem = false;
            other.Append(line).Append('\n');
        }
        var result = problems.Select(p => p.Warning
            ? (Exception)new GoCompileWarningException(p.File, p.Line, p.Column, p.Text.ToString(), p.Package)
            : new GoCompileException(p.File, p.Line, p.Column, p.Text.ToString(), p.Package)).ToList();
        return (result, other.ToString());
    }

    private static string Resolve(string file, string workingDirectory)
    {
        if (Path.IsPathFullyQualified(file)) return file;
        var full = Path.GetFullPath(Path.Combine(workingDirectory, file));
        return full;
    }

    // file:line[:col]: [warning: |error: |note: ]message — the file a Go, C or assembly source (or go.mod), so that
    // "go: downloading x" or a Windows drive letter is not taken for a position.
    [GeneratedRegex(@"^(?<file>(?:[A-Za-z]:)?[^:\t]+?\.(?:go|c|h|s|S|cc|cpp|cxx|hh|hpp|m|f|mod|sum|syso)):(?<line>\d+)(?::(?<col>\d+))?: (?:(?<kind>warning|error|note|fatal error): )?(?<msg>.*)$")]
    private static partial Regex Positioned();

    [GeneratedRegex(@"^\s*\d*\s+\|")]
    private static partial Regex SourceExcerpt();
}
