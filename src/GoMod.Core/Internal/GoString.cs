using System.Globalization;
using System.Text;

namespace GoMod.Core.Internal;

/// <summary>
/// The pieces of Go string behaviour that module code relies on: byte-order comparison (Go compares strings as UTF-8
/// bytes, which is code-point order, not UTF-16 order), <c>%q</c> quoting, which go's error texts use, and
/// <c>strconv.Unquote</c>, which go.mod syntax and import comments use.
/// </summary>
internal static class GoString
{
    /// <summary>Compares as Go's <c>a &lt; b</c> does: by UTF-8 bytes, i.e. by Unicode code point.</summary>
    public static int CompareOrdinal(string? a, string? b)
    {
        if (ReferenceEquals(a, b)) return 0;
        if (a is null) return -1;
        if (b is null) return 1;
        return CompareOrdinal(a.AsSpan(), b.AsSpan());
    }

    /// <summary>Compares as Go's <c>a &lt; b</c> does: by UTF-8 bytes, i.e. by Unicode code point.</summary>
    public static int CompareOrdinal(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var n = Math.Min(a.Length, b.Length);
        var i = a[..n].CommonPrefixLength(b[..n]);
        if (i == n) return a.Length.CompareTo(b.Length);
        int x = a[i], y = b[i];
        // Surrogates encode code points above U+FFFF, which must sort after U+E000..U+FFFF.
        if (x >= 0xD800 && y >= 0xD800)
        {
            x = FixUp(x);
            y = FixUp(y);
        }
        return x < y ? -1 : 1;

        static int FixUp(int c) => c >= 0xE000 ? c - 0x800 : c + 0x2000;
    }

    /// <summary>Quotes <paramref name="s"/> as Go's <c>%q</c> (strconv.Quote): printable runes kept, others escaped.</summary>
    public static string Quote(string s)
    {
        var sb = new StringBuilder(s.Length + 2);
        sb.Append('"');
        for (var i = 0; i < s.Length;)
        {
            if (Rune.DecodeFromUtf16(s.AsSpan(i), out var r, out var used) != System.Buffers.OperationStatus.Done)
            {
                // A lone surrogate: an invalid byte kept by GoUtf8.Decode is printed as go prints the byte (\xff);
                // any other cannot come from UTF-8 and is shown as its code unit.
                if (GoUtf8.IsEscape(s[i])) sb.Append(@"\x").Append((s[i] - 0xDC00).ToString("x2", CultureInfo.InvariantCulture));
                else sb.Append(@"\u").Append(((int)s[i]).ToString("x4", CultureInfo.InvariantCulture));
                i++;
                continue;
            }
            AppendRune(sb, r, '"');
            i += used;
        }
        sb.Append('"');
        return sb.ToString();
    }

    /// <summary>Quotes one rune as Go's <c>%q</c> on a rune (strconv.QuoteRune).</summary>
    public static string QuoteRune(Rune r)
    {
        var sb = new StringBuilder(8);
        sb.Append('\'');
        AppendRune(sb, r, '\'');
        sb.Append('\'');
        return sb.ToString();
    }

    private static void AppendRune(StringBuilder sb, Rune r, char quote)
    {
        var v = r.Value;
        if (v == quote || v == '\\')
        {
            sb.Append('\\').Append((char)v);
            return;
        }
        if (IsPrint(r.Value))
        {
            sb.Append(r.ToString());
            return;
        }
        switch (v)
        {
            case '\a': sb.Append(@"\a"); return;
            case '\b': sb.Append(@"\b"); return;
            case '\f': sb.Append(@"\f"); return;
            case '\n': sb.Append(@"\n"); return;
            case '\r': sb.Append(@"\r"); return;
            case '\t': sb.Append(@"\t"); return;
            case '\v': sb.Append(@"\v"); return;
        }
        if (v < ' ' || v == 0x7f) sb.Append(@"\x").Append(v.ToString("x2", CultureInfo.InvariantCulture));
        else if (v < 0x10000) sb.Append(@"\u").Append(v.ToString("x4", CultureInfo.InvariantCulture));
        else sb.Append(@"\U").Append(v.ToString("x8", CultureInfo.InvariantCulture));
    }

    /// <summary>Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.</summary>
    internal static bool IsPrint(int r)
    {
        if (r < 0x80) return r >= 0x20 && r < 0x7F;
        if (r > 0x10FFFF || r is >= 0xD800 and <= 0xDFFF) return false;
        return CharUnicodeInfo.GetUnicodeCategory(r) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
                or UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
                or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
                or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation
                or UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol or UnicodeCategory.ModifierSymbol
                or UnicodeCategory.OtherSymbol => true,
            _ => false,
        };
    }
    /// <summary>
    /// Go's <c>strconv.Unquote</c>: a raw string (<c>`…`</c>, carriage returns dropped), an interpreted string
    /// (<c>"…"</c>) or a one-rune literal (<c>'…'</c>) with Go's escapes <c>\a \b \f \n \r \t \v \\</c>, the quote's own
    /// escape, <c>\xHH</c> and three-digit octal (one byte each), <c>\uHHHH</c> and <c>\UHHHHHHHH</c> (valid scalar
    /// values only). Anything else, including an unescaped quote or a newline inside, is a syntax error (false).
    /// </summary>
    /// <remarks>
    /// Bytes are decoded as UTF-8 at the end: an invalid sequence becomes U+FFFD, and so does an invalid byte kept as
    /// itself (a lone surrogate, see <see cref="GoUtf8"/>), as in go.
    /// </remarks>
    public static bool TryUnquote(string s, out string value)
    {
        value = "";
        if (s.Length < 2 || s[0] != s[^1]) return false;
        var quote = s[0];
        var body = s.AsSpan(1, s.Length - 2);
        if (quote == '`')
        {
            if (body.Contains('`')) return false;
            value = body.ToString().Replace("\r", "", StringComparison.Ordinal);
            return true;
        }
        if (quote is not ('"' or '\'')) return false;
        if (quote == '"' && !body.ContainsAny('\\', '"', '\n') && !body.ContainsAnyInRange('\uD800', '\uDFFF'))
        {
            value = body.ToString();
            return true;
        }

        var bytes = new List<byte>(body.Length);
        var runes = 0;
        for (var i = 0; i < body.Length; runes++)
        {
            var c = body[i];
            if (c == quote || c == '\n') return false;
            if (c != '\\')
            {
                int r = c, w = 1;
                if (char.IsHighSurrogate(c) && i + 1 < body.Length && char.IsLowSurrogate(body[i + 1])) (r, w) = (char.ConvertToUtf32(c, body[i + 1]), 2);
                else if (char.IsSurrogate(c)) r = 0xFFFD;
                AppendRune(bytes, r);
                i += w;
                continue;
            }
            if (i + 1 >= body.Length) return false;
            var e = body[i + 1];
            i += 2;
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
                case 'x' or 'u' or 'U':
                {
                    var digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    if (i + digits > body.Length) return false;
                    var v = 0L;
                    for (var j = 0; j < digits; j++)
                    {
                        var h = HexValue(body[i + j]);
                        if (h < 0) return false;
                        v = (v << 4) | (long)h;
                    }
                    i += digits;
                    if (e == 'x')
                    {
                        bytes.Add((byte)v);
                        break;
                    }
                    if (v > 0x10FFFF || v is >= 0xD800 and <= 0xDFFF) return false;
                    AppendRune(bytes, (int)v);
                    break;
                }
                case >= '0' and <= '7':
                {
                    if (i + 2 > body.Length) return false;
                    var v = e - '0';
                    for (var j = 0; j < 2; j++)
                    {
                        var d = body[i + j] - '0';
                        if (d is < 0 or > 7) return false;
                        v = (v << 3) | d;
                    }
                    i += 2;
                    if (v > 255) return false;
                    bytes.Add((byte)v);
                    break;
                }
                default:
                    return false;
            }
        }
        // One rune between single quotes; go 1.19 also lets '' through (its unescaped fast path accepts zero runes).
        if (quote == '\'' && runes > 1) return false;
        value = Encoding.UTF8.GetString(bytes.ToArray());
        return true;
    }

    private static void AppendRune(List<byte> bytes, int r)
    {
        Span<byte> utf8 = stackalloc byte[4];
        var n = new Rune(r).EncodeToUtf8(utf8);
        for (var k = 0; k < n; k++) bytes.Add(utf8[k]);
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
