namespace GoMod.Core.Restore;

/// <summary>
/// Interim go.mod reader used by <see cref="ModuleRestorer"/> until GoMod.Core.ModFile.GoModFile lands: just enough of
/// the syntax (module, go, require, replace, exclude, blocks, comments, quoting) to publish the main module's
/// requirements with positioned errors. Other directives are accepted and skipped. To be deleted when GoModFile is
/// merged; its shape (positions on every requirement) is what the restorer needs from GoModFile.
/// </summary>
internal sealed class InterimModFile
{
    internal sealed record Require(string Path, string Version, bool Indirect, int Line, int Column);

    internal sealed record Replace(string OldPath, string OldVersion, string NewPath, string NewVersion, int Line, int Column);

    internal sealed record ParseError(int Line, int Column, string Message);

    private static readonly HashSet<string> KnownDirectives =
        ["module", "go", "toolchain", "godebug", "require", "exclude", "replace", "retract", "tool", "ignore"];

    public string ModulePath { get; private set; } = "";
    public int ModuleLine { get; private set; }
    public string GoVersion { get; private set; } = "";
    public List<Require> Requires { get; } = [];
    public List<Replace> Replaces { get; } = [];
    public List<(string Path, string Version)> Excludes { get; } = [];
    public List<ParseError> Errors { get; } = [];

    public static InterimModFile Parse(string text)
    {
        var file = new InterimModFile();
        string? block = null;
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var (tokens, comment) = Tokenize(lines[i], i + 1, file.Errors);
            if (tokens.Count == 0) continue;
            if (block is not null)
            {
                if (tokens[0].Text == ")") { block = null; continue; }
                file.Directive(block, tokens, comment, i + 1, tokens[0].Column);
                continue;
            }
            var verb = tokens[0].Text;
            if (!KnownDirectives.Contains(verb))
            {
                file.Errors.Add(new(i + 1, tokens[0].Column, $"unknown directive: {verb}"));
                continue;
            }
            if (tokens.Count == 2 && tokens[1].Text == "(") { block = verb; continue; }
            file.Directive(verb, tokens.Skip(1).ToList(), comment, i + 1, tokens[0].Column);
        }
        return file;
    }

    private void Directive(string verb, List<(string Text, int Column)> args, string comment, int line, int column)
    {
        switch (verb)
        {
            case "module":
                if (args.Count != 1) { Errors.Add(new(line, column, "usage: module module/path")); return; }
                if (ModulePath.Length > 0) { Errors.Add(new(line, column, "repeated module statement")); return; }
                ModulePath = args[0].Text;
                ModuleLine = line;
                break;
            case "go":
                if (args.Count != 1) { Errors.Add(new(line, column, "usage: go 1.23")); return; }
                GoVersion = args[0].Text;
                break;
            case "require":
                if (args.Count != 2) { Errors.Add(new(line, column, "usage: require module/path v1.2.3")); return; }
                var indirect = comment.Trim() == "indirect" || comment.TrimStart().StartsWith("indirect;", StringComparison.Ordinal);
                Requires.Add(new(args[0].Text, args[1].Text, indirect, line, column));
                break;
            case "exclude":
                if (args.Count != 2) { Errors.Add(new(line, column, "usage: exclude module/path v1.2.3")); return; }
                Excludes.Add((args[0].Text, args[1].Text));
                break;
            case "replace":
                var arrow = args.FindIndex(a => a.Text == "=>");
                if (arrow is not (1 or 2) || args.Count - arrow - 1 is not (1 or 2))
                {
                    Errors.Add(new(line, column, "usage: replace module/path [v1.2.3] => other/module v1.4\n\t or replace module/path [v1.2.3] => ../local/directory"));
                    return;
                }
                Replaces.Add(new(args[0].Text, arrow == 2 ? args[1].Text : "", args[arrow + 1].Text,
                    args.Count - arrow - 1 == 2 ? args[^1].Text : "", line, column));
                break;
        }
    }

    private static (List<(string Text, int Column)> Tokens, string Comment) Tokenize(string line, int lineNo, List<ParseError> errors)
    {
        var tokens = new List<(string, int)>();
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            if (c is ' ' or '\t' or '\r') { i++; continue; }
            if (c == '/' && i + 1 < line.Length && line[i + 1] == '/') return (tokens, line[(i + 2)..]);
            var start = i;
            if (c is '"' or '`')
            {
                var sb = new System.Text.StringBuilder();
                i++;
                while (i < line.Length && line[i] != c)
                {
                    if (c == '"' && line[i] == '\\' && i + 1 < line.Length) i++;
                    sb.Append(line[i++]);
                }
                if (i >= line.Length) { errors.Add(new(lineNo, start + 1, "unterminated quoted string")); return (tokens, ""); }
                i++;
                tokens.Add((sb.ToString(), start + 1));
                continue;
            }
            while (i < line.Length && line[i] is not (' ' or '\t' or '\r') && !(line[i] == '/' && i + 1 < line.Length && line[i + 1] == '/')) i++;
            tokens.Add((line[start..i], start + 1));
        }
        return (tokens, "");
    }
}
