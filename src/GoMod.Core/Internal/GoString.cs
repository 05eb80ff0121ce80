using System.Globalization;
using System.Text;

namespace GoMod.Core.Internal;

/// <summary>
/// The two pieces of Go string behaviour that module code relies on: byte-order comparison (Go compares strings as
/// UTF-8 bytes, which is code-point order, not UTF-16 order) and <c>%q</c> quoting, which go's error texts use.
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
}
