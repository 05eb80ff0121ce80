namespace GoMod.Core.ModFile;

// The concrete syntax of a go.mod file, shaped like x/mod's: a file is a list of statements (single lines, factored
// blocks and free-standing comment blocks), and every node carries the comments that belong to it. Editing works on
// this tree so that untouched lines, their comments and the blank lines between them survive byte for byte.

/// <summary>A place in the source: 1-based line and column (in runes, as go counts them) and the UTF-16 offset.</summary>
internal readonly record struct SourcePosition(int Line, int Column, int Offset)
{
    public static SourcePosition Start => new(1, 1, 0);

    /// <summary>The position one single-width rune further on the same line (the end of a one-character token).</summary>
    public SourcePosition NextColumn => new(Line, Column + 1, Offset + 1);
}

/// <summary>
/// One <c>//</c> comment, without its line ending. An empty <see cref="Text"/> marks a blank line kept inside a block.
/// </summary>
internal sealed record Comment(SourcePosition Start, string Text, bool IsSuffix = false)
{
    public static Comment BlankLine { get; } = new(default, "");
}

/// <summary>
/// A syntax node with its comments: whole-line comments before it, end-of-line comments after it, and (for
/// statements) whole-line comments after it.
/// </summary>
internal abstract class SyntaxNode
{
    public List<Comment> Before { get; set; } = [];
    public List<Comment> Suffix { get; set; } = [];
    public List<Comment> After { get; set; } = [];

    /// <summary>Where the node starts, excluding comments.</summary>
    public abstract SourcePosition SpanStart { get; }

    /// <summary>Where the node ends, excluding comments.</summary>
    public abstract SourcePosition SpanEnd { get; }

    protected void CopyCommentsFrom(SyntaxNode other)
    {
        Before = [.. other.Before];
        Suffix = [.. other.Suffix];
        After = [.. other.After];
    }
}

/// <summary>Whole-line comments that stand apart from any statement (separated from the next one by a blank line).</summary>
internal sealed class CommentBlock(SourcePosition start) : SyntaxNode
{
    public override SourcePosition SpanStart => start;
    public override SourcePosition SpanEnd => start;

    public CommentBlock Clone()
    {
        var copy = new CommentBlock(start);
        copy.CopyCommentsFrom(this);
        return copy;
    }
}

/// <summary>
/// One line of tokens: a whole statement (<c>require a v1.0.0</c>) or, inside a block, the statement without its
/// verb (<c>a v1.0.0</c>, <see cref="InBlock"/> set).
/// </summary>
internal sealed class SyntaxLine(SourcePosition start, List<string> tokens, SourcePosition end, bool inBlock) : SyntaxNode
{
    public List<string> Tokens { get; set; } = tokens;
    public bool InBlock { get; set; } = inBlock;

    /// <summary>Set by an edit that deletes the line; <see cref="GoModFile.Cleanup"/> takes it out of the tree.</summary>
    public bool IsRemoved { get; private set; }

    public override SourcePosition SpanStart => start;
    public override SourcePosition SpanEnd => end;

    public SyntaxLine(List<string> tokens, bool inBlock) : this(default, tokens, default, inBlock) { }

    /// <summary>Marks the line dead; its end-of-line comment goes with it, its other comments are dropped by Cleanup.</summary>
    public void MarkRemoved()
    {
        IsRemoved = true;
        Suffix = [];
    }

    /// <summary>The first token (the verb for a statement outside a block), or null for a removed line.</summary>
    public string? Verb => IsRemoved || Tokens.Count == 0 ? null : Tokens[0];

    public SyntaxLine Clone()
    {
        var copy = new SyntaxLine(start, [.. Tokens], end, InBlock) { IsRemoved = IsRemoved };
        copy.CopyCommentsFrom(this);
        return copy;
    }
}

/// <summary>A parenthesis of a block: the place for comments after <c>(</c> and before <c>)</c>.</summary>
internal sealed class SyntaxParen(SourcePosition position, bool isOpen) : SyntaxNode
{
    public SourcePosition Position { get; set; } = position;
    public bool IsOpen { get; } = isOpen;
    public override SourcePosition SpanStart => Position;
    public override SourcePosition SpanEnd => Position.NextColumn;

    public SyntaxParen Clone()
    {
        var copy = new SyntaxParen(Position, IsOpen);
        copy.CopyCommentsFrom(this);
        return copy;
    }
}

/// <summary>A factored block: <c>require (</c> lines <c>)</c>.</summary>
internal sealed class SyntaxBlock(SourcePosition start, List<string> tokens, SyntaxParen lParen, SyntaxParen rParen) : SyntaxNode
{
    /// <summary>The tokens before <c>(</c>: the verb (anything longer is an unknown block type).</summary>
    public List<string> Tokens { get; } = tokens;
    public SyntaxParen LParen { get; } = lParen;
    public SyntaxParen RParen { get; } = rParen;
    public List<SyntaxLine> Lines { get; set; } = [];

    public override SourcePosition SpanStart => start;
    public override SourcePosition SpanEnd => RParen.Position.NextColumn;

    public SyntaxBlock(string verb) : this(default, [verb], new SyntaxParen(default, isOpen: true), new SyntaxParen(default, isOpen: false)) { }

    public SyntaxBlock Clone(Dictionary<SyntaxLine, SyntaxLine> lineMap)
    {
        var copy = new SyntaxBlock(start, [.. Tokens], LParen.Clone(), RParen.Clone());
        copy.CopyCommentsFrom(this);
        foreach (var line in Lines)
        {
            var lineCopy = line.Clone();
            lineMap[line] = lineCopy;
            copy.Lines.Add(lineCopy);
        }
        return copy;
    }
}

/// <summary>A whole go.mod file. <see cref="SyntaxNode.Before"/> holds end-of-line comments that belong to nothing.</summary>
internal sealed class SyntaxFile : SyntaxNode
{
    public List<SyntaxNode> Statements { get; set; } = [];

    public override SourcePosition SpanStart => Statements.Count == 0 ? default : Statements[0].SpanStart;
    public override SourcePosition SpanEnd => Statements.Count == 0 ? default : Statements[^1].SpanEnd;

    /// <summary>A deep copy; <paramref name="lineMap"/> receives each original line's copy.</summary>
    public SyntaxFile Clone(Dictionary<SyntaxLine, SyntaxLine> lineMap)
    {
        var copy = new SyntaxFile();
        copy.CopyCommentsFrom(this);
        foreach (var stmt in Statements)
        {
            switch (stmt)
            {
                case SyntaxLine line:
                    var lineCopy = line.Clone();
                    lineMap[line] = lineCopy;
                    copy.Statements.Add(lineCopy);
                    break;
                case SyntaxBlock block:
                    copy.Statements.Add(block.Clone(lineMap));
                    break;
                case CommentBlock comments:
                    copy.Statements.Add(comments.Clone());
                    break;
            }
        }
        return copy;
    }
}
