using System.Globalization;
using System.Text;
using GoMod.Core.Imports;

namespace GoMod.Core.Vendor;

/// <summary>
/// The <c>//go:embed</c> patterns of a Go file as go/build reads them: only in a file that imports <c>embed</c>; a
/// directive is a line comment starting a line (after spaces or tabs), outside strings, runes and block comments,
/// <c>//go:embed</c> followed by a space or tab; its arguments are space-separated patterns, each bare, double-quoted
/// (Go escapes) or back-quoted. A line that does not parse is ignored (the compiler reports it).
/// </summary>
internal static class EmbedDirectives
{
    private static readonly byte[] Directive = "go:embed"u8.ToArray();

    /// <summary>What go/build learns from a Go file for embedding: its package name, whether it imports C, its embed patterns.</summary>
    public readonly record struct FileFacts(string PackageName, bool ImportsC, List<string> Patterns);

    /// <summary>The package name (empty if unreadable), the cgo import, and the embed patterns of a Go file.</summary>
    public static FileFacts ReadFile(byte[] data)
    {
        var (imports, error) = GoSourceScanner.ReadImports(data);
        var importsC = error is null && imports.Any(q => q is "\"C\"" or "`C`");
        var patterns = error is null && imports.Any(q => q is "\"embed\"" or "`embed`") ? Read(data) : [];
        return new FileFacts(PackageName(data), importsC, patterns);
    }

    /// <summary>The identifier of the package clause, after leading space and comments; empty when there is none.</summary>
    public static string PackageName(byte[] data)
    {
        int i = data.Length >= 3 && data[0] == 0xef && data[1] == 0xbb && data[2] == 0xbf ? 3 : 0;
        bool keyword = false;
        while (i < data.Length)
        {
            byte c = data[i];
            if (c is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') { i++; continue; }
            if (c == '/' && i + 1 < data.Length && data[i + 1] == '/')
            {
                while (i < data.Length && data[i] != '\n') i++;
                continue;
            }
            if (c == '/' && i + 1 < data.Length && data[i + 1] == '*')
            {
                i += 2;
                while (i + 1 < data.Length && !(data[i] == '*' && data[i + 1] == '/')) i++;
                i += 2;
                continue;
            }
            int start = i;
            while (i < data.Length && (data[i] is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9' or (byte)'_' || data[i] >= 0x80)) i++;
            if (i == start) return "";
            var word = Encoding.UTF8.GetString(data, start, i - start);
            if (keyword) return word;
            if (word != "package") return "";
            keyword = true;
        }
        return "";
    }

    /// <summary>The patterns of every well-formed directive of the file, in order (duplicates kept); the caller checks that it imports embed.</summary>
    public static List<string> Read(byte[] data)
    {
        var patterns = new List<string>();
        int i = data.Length >= 3 && data[0] == 0xef && data[1] == 0xbb && data[2] == 0xbf ? 3 : 0;
        bool startLine = true;
        while (i < data.Length)
        {
            byte c = data[i++];
            switch (c)
            {
                case (byte)'\n':
                    startLine = true;
                    break;
                case (byte)' ' or (byte)'\t' or (byte)'\r':
                    if (c == '\r') startLine = false;
                    break;
                case (byte)'"' or (byte)'\'':
                    startLine = false;
                    while (i < data.Length && data[i] != c)
                    {
                        if (data[i] == '\\') i++;
                        i++;
                    }
                    i++;
                    break;
                case (byte)'`':
                    startLine = false;
                    while (i < data.Length && data[i] != '`') i++;
                    i++;
                    break;
                case (byte)'/' when i < data.Length && data[i] == '*':
                    i++;
                    while (i + 1 < data.Length && !(data[i] == '*' && data[i + 1] == '/')) i++;
                    i += 2;
                    startLine = false;
                    break;
                case (byte)'/' when i < data.Length && data[i] == '/':
                    i++;
                    if (startLine && data.AsSpan(i).StartsWith(Directive) && i + Directive.Length < data.Length
                        && data[i + Directive.Length] is (byte)' ' or (byte)'\t')
                    {
                        int start = i + Directive.Length + 1;
                        int end = Array.IndexOf(data, (byte)'\n', start);
                        if (end < 0) end = data.Length;
                        if (Parse(Encoding.UTF8.GetString(data, start, end - start)) is { } list) patterns.AddRange(list);
                        i = end;
                        break;
                    }
                    while (i < data.Length && data[i] != '\n') i++;
                    break;
                default:
                    startLine = false;
                    break;
            }
        }
        return patterns;
    }

    /// <summary>go/build's <c>parseGoEmbed</c>: the patterns of a directive's arguments, or null when they do not parse.</summary>
    internal static List<string>? Parse(string args)
    {
        var list = new List<string>();
        int i = 0;
        while (true)
        {
            while (i < args.Length && IsSpace(args, i, out var w)) i += w;
            if (i >= args.Length) return list;
            string path;
            switch (args[i])
            {
                case '`':
                    int close = args.IndexOf('`', i + 1);
                    if (close < 0) return null;
                    path = args[(i + 1)..close];
                    i = close + 1;
                    break;
                case '"':
                    int j = i + 1;
                    for (; j < args.Length; j++)
                    {
                        if (args[j] == '\\') { j++; continue; }
                        if (args[j] == '"') break;
                    }
                    if (j >= args.Length) return null;
                    if (!TryUnquote(args[(i + 1)..j], out path)) return null;
                    i = j + 1;
                    break;
                default:
                    int k = i;
                    while (k < args.Length && !IsSpace(args, k, out _)) k++;
                    path = args[i..k];
                    i = k;
                    break;
            }
            if (i < args.Length && !IsSpace(args, i, out _)) return null;
            list.Add(path);
        }
    }

    private static bool IsSpace(string s, int i, out int width)
    {
        width = char.IsSurrogate(s[i]) && i + 1 < s.Length ? 2 : 1;
        return width == 1 && (char.IsWhiteSpace(s[i]) || s[i] == '\u0085' || s[i] == '\u00a0');
    }

    /// <summary>The inside of a Go interpreted string literal (simple, octal, hex and Unicode escapes).</summary>
    private static bool TryUnquote(string body, out string value)
    {
        var b = new StringBuilder();
        value = "";
        for (int i = 0; i < body.Length; i++)
        {
            char c = body[i];
            if (c == '\n') return false;
            if (c != '\\') { b.Append(c); continue; }
            if (++i >= body.Length) return false;
            switch (body[i])
            {
                case 'a': b.Append('\a'); break;
                case 'b': b.Append('\b'); break;
                case 'f': b.Append('\f'); break;
                case 'n': b.Append('\n'); break;
                case 'r': b.Append('\r'); break;
                case 't': b.Append('\t'); break;
                case 'v': b.Append('\v'); break;
                case '\\': b.Append('\\'); break;
                case '"': b.Append('"'); break;
                case 'x' or 'u' or 'U':
                    int n = body[i] == 'x' ? 2 : body[i] == 'u' ? 4 : 8;
                    if (i + n >= body.Length) return false;
                    if (!int.TryParse(body.AsSpan(i + 1, n), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code)) return false;
                    if (n == 2) b.Append((char)code);
                    else if (code > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF) return false;
                    else b.Append(char.ConvertFromUtf32(code));
                    i += n;
                    break;
                case >= '0' and <= '7':
                    if (i + 2 >= body.Length || body[i + 1] is < '0' or > '7' || body[i + 2] is < '0' or > '7') return false;
                    var oct = Convert.ToInt32(body.Substring(i, 3), 8);
                    if (oct > 255) return false;
                    b.Append((char)oct);
                    i += 2;
                    break;
                default:
                    return false;
            }
        }
        value = b.ToString();
        return true;
    }
}
