namespace GoMod.Core.ModFile;

/// <summary>
/// Reads go.mod text into a <see cref="SyntaxFile"/> with go's grammar: statements are lines of tokens; a line whose
/// last token is <c>(</c> opens a block that runs to a line starting with <c>)</c>; tokens are identifiers (runs of
/// printable runes other than space and <c>()[]{},</c>), Go string literals in <c>"</c> or <c>`</c>, and those
/// punctuation runes; <c>//</c> starts a comment, <c>/*</c> is an error. Comments alone on their line attach to the
/// statement below them (or stand alone when a blank line follows); end-of-line comments attach to the node they
/// follow. The first syntax error ends parsing, at the position go reports.
/// </summary>
internal sealed class SyntaxParser
{
    private enum TokenKind { Eof, EolComment, Comment, Newline, LParen, RParen, Punctuation, Ident, String }

    private readonly record struct Token(TokenKind Kind, SourcePosition Start, SourcePosition End, string Text)
    {
        public bool IsEndOfLine => Kind is TokenKind.Eof or TokenKind.EolComment or TokenKind.Newline;
    }

    private readonly string _fileName;
    private readonly string _text;
    private SourcePosition _pos = SourcePosition.Start;
    private Token _next;
    private readonly List<Comment> _suffixComments = [];

    private SyntaxParser(string fileName, string text)
    {
        _fileName = fileName;
        _text = text;
    }

    /// <summary>Parses <paramref name="text"/>; throws <see cref="ModFileParseException"/> at the first syntax error.</summary>
    public static SyntaxFile Parse(string fileName, string text)
    {
        var parser = new SyntaxParser(fileName, text);
        // The parser always looks one token ahead, as go's does, so a bad token right after a statement is
        // reported before anything the statement itself would report.
        parser.ReadToken();
        var file = parser.ParseFile();
        AssignSuffixComments(file, parser._suffixComments);
        return file;
    }

    // ---- Lexer -------------------------------------------------------------------------------------------------

    private bool AtEnd => _pos.Offset >= _text.Length;

    private int PeekRune() => AtEnd ? 0 : GoText.DecodeRune(_text, _pos.Offset).Rune;

    private bool PeekPrefix(string prefix) => _text.AsSpan(_pos.Offset).StartsWith(prefix, StringComparison.Ordinal);

    private int ReadRune()
    {
        var (r, width) = GoText.DecodeRune(_text, _pos.Offset);
        _pos = r == '\n'
            ? new SourcePosition(_pos.Line + 1, 1, _pos.Offset + width)
            : new SourcePosition(_pos.Line, _pos.Column + 1, _pos.Offset + width);
        return r;
    }

    private ModFileParseException Error(string message) =>
        new([new ModFileError(_fileName, _pos.Line, _pos.Column, message)]);

    private Token Lex()
    {
        var token = _next;
        ReadToken();
        return token;
    }

    private void ReadToken()
    {
        while (!AtEnd)
        {
            var c = PeekRune();
            if (c is ' ' or '\t' or '\r')
            {
                ReadRune();
                continue;
            }
            if (PeekPrefix("//"))
            {
                ReadComment();
                return;
            }
            if (PeekPrefix("/*")) throw Error("mod files must use // comments (not /* */ comments)");
            break;
        }

        var start = _pos;
        if (AtEnd)
        {
            _next = new Token(TokenKind.Eof, start, start, "");
            return;
        }

        var first = PeekRune();
        switch (first)
        {
            case '\n' or '(' or ')' or '[' or ']' or '{' or '}' or ',':
                ReadRune();
                var kind = first switch
                {
                    '\n' => TokenKind.Newline,
                    '(' => TokenKind.LParen,
                    ')' => TokenKind.RParen,
                    _ => TokenKind.Punctuation,
                };
                _next = new Token(kind, start, _pos, ((char)first).ToString());
                return;
            case '"' or '`':
                ReadString(start, first);
                return;
        }

        if (!IsIdentRune(first)) throw Error($"unexpected input character {GoText.QuoteRune(first)}");
        while (IsIdentRune(PeekRune()))
        {
            if (PeekPrefix("//")) break;
            if (PeekPrefix("/*")) throw Error("mod files must use // comments (not /* */ comments)");
            ReadRune();
        }
        _next = new Token(TokenKind.Ident, start, _pos, _text[start.Offset.._pos.Offset]);
    }

    private void ReadComment()
    {
        var start = _pos;
        // A comment is an end-of-line comment when anything but space precedes it on its line.
        var lineStart = start.Offset == 0 ? 0 : _text.LastIndexOf('\n', start.Offset - 1) + 1;
        var isSuffix = GoText.HasNonSpace(_text, lineStart, start.Offset);
        ReadRune();
        ReadRune();
        while (!AtEnd && ReadRune() != '\n')
        {
        }

        var text = _text[start.Offset.._pos.Offset];
        if (text.EndsWith("\r\n", StringComparison.Ordinal)) text = text[..^2];
        else if (text.EndsWith('\n')) text = text[..^1];

        if (isSuffix)
        {
            _next = new Token(TokenKind.EolComment, start, _pos, text);
            _suffixComments.Add(new Comment(start, text, IsSuffix: true));
        }
        else
        {
            _next = new Token(TokenKind.Comment, start, _pos, text);
        }
    }

    private void ReadString(SourcePosition start, int quote)
    {
        ReadRune();
        while (true)
        {
            if (AtEnd)
            {
                _pos = start;
                throw Error("unexpected EOF in string");
            }
            if (PeekRune() == '\n') throw Error("unexpected newline in string");
            var c = ReadRune();
            if (c == quote) break;
            if (c == '\\' && quote != '`')
            {
                if (AtEnd)
                {
                    _pos = start;
                    throw Error("unexpected EOF in string");
                }
                ReadRune();
            }
        }
        _next = new Token(TokenKind.String, start, _pos, _text[start.Offset.._pos.Offset]);
    }

    /// <summary>Identifier runes: printable, not space, not one of the punctuation runes <c>()[]{},</c>.</summary>
    private static bool IsIdentRune(int r) =>
        r is not (' ' or '(' or ')' or '[' or ']' or '{' or '}' or ',') && !GoText.IsSpace(r) && GoText.IsPrint(r);

    // ---- Parser ------------------------------------------------------------------------------------------------

    private SyntaxFile ParseFile()
    {
        var file = new SyntaxFile();
        CommentBlock? pending = null;
        while (true)
        {
            switch (_next.Kind)
            {
                case TokenKind.Newline:
                    Lex();
                    if (pending is not null)
                    {
                        file.Statements.Add(pending);
                        pending = null;
                    }
                    break;
                case TokenKind.Comment:
                    var token = Lex();
                    pending ??= new CommentBlock(token.Start);
                    pending.Before.Add(new Comment(token.Start, token.Text));
                    break;
                case TokenKind.Eof:
                    if (pending is not null) file.Statements.Add(pending);
                    return file;
                default:
                    file.Statements.Add(ParseStatement());
                    if (pending is not null)
                    {
                        // Comments directly above a statement (no blank line between) belong to it.
                        file.Statements[^1].Before = pending.Before;
                        pending = null;
                    }
                    break;
            }
        }
    }

    private SyntaxNode ParseStatement() => ParseLine(inBlock: false);

    private SyntaxLine ParseBlockLine() => (SyntaxLine)ParseLine(inBlock: true);

    /// <summary>
    /// One line's tokens; outside a block, a <c>(</c> ending the line opens a block and <c>( )</c> ending it is an
    /// empty block (inside a block, parentheses are ordinary tokens).
    /// </summary>
    private SyntaxNode ParseLine(bool inBlock)
    {
        var first = Lex();
        var start = first.Start;
        var end = first.End;
        var tokens = new List<string> { first.Text };
        while (true)
        {
            var token = Lex();
            if (token.IsEndOfLine) return new SyntaxLine(start, tokens, end, inBlock);

            if (!inBlock && token.Kind == TokenKind.LParen)
            {
                if (_next.IsEndOfLine) return ParseBlock(start, tokens, token);
                if (_next.Kind == TokenKind.RParen)
                {
                    var rParen = Lex();
                    if (_next.IsEndOfLine)
                    {
                        Lex();
                        return new SyntaxBlock(start, tokens, new SyntaxParen(token.Start, isOpen: true), new SyntaxParen(rParen.Start, isOpen: false));
                    }
                    // "( )" in the middle of a line is just two tokens; like go, they do not extend the line's span.
                    tokens.Add(token.Text);
                    tokens.Add(rParen.Text);
                }
                else
                {
                    tokens.Add(token.Text);
                }
                continue;
            }

            tokens.Add(token.Text);
            end = token.End;
        }
    }

    private SyntaxBlock ParseBlock(SourcePosition start, List<string> tokens, Token lParen)
    {
        var block = new SyntaxBlock(start, tokens, new SyntaxParen(lParen.Start, isOpen: true), new SyntaxParen(default, isOpen: false));
        var comments = new List<Comment>();
        while (true)
        {
            switch (_next.Kind)
            {
                case TokenKind.EolComment:
                    // Attached later, with the other end-of-line comments.
                    Lex();
                    break;
                case TokenKind.Newline:
                    Lex();
                    // Keep one blank line between lines of a block, but none at its top.
                    if ((comments.Count == 0 && block.Lines.Count > 0) || (comments.Count > 0 && comments[^1].Text.Length > 0))
                        comments.Add(Comment.BlankLine);
                    break;
                case TokenKind.Comment:
                    var comment = Lex();
                    comments.Add(new Comment(comment.Start, comment.Text));
                    break;
                case TokenKind.Eof:
                    throw Error($"syntax error (unterminated block started at {_fileName}:{start.Line}:{start.Column})");
                case TokenKind.RParen:
                    var rParen = Lex();
                    block.RParen.Before = comments;
                    block.RParen.Position = rParen.Start;
                    if (!_next.IsEndOfLine) throw Error("syntax error (expected newline after closing paren)");
                    Lex();
                    return block;
                default:
                    var line = ParseBlockLine();
                    line.Before = comments;
                    comments = [];
                    block.Lines.Add(line);
                    break;
            }
        }
    }

    // ---- Comment assignment ------------------------------------------------------------------------------------

    /// <summary>
    /// Gives each end-of-line comment to the last node, in post-order (inner nodes before the block holding them),
    /// that ends before the comment and lies on a single line; comments with no such node go to the top of the file.
    /// Whole-line comments were already placed by the parser.
    /// </summary>
    private static void AssignSuffixComments(SyntaxFile file, List<Comment> suffixes)
    {
        if (suffixes.Count == 0) return;

        var postOrder = new List<SyntaxNode>();
        foreach (var stmt in file.Statements)
        {
            if (stmt is SyntaxBlock block)
            {
                postOrder.Add(block.LParen);
                postOrder.AddRange(block.Lines);
                postOrder.Add(block.RParen);
            }
            postOrder.Add(stmt);
        }

        var remaining = suffixes.Count;
        var touched = new List<SyntaxNode>();
        for (var i = postOrder.Count - 1; i >= 0 && remaining > 0; i--)
        {
            var node = postOrder[i];
            // A block spanning several lines must not take the comment after its ")"; the ")" takes it.
            if (node.SpanStart.Line != node.SpanEnd.Line) continue;
            var end = node.SpanEnd.Offset;
            var took = false;
            while (remaining > 0 && end <= suffixes[remaining - 1].Start.Offset)
            {
                node.Suffix.Add(suffixes[remaining - 1]);
                remaining--;
                took = true;
            }
            if (took) touched.Add(node);
        }
        // They were taken last-first.
        foreach (var node in touched) node.Suffix.Reverse();

        file.Before.AddRange(suffixes.Take(remaining));
    }
}
