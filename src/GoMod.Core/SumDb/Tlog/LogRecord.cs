using System.Globalization;
using System.Text;

namespace GoMod.Core.SumDb.Tlog;

/// <summary>
/// A record as served in a lookup response or a data tile: its id in decimal on a line, the record text (valid UTF-8,
/// no control characters but newline, ending in a newline, no blank line), then a blank line.
/// </summary>
public static class LogRecord
{
    /// <summary>The served form of record <paramref name="id"/>.</summary>
    /// <exception cref="TlogException">The text is not valid record text.</exception>
    public static byte[] Format(long id, ReadOnlySpan<byte> text)
    {
        if (!IsValidText(text)) throw new TlogException(TlogErrorReason.MalformedRecord, "malformed record data");
        var head = Encoding.ASCII.GetBytes(id.ToString(CultureInfo.InvariantCulture) + "\n");
        var msg = new byte[head.Length + text.Length + 1];
        head.CopyTo(msg, 0);
        text.CopyTo(msg.AsSpan(head.Length));
        msg[^1] = (byte)'\n';
        return msg;
    }

    /// <summary>
    /// Parses a record at the start of <paramref name="msg"/> and returns its id, its text and what follows the blank
    /// line (in a lookup response, the signed tree note).
    /// </summary>
    /// <exception cref="TlogException">Malformed record.</exception>
    public static (long Id, byte[] Text, byte[] Remainder) Parse(ReadOnlySpan<byte> msg)
    {
        TlogException Bad(string why) => new(TlogErrorReason.MalformedRecord, "malformed record data: " + why);
        var nl = msg.IndexOf((byte)'\n');
        if (nl < 0) throw Bad("no record id");
        if (!long.TryParse(Encoding.ASCII.GetString(msg[..nl]), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id))
            throw Bad("bad record id");
        msg = msg[(nl + 1)..];
        var end = msg.IndexOf("\n\n"u8);
        if (end < 0) throw Bad("no blank line after the record");
        var text = msg[..(end + 1)];
        if (!IsValidText(text)) throw Bad("invalid record text");
        return (id, text.ToArray(), msg[(end + 2)..].ToArray());
    }

    /// <summary>Valid UTF-8, no control character other than newline, no blank line, ends in a newline.</summary>
    public static bool IsValidText(ReadOnlySpan<byte> text)
    {
        string s;
        try
        {
            s = new UTF8Encoding(false, true).GetString(text);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        var last = '\0';
        foreach (var c in s)
        {
            if ((c < 0x20 && c != '\n') || (last == '\n' && c == '\n')) return false;
            last = c;
        }
        return last == '\n';
    }
}
