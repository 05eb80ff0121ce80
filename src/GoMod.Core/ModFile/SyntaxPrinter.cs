using System.Text;

namespace GoMod.Core.ModFile;

/// <summary>
/// Writes a <see cref="SyntaxFile"/> in go's canonical layout: statements separated by one blank line; block lines
/// indented by one tab; tokens separated by one space except inside <c>[ ]</c>, <c>( )</c>, <c>{ }</c> and before
/// <c>,</c>; no column alignment; end-of-line comments after one space; whole-line comments at the current indent;
/// trailing spaces and tabs removed; LF line endings.
/// </summary>
internal sealed class SyntaxPrinter
{
    private readonly StringBuilder _out = new();
    private readonly List<Comment> _pendingSuffix = [];
    private int _margin;

    public static string Print(SyntaxFile file)
    {
        var printer = new SyntaxPrinter();
        printer.PrintFile(file);
        return printer._out.ToString();
    }

    private void PrintFile(SyntaxFile file)
    {
        foreach (var comment in file.Before)
        {
            _out.Append(GoText.TrimSpace(comment.Text));
            NewLine();
        }

        for (var i = 0; i < file.Statements.Count; i++)
        {
            var stmt = file.Statements[i];
            PrintNode(stmt);
            // A comment block's comments already ended their lines.
            if (stmt is not CommentBlock) NewLine();
            foreach (var comment in stmt.After)
            {
                _out.Append(GoText.TrimSpace(comment.Text));
                NewLine();
            }
            if (i + 1 < file.Statements.Count) NewLine();
        }
    }

    private void PrintNode(SyntaxNode node)
    {
        if (node.Before.Count > 0)
        {
            // Whole-line comments start on a line of their own, at the margin.
            TrimLine();
            if (CurrentColumn() > 0) _out.Append('\n');
            Indent();
            foreach (var comment in node.Before)
            {
                _out.Append(GoText.TrimSpace(comment.Text));
                NewLine();
            }
        }

        switch (node)
        {
            case SyntaxParen paren:
                _out.Append(paren.IsOpen ? '(' : ')');
                break;
            case SyntaxLine line:
                PrintTokens(line.Tokens);
                break;
            case SyntaxBlock block:
                PrintTokens(block.Tokens);
                _out.Append(' ');
                PrintNode(block.LParen);
                _margin++;
                foreach (var line in block.Lines)
                {
                    NewLine();
                    PrintNode(line);
                }
                _margin--;
                NewLine();
                PrintNode(block.RParen);
                break;
        }

        _pendingSuffix.AddRange(node.Suffix);
    }

    private void PrintTokens(List<string> tokens)
    {
        var separator = "";
        foreach (var token in tokens)
        {
            if (token is "," or ")" or "]" or "}") separator = "";
            _out.Append(separator).Append(token);
            separator = token is "(" or "[" or "{" ? "" : " ";
        }
    }

    /// <summary>Ends the line: flushes pending end-of-line comments, trims trailing blanks, indents the next line.</summary>
    private void NewLine()
    {
        if (_pendingSuffix.Count > 0)
        {
            _out.Append(' ');
            for (var i = 0; i < _pendingSuffix.Count; i++)
            {
                if (i > 0)
                {
                    TrimLine();
                    _out.Append('\n');
                    Indent();
                }
                _out.Append(GoText.TrimSpace(_pendingSuffix[i].Text));
            }
            _pendingSuffix.Clear();
        }
        TrimLine();
        _out.Append('\n');
        Indent();
    }

    private void Indent() => _out.Append('\t', _margin);

    private void TrimLine()
    {
        var n = _out.Length;
        while (n > 0 && _out[n - 1] is ' ' or '\t') n--;
        _out.Length = n;
    }

    private int CurrentColumn()
    {
        var n = 0;
        while (n < _out.Length && _out[_out.Length - 1 - n] != '\n') n++;
        return n;
    }
}
