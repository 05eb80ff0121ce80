namespace GoMod.Core.ModFile;

/// <summary>
/// go.work files share go.mod's syntax, parser, printer and edits (x/mod's <c>ParseWork</c> over the same
/// <c>FileSyntax</c>); these are the parts only a go.work has. <c>GoMod.Core.WorkFile.GoWorkFile</c> is the public face.
/// </summary>
public sealed partial class GoModFile
{
    private bool _work;
    private readonly List<PathEntry> _use = [];

    /// <summary>
    /// Parses a go.work: only <c>go</c>, <c>toolchain</c>, <c>godebug</c>, <c>use</c> and <c>replace</c> (the last three
    /// also in blocks); anything else is <c>unknown directive</c> or <c>unknown block type</c>. Throws
    /// <see cref="ModFileParseException"/> with every error at its line and column.
    /// </summary>
    internal static GoModFile ParseWork(string fileName, string text) => ParseFile(fileName, text, strict: true, work: true);

    /// <summary>An empty go.work (as <c>go work init</c> starts from).</summary>
    internal static GoModFile CreateEmptyWork(string fileName)
    {
        var file = CreateEmpty(fileName);
        file._work = true;
        return file;
    }

    /// <summary>The directories of the <c>use</c> directives, in file order, as written (unquoted).</summary>
    internal IReadOnlyList<string> Use => [.. Live(_use).Select(u => u.Path)];

    /// <summary>
    /// x/mod's <c>WorkFile.AddUse</c>: the first <c>use</c> of <paramref name="diskPath"/> is kept (rewritten), later
    /// ones deleted; with none, a line is added to the last use block (a single use line first becomes a block).
    /// </summary>
    internal void AddUse(string diskPath)
    {
        ArgumentNullException.ThrowIfNull(diskPath);
        var found = false;
        foreach (var u in Live(_use).Where(u => u.Path == diskPath).ToList())
        {
            if (found)
            {
                u.Remove();
                continue;
            }
            found = true;
            UpdateLine(u.Line, "use", ModFileRules.AutoQuote(diskPath));
        }
        if (!found) _use.Add(new PathEntry { Path = diskPath, Line = AddLine(null, "use", ModFileRules.AutoQuote(diskPath)) });
    }

    /// <summary>
    /// x/mod's <c>WorkFile.AddGoStmt</c>: rewrites the go line, or inserts one before the first statement that is not
    /// a comment block (a go.work has no module line to follow).
    /// </summary>
    /// <exception cref="FormatException">Not a Go version: <c>invalid language version "x"</c>.</exception>
    internal void SetWorkGo(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (_go is not null)
        {
            SetGo(version);
            return;
        }
        if (!ModFileRules.GoVersion().IsMatch(version))
            throw new FormatException($"invalid language version {GoText.Quote(version)}");
        var line = new SyntaxLine(["go", version], inBlock: false);
        int i = 0;
        while (i < _syntax.Statements.Count && _syntax.Statements[i] is CommentBlock) i++;
        _syntax.Statements.Insert(i, line);
        _go = new GoEntry { Version = version, Line = line };
    }

    /// <summary>Deletes every <c>use</c> of <paramref name="diskPath"/>.</summary>
    internal void DropUse(string diskPath)
    {
        foreach (var u in Live(_use).Where(u => u.Path == diskPath)) u.Remove();
    }

    private static bool IsWorkBlock(string verb) => verb is "use" or "replace" or "godebug";

    private static bool IsWorkDirective(string verb) => verb is "go" or "toolchain" or "godebug" or "use" or "replace";

    private void InterpretUse(SyntaxLine line, Args args, Action<string> fail)
    {
        if (args.Count != 1)
        {
            fail("usage: use local/dir");
            return;
        }
        if (!TryParseString(args, 0, out var path, out var error))
        {
            fail($"invalid quoted string: {error}");
            return;
        }
        _use.Add(new PathEntry { Path = path, Line = line });
    }
}
