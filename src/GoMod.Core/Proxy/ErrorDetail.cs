using System.Globalization;
using System.Text;

namespace GoMod.Core.Proxy;

/// <summary>
/// The start of an error response body as the go command shows it (<c>web.Response.formatErrorDetail</c>): only for
/// <c>text/plain</c> in UTF-8 or US-ASCII; nothing if the text is not valid UTF-8 or holds non-printing characters;
/// the first paragraph only, at most 8 lines and 648 bytes, continuation lines indented with a tab.
/// </summary>
internal static class ErrorDetail
{
    public const int MaxLines = 8;
    public const int MaxBytes = MaxLines * 81;

    /// <summary>How much of an error body is read to build the detail.</summary>
    public const int CaptureBytes = 16 << 10;

    /// <summary>Whether the Content-Type allows showing the body.</summary>
    public static bool IsShowable(string? mediaType, string? charset) =>
        string.Equals(mediaType, "text/plain", StringComparison.OrdinalIgnoreCase) &&
        (string.IsNullOrEmpty(charset) || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) ||
         charset.Equals("us-ascii", StringComparison.OrdinalIgnoreCase));

    /// <summary>Formats captured body bytes; empty when nothing should be shown.</summary>
    public static string Format(ReadOnlySpan<byte> captured)
    {
        string s;
        try
        {
            s = new UTF8Encoding(false, true).GetString(captured);
        }
        catch (DecoderFallbackException)
        {
            return "";
        }
        foreach (var r in s.EnumerateRunes())
            if (!IsGraphicOrSpace(r)) return "";

        var detail = new StringBuilder();
        var detailBytes = 0;
        var lines = s.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Trim().Length == 0) break;
            if (i > 0)
            {
                detail.Append("\n\t");
                detailBytes += 2;
            }
            if (i >= MaxLines)
            {
                detail.Append("[Truncated: too many lines.]");
                break;
            }
            var lineBytes = Encoding.UTF8.GetByteCount(line);
            if (detailBytes + lineBytes > MaxBytes)
            {
                detail.Append("[Truncated: too long.]");
                break;
            }
            detail.Append(line);
            detailBytes += lineBytes;
        }
        return detail.ToString();
    }

    /// <summary>Go's <c>unicode.IsGraphic(r) || unicode.IsSpace(r)</c>.</summary>
    private static bool IsGraphicOrSpace(Rune r)
    {
        if (r.Value is '\t' or '\n' or '\v' or '\f' or '\r' or 0x85 or 0xA0) return true;
        return Rune.GetUnicodeCategory(r) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned => false,
            _ => true,
        };
    }

    /// <summary>Go's <c>HTTPError.Error</c> for a status with an optional detail.</summary>
    public static string Message(string url, string status, string detail)
    {
        if (detail.Length == 0) return $"reading {url}: {status}";
        var sep = detail.Contains('\n') ? "\n\t" : " ";
        return $"reading {url}: {status}\n\tserver response:{sep}{detail}";
    }
}
