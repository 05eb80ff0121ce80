using System.Globalization;
using System.Text;
using GoMod.Core.Internal;

namespace GoMod.Core.ModFile;

/// <summary>
/// The pieces of Go's string and Unicode behaviour that go.mod syntax depends on: Go's definitions of space and
/// printable runes (unicode.IsSpace / unicode.IsPrint), strings.TrimSpace and strings.Fields, Go string literals
/// (strconv.Unquote for double-quoted strings; quoting and byte-order comparison come from
/// <see cref="GoString"/>, which the version code shares).
/// </summary>
/// <remarks>
/// C# strings are UTF-16; a rune here is a Unicode scalar value. A lone surrogate cannot come from UTF-8 input, so it
/// is read as U+FFFD, which is what Go's decoder yields for the invalid bytes it stands for.
/// </remarks>
internal static class GoText
{
    /// <summary>Decodes the rune at <paramref name="index"/>: its value and its width in UTF-16 code units.</summary>
    public static (int Rune, int Width) DecodeRune(string s, int index)
    {
        var c = s[index];
        if (char.IsHighSurrogate(c) && index + 1 < s.Length && char.IsLowSurrogate(s[index + 1]))
            return (char.ConvertToUtf32(c, s[index + 1]), 2);
        if (char.IsSurrogate(c)) return (0xFFFD, 1);
        return (c, 1);
    }

    /// <summary>Go's unicode.IsSpace: the Latin-1 spaces and the other White_Space runes.</summary>
    public static bool IsSpace(int r) => r switch
    {
        '\t' or '\n' or '\v' or '\f' or '\r' or ' ' or 0x85 or 0xA0 => true,
        < 0x100 => false,
        0x1680 or (>= 0x2000 and <= 0x200A) or 0x2028 or 0x2029 or 0x202F or 0x205F or 0x3000 => true,
        _ => false,
    };

    /// <summary>Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.</summary>
    public static bool IsPrint(int r) => GoString.IsPrint(r);

    /// <summary>Go's strings.TrimSpace: removes leading and trailing runes for which <see cref="IsSpace"/> holds.</summary>
    public static string TrimSpace(string s)
    {
        int start = 0, end = s.Length;
        while (start < end)
        {
            var (r, w) = DecodeRune(s, start);
            if (!IsSpace(r)) break;
            start += w;
        }
        while (end > start)
        {
            var w = end - 1 > start && char.IsLowSurrogate(s[end - 1]) && char.IsHighSurrogate(s[end - 2]) ? 2 : 1;
            var (r, _) = DecodeRune(s, end - w);
            if (!IsSpace(r)) break;
            end -= w;
        }
        return start == 0 && end == s.Length ? s : s[start..end];
    }

    /// <summary>Whether <paramref name="s"/> has any rune that is not a Go space (i.e. TrimSpace would leave something).</summary>
    public static bool HasNonSpace(string s, int start, int end)
    {
        for (var i = start; i < end;)
        {
            var (r, w) = DecodeRune(s, i);
            if (!IsSpace(r)) return true;
            i += w;
        }
        return false;
    }

    /// <summary>Go's strings.Fields: the runs of non-space runes.</summary>
    public static List<string> Fields(string s)
    {
        var fields = new List<string>();
        var start = -1;
        for (var i = 0; i < s.Length;)
        {
            var (r, w) = DecodeRune(s, i);
            if (IsSpace(r))
            {
                if (start >= 0) fields.Add(s[start..i]);
                start = -1;
            }
            else if (start < 0)
            {
                start = i;
            }
            i += w;
        }
        if (start >= 0) fields.Add(s[start..]);
        return fields;
    }

    /// <summary>Compares as Go's <c>a &lt; b</c> on strings does: by UTF-8 bytes, which is Unicode code point order.</summary>
    public static int Compare(string a, string b) => GoString.CompareOrdinal(a, b);

    /// <summary>Go's strconv.Quote (and <c>%q</c> on a string): printable runes kept, the rest escaped.</summary>
    public static string Quote(string s) => GoString.Quote(s);

    /// <summary>Go's strconv.QuoteRune (and <c>%q</c> on a rune); <paramref name="r"/> is a scalar value.</summary>
    public static string QuoteRune(int r) => GoString.QuoteRune(new Rune(r));

    /// <summary>
    /// Go's strconv.Unquote for a double-quoted literal: the escapes <c>\a \b \f \n \r \t \v \\ \"</c>, <c>\xHH</c>,
    /// three-digit octal, <c>\uHHHH</c> and <c>\UHHHHHHHH</c> (valid scalar values only). Anything else, including
    /// <c>\'</c>, an unescaped quote or a newline inside, is a syntax error (false).
    /// </summary>
    /// <remarks>
    /// Bytes written with <c>\x</c> or octal escapes are decoded as UTF-8; an invalid sequence becomes U+FFFD, and so
    /// does an invalid byte written as itself (kept by <see cref="GoUtf8"/> as a lone surrogate), as in go.
    /// </remarks>
    public static bool TryUnquote(string s, out string value)
    {
        value = "";
        return s.Length >= 2 && s[0] == '"' && GoString.TryUnquote(s, out value);
    }
}
