using System.Buffers;
using System.Text;

namespace GoMod.Core.Internal;

/// <summary>
/// Go's view of text files as bytes: a string is any byte sequence, and a byte that does not start a valid UTF-8
/// sequence (go's <c>utf8.DecodeRune</c> returning <c>RuneError, 1</c>) is one rune on its own. Decoding keeps such a
/// byte as the lone surrogate <c>U+DC00 + byte</c> instead of U+FFFD, so nothing is lost: a path that held invalid
/// UTF-8 still fails go's "invalid UTF-8" check (a lone surrogate is not valid UTF-16), <see cref="GoString.Quote"/>
/// prints the byte as go's <c>%q</c> does (<c>\xff</c>), columns count it as one rune, and <see cref="Encode"/> writes
/// the original byte back.
/// </summary>
internal static class GoUtf8
{
    /// <summary>Decodes <paramref name="data"/>, keeping every byte of an invalid sequence as an escape.</summary>
    public static string Decode(ReadOnlySpan<byte> data)
    {
        if (System.Text.Unicode.Utf8.IsValid(data)) return Encoding.UTF8.GetString(data);
        var sb = new StringBuilder(data.Length);
        while (!data.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(data, out var r, out var used) == OperationStatus.Done)
            {
                sb.Append(r.ToString());
                data = data[used..];
                continue;
            }
            sb.Append(Escape(data[0]));
            data = data[1..];
        }
        return sb.ToString();
    }

    /// <summary>Encodes <paramref name="s"/> as UTF-8, turning escaped bytes back into themselves.</summary>
    public static byte[] Encode(string s)
    {
        if (!s.AsSpan().ContainsAnyInRange('\uDC80', '\uDCFF')) return Encoding.UTF8.GetBytes(s);
        var buffer = new ArrayBufferWriter<byte>(s.Length + 16);
        Span<byte> rune = stackalloc byte[4];
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (IsEscape(c)) // never the low half of a pair: pairs are consumed whole below
            {
                buffer.Write([(byte)(c - 0xDC00)]);
                continue;
            }
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                var n = new Rune(c, s[i + 1]).EncodeToUtf8(rune);
                buffer.Write(rune[..n]);
                i++;
                continue;
            }
            var m = (Rune.TryCreate(c, out var single) ? single : Rune.ReplacementChar).EncodeToUtf8(rune);
            buffer.Write(rune[..m]);
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Whether <paramref name="s"/> holds any byte that was not valid UTF-8.</summary>
    public static bool HasInvalidBytes(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i++;
            else if (IsEscape(s[i])) return true;
        }
        return false;
    }

    /// <summary>The escape standing for the invalid byte <paramref name="b"/> (always 0x80 or above).</summary>
    public static char Escape(byte b) => (char)(0xDC00 + b);

    /// <summary>Whether <paramref name="c"/> is the escape of an invalid byte.</summary>
    public static bool IsEscape(char c) => c is >= '\uDC80' and <= '\uDCFF';
}
