using System.Text;
using GoMod.Core.Internal;

namespace GoMod.Core.Imports;

/// <summary>
/// go/build's <c>findImportComment</c>: after the <c>package</c> keyword and the package name (comments and spaces
/// before them skipped), spaces and tabs, then a <c>//</c> comment up to the end of the line or a <c>/* */</c> comment
/// that ends on the same line; its text, trimmed, must be the word <c>import</c> followed by a Go string literal
/// (interpreted or raw). Anything else — a comment on the next line, a <c>;</c> before it, another word — is no import
/// comment. A literal that does not unquote is still an import comment, one go refuses ("cannot parse import comment").
/// </summary>
public static class ImportCommentReader
{
    /// <summary>The import comment of a file's content, or null when its package clause has none.</summary>
    public static ImportComment? Find(string file, ReadOnlySpan<byte> content)
    {
        int start = content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var data = content[start..];
        int pos = 0;
        var (word, after) = ParseWord(data, pos);
        if (!word.Equals("package", StringComparison.Ordinal)) return null;
        var (name, afterName) = ParseWord(data, after);
        if (name.Length == 0) return null;
        pos = afterName;
        while (pos < data.Length && data[pos] is (byte)' ' or (byte)'\t' or (byte)'\r') pos++;

        int commentStart = pos;
        int bodyStart, bodyEnd;
        if (data[pos..].StartsWith("//"u8))
        {
            bodyStart = pos + 2;
            int nl = data[bodyStart..].IndexOf((byte)'\n');
            bodyEnd = nl < 0 ? data.Length : bodyStart + nl;
        }
        else if (data[pos..].StartsWith("/*"u8))
        {
            bodyStart = pos + 2;
            int close = data[bodyStart..].IndexOf("*/"u8);
            if (close < 0) return null;
            bodyEnd = bodyStart + close;
            if (data[bodyStart..bodyEnd].Contains((byte)'\n')) return null;
        }
        else
        {
            return null;
        }

        // bytes.TrimSpace, then the word "import" and the rest, trimmed.
        var body = TrimSpace(data, bodyStart, bodyEnd);
        var (keyword, rest) = ParseWord(data[..body.End], body.Start);
        if (!keyword.Equals("import", StringComparison.Ordinal)) return null;
        var argument = TrimSpace(data, rest, body.End);
        var text = Encoding.UTF8.GetString(data[argument.Start..argument.End]);

        int line = 1 + data[..commentStart].Count((byte)'\n');
        int lineStart = data[..commentStart].LastIndexOf((byte)'\n') + 1;
        int column = commentStart - lineStart + 1 + (lineStart == 0 ? start : 0);
        return new ImportComment(file, name, text, GoString.TryUnquote(text, out var path) ? path : null, line, column);
    }

    /// <summary>go/build's <c>parseWord</c>: skips spaces and comments, then takes letters, digits and underscores.</summary>
    private static (string Word, int After) ParseWord(ReadOnlySpan<byte> data, int pos)
    {
        pos = SkipSpaceOrComment(data, pos);
        if (pos < 0) return ("", data.Length);
        int end = pos;
        while (end < data.Length)
        {
            if (Rune.DecodeFromUtf8(data[end..], out var r, out int size) != System.Buffers.OperationStatus.Done) break;
            if (!Rune.IsLetter(r) && !(r.Value is >= '0' and <= '9') && r.Value != '_') break;
            end += size;
        }
        if (end == pos) return ("", pos);
        return (Encoding.UTF8.GetString(data[pos..end]), end);
    }

    /// <summary>go/build's <c>skipSpaceOrComment</c>; -1 when a comment runs to the end.</summary>
    private static int SkipSpaceOrComment(ReadOnlySpan<byte> data, int pos)
    {
        while (pos < data.Length)
        {
            switch (data[pos])
            {
                case (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n':
                    pos++;
                    continue;
                case (byte)'/' when data[pos..].StartsWith("//"u8):
                {
                    int nl = data[pos..].IndexOf((byte)'\n');
                    if (nl < 0) return -1;
                    pos += nl + 1;
                    continue;
                }
                case (byte)'/' when data[pos..].StartsWith("/*"u8):
                {
                    int close = data[(pos + 2)..].IndexOf("*/"u8);
                    if (close < 0) return -1;
                    pos += 2 + close + 2;
                    continue;
                }
            }
            break;
        }
        return pos;
    }

    /// <summary>Go's <c>bytes.TrimSpace</c> on <c>data[start..end]</c> (ASCII and Unicode white space).</summary>
    private static (int Start, int End) TrimSpace(ReadOnlySpan<byte> data, int start, int end)
    {
        while (start < end && Rune.DecodeFromUtf8(data[start..end], out var r, out int n) == System.Buffers.OperationStatus.Done && Rune.IsWhiteSpace(r)) start += n;
        while (end > start && Rune.DecodeLastFromUtf8(data[start..end], out var r, out int n) == System.Buffers.OperationStatus.Done && Rune.IsWhiteSpace(r)) end -= n;
        return (start, end);
    }
}
