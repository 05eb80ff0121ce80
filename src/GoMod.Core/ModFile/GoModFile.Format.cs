using GoMod.Core.Semver;

namespace GoMod.Core.ModFile;

public sealed partial class GoModFile
{
    /// <summary>
    /// The file as <c>go mod edit -fmt</c> writes it, without changing this object: duplicate exclude lines (the
    /// first is kept), duplicate replace lines (the last is kept) and duplicate tool lines are dropped; lines inside
    /// each block are sorted (retract blocks by descending interval, exclude blocks by path then semantic version when
    /// the go line is 1.21 or later, others by their tokens); deleted lines go, a block left with one line becomes a
    /// single line (keeping the comments of block and line), an empty block disappears; then the tree is printed in
    /// go's layout (see <see cref="SyntaxPrinter"/>). Comments and blank lines within blocks are kept.
    /// </summary>
    public string Format()
    {
        var copy = Clone();
        copy.SortBlocks();
        copy.Cleanup();
        return SyntaxPrinter.Print(copy._syntax);
    }

    /// <summary>A deep copy: syntax tree and entries, each entry tied to its line's copy.</summary>
    private GoModFile Clone()
    {
        var lineMap = new Dictionary<SyntaxLine, SyntaxLine>(ReferenceEqualityComparer.Instance);
        var copy = new GoModFile(FileName, _syntax.Clone(lineMap))
        {
            _module = _module?.CloneFor<ModuleEntry>(lineMap),
            _go = _go?.CloneFor<GoEntry>(lineMap),
            _toolchain = _toolchain?.CloneFor<ToolchainEntry>(lineMap),
        };
        copy._godebug.AddRange(_godebug.Select(e => e.CloneFor<GodebugEntry>(lineMap)));
        copy._require.AddRange(_require.Select(e => e.CloneFor<RequireEntry>(lineMap)));
        copy._exclude.AddRange(_exclude.Select(e => e.CloneFor<ExcludeEntry>(lineMap)));
        copy._replace.AddRange(_replace.Select(e => e.CloneFor<ReplaceEntry>(lineMap)));
        copy._retract.AddRange(_retract.Select(e => e.CloneFor<RetractEntry>(lineMap)));
        copy._tool.AddRange(_tool.Select(e => e.CloneFor<PathEntry>(lineMap)));
        copy._ignore.AddRange(_ignore.Select(e => e.CloneFor<PathEntry>(lineMap)));
        copy._use.AddRange(_use.Select(e => e.CloneFor<PathEntry>(lineMap)));
        copy._work = _work;
        return copy;
    }

    /// <summary>
    /// Drops duplicate exclude lines (earlier ones win), replace lines for the same old path and version (later ones
    /// win) and tool lines (earlier ones win), then sorts the lines of every block, stably: retract blocks by
    /// descending low then high version, exclude blocks by path then semantic version when the go line is at least
    /// 1.21 (byte order before that), every other block by its tokens in byte order. Require and retract lines are
    /// never de-duplicated (MVS decides; retract comments matter). Blocks left empty are removed.
    /// </summary>
    public void SortBlocks()
    {
        RemoveDuplicates();
        var semanticExclude = _go is not null && SemVer.Compare("v" + _go.Version, "v1.21") >= 0;
        foreach (var block in _syntax.Statements.OfType<SyntaxBlock>())
        {
            Comparison<SyntaxLine> compare = block.Tokens[0] switch
            {
                "exclude" when semanticExclude => CompareExcludeLines,
                "retract" => CompareRetractLines,
                _ => CompareLines,
            };
            block.Lines = [.. block.Lines.Order(Comparer<SyntaxLine>.Create(compare))];
        }
    }

    private void RemoveDuplicates()
    {
        var kill = new HashSet<SyntaxLine>(ReferenceEqualityComparer.Instance);

        var seenExclude = new HashSet<(string, string)>();
        foreach (var x in Live(_exclude))
            if (!seenExclude.Add((x.Path, x.Version))) kill.Add(x.Line);

        var seenReplace = new HashSet<(string, string)>();
        foreach (var r in Live(_replace).Reverse())
            if (!seenReplace.Add((r.OldPath, r.OldVersion))) kill.Add(r.Line);

        var seenTool = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in Live(_tool))
            if (!seenTool.Add(t.Path)) kill.Add(t.Line);

        _exclude.RemoveAll(x => kill.Contains(x.Line));
        _replace.RemoveAll(r => kill.Contains(r.Line));
        _tool.RemoveAll(t => kill.Contains(t.Line));

        var statements = new List<SyntaxNode>(_syntax.Statements.Count);
        foreach (var stmt in _syntax.Statements)
        {
            switch (stmt)
            {
                case SyntaxLine line when kill.Contains(line):
                    continue;
                case SyntaxBlock block:
                    block.Lines.RemoveAll(kill.Contains);
                    // go drops every block without lines here, even one that was written empty.
                    if (block.Lines.Count == 0) continue;
                    break;
            }
            statements.Add(stmt);
        }
        _syntax.Statements = statements;
    }

    private static IReadOnlyList<string> SortTokens(SyntaxLine line) => line.IsRemoved ? [] : line.Tokens;

    private static int CompareLines(SyntaxLine a, SyntaxLine b)
    {
        IReadOnlyList<string> x = SortTokens(a), y = SortTokens(b);
        for (var k = 0; k < x.Count && k < y.Count; k++)
        {
            var c = GoText.Compare(x[k], y[k]);
            if (c != 0) return c;
        }
        return x.Count.CompareTo(y.Count);
    }

    private static int CompareExcludeLines(SyntaxLine a, SyntaxLine b)
    {
        IReadOnlyList<string> x = SortTokens(a), y = SortTokens(b);
        if (x.Count != 2 || y.Count != 2) return CompareLines(a, b);
        var c = GoText.Compare(x[0], y[0]);
        return c != 0 ? c : SemVer.Compare(x[1], y[1]);
    }

    private static int CompareRetractLines(SyntaxLine a, SyntaxLine b)
    {
        var (lowA, highA) = RetractInterval(a);
        var (lowB, highB) = RetractInterval(b);
        var c = SemVer.Compare(lowA, lowB);
        return c != 0 ? -c : -SemVer.Compare(highA, highB);
    }

    private static (string Low, string High) RetractInterval(SyntaxLine line)
    {
        var t = SortTokens(line);
        if (t.Count == 1) return (t[0], t[0]);
        if (t.Count == 5 && t[0] == "[" && t[2] == "," && t[4] == "]") return (t[1], t[3]);
        return ("", "");
    }

    /// <summary>
    /// Applies pending deletions: deleted directives leave the lists, deleted lines leave the tree, a block with no
    /// lines left is removed and a block with one line left becomes that single line, which takes the block's
    /// comments (those above the block before its own, its end-of-line comment after its own). Comments on the
    /// parentheses of such a block are dropped, as go drops them.
    /// </summary>
    public void Cleanup()
    {
        _godebug.RemoveAll(e => e.Removed);
        _require.RemoveAll(e => e.Removed);
        _exclude.RemoveAll(e => e.Removed);
        _replace.RemoveAll(e => e.Removed);
        _retract.RemoveAll(e => e.Removed);
        _tool.RemoveAll(e => e.Removed);
        _ignore.RemoveAll(e => e.Removed);
        _use.RemoveAll(e => e.Removed);

        var statements = new List<SyntaxNode>(_syntax.Statements.Count);
        foreach (var stmt in _syntax.Statements)
        {
            switch (stmt)
            {
                case SyntaxLine { IsRemoved: true }:
                    continue;
                case SyntaxBlock block:
                    block.Lines.RemoveAll(l => l.IsRemoved);
                    if (block.Lines.Count == 0) continue;
                    if (block.Lines.Count == 1)
                    {
                        var line = block.Lines[0];
                        line.Before = [.. block.Before, .. line.Before];
                        line.Suffix = [.. line.Suffix, .. block.Suffix];
                        line.After = [.. line.After, .. block.After];
                        line.Tokens = [.. block.Tokens, .. line.Tokens];
                        line.InBlock = false;
                        statements.Add(line);
                        continue;
                    }
                    break;
            }
            statements.Add(stmt);
        }
        _syntax.Statements = statements;
    }
}
