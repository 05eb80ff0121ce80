using System.Globalization;
using System.Text;

namespace GoMod.Core.Imports;

/// <summary>
/// Go's <c>strconv.Unquote</c>: an interpreted string (<c>"…"</c> with Go's escapes), a raw string (<c>`…`</c>, carriage
/// returns dropped) or a one-character rune literal (<c>'x'</c>).
/// </summary>
internal static class GoStringLiteral
{
    /// <summary>The value of the literal <paramref name="s"/>; false when it is not a valid Go string or rune literal.</summary>
    public static bool TryUnquote(string s, out string value)
    {
        value = "";
        if (s.Length < 2) return false;
        char quote = s[0];
        if (quote != s[^1]) return false;
        var inner = s[1..^1];
        switch (quote)
        {
            case '`':
                if (inner.Contains('`')) return false;
                value = inner.Replace("\r", "", StringComparison.Ordinal);
                return true;
            case '"' or '\'':
                break;
            default:
                return false;
        }
        if (inner.Contains('\n')) return false;
        var bytes = new List<byte>();
        int runes = 0;
        for (int i = 0; i < inner.Length;)
        {
            char c = inner[i];
            if (c == quote) return false;
            if (c != '\\')
            {
                var r = Rune.GetRuneAt(inner, i);
                Append(bytes, r);
                i += r.Utf16SequenceLength;
                runes++;
                continue;
            }
            if (++i >= inner.Length) return false;
            char e = inner[i++];
            switch (e)
            {
                case 'a': bytes.Add(7); break;
                case 'b': bytes.Add(8); break;
                case 'f': bytes.Add(12); break;
                case 'n': bytes.Add(10); break;
                case 'r': bytes.Add(13); break;
                case 't': bytes.Add(9); break;
                case 'v': bytes.Add(11); break;
                case '\\': bytes.Add((byte)'\\'); break;
                case '"' or '\'':
                    if (e != quote) return false;
                    bytes.Add((byte)e);
                    break;
                case 'x':
                    if (!Hex(inner, i, 2, out var x)) return false;
                    i += 2;
                    if (quote == '\'') Append(bytes, new Rune(x));
                    else bytes.Add((byte)x);
                    break;
                case 'u' or 'U':
                {
                    int n = e == 'u' ? 4 : 8;
                    if (!Hex(inner, i, n, out var u) || !Rune.IsValid(u)) return false;
                    i += n;
                    Append(bytes, new Rune(u));
                    break;
                }
                case >= '0' and <= '7':
                {
                    if (i + 2 > inner.Length) return false;
                    int v = e - '0';
                    for (int k = 0; k < 2; k++)
                    {
                        char d = inner[i + k];
                        if (d is < '0' or > '7') return false;
                        v = v * 8 + (d - '0');
                    }
                    if (v > 255) return false;
                    i += 2;
                    if (quote == '\'') Append(bytes, new Rune(v));
                    else bytes.Add((byte)v);
                    break;
                }
                default:
                    return false;
            }
            runes++;
        }
        if (quote == '\'' && runes != 1) return false;
        value = Encoding.UTF8.GetString(bytes.ToArray());
        return true;
    }

    private static void Append(List<byte> bytes, Rune r)
    {
        Span<byte> buf = stackalloc byte[4];
        int n = r.EncodeToUtf8(buf);
        for (int k = 0; k < n; k++) bytes.Add(buf[k]);
    }

    private static bool Hex(string s, int at, int count, out int value)
    {
        value = 0;
        return at + count <= s.Length
            && int.TryParse(s.AsSpan(at, count), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
    }
}
