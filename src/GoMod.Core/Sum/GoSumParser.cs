namespace GoMod.Core.Sum;

/// <summary>
/// go.sum text read as the go command reads it, over spans: lines end at <c>\n</c>, fields are separated by any run of
/// Go's Unicode white space, a blank line is skipped, every other line must have exactly three fields (else
/// <see cref="GoSumParseException"/> with its 1-based line and field count), and the known-bad empty go.mod hash is
/// dropped. Only the three fields of a good line become strings, and a module path equal to the previous line's (the
/// zip and <c>/go.mod</c> lines of one version, or several versions) reuses that string.
/// </summary>
internal static class GoSumParser
{
    /// <summary>Adds every line of <paramref name="text"/> to <paramref name="sum"/> in file order (repeats kept, as read).</summary>
    public static void ParseInto(GoSumFile sum, string fileName, string text)
    {
        var line = 0;
        var offset = 0;
        string? lastPath = null;
        Span<int> bounds = stackalloc int[6];
        while (true)
        {
            line++;
            var newline = text.IndexOf('\n', offset);
            var end = newline < 0 ? text.Length : newline;
            var count = 0;
            var i = offset;
            while (i < end)
            {
                while (i < end && IsGoSpace(text[i])) i++;
                if (i == end) break;
                var start = i;
                while (i < end && !IsGoSpace(text[i])) i++;
                if (count < 3)
                {
                    bounds[2 * count] = start;
                    bounds[(2 * count) + 1] = i;
                }
                count++;
            }
            if (count != 0)
            {
                if (count != 3) throw new GoSumParseException(fileName, line, count);
                var hash = text.AsSpan(bounds[4], bounds[5] - bounds[4]);
                if (!hash.SequenceEqual(GoSumFile.EmptyGoModHash))
                {
                    var path = text.AsSpan(bounds[0], bounds[1] - bounds[0]);
                    if (lastPath is null || !path.SequenceEqual(lastPath)) lastPath = path.ToString();
                    sum.AddRead(lastPath, text.Substring(bounds[2], bounds[3] - bounds[2]), hash.ToString());
                }
            }
            if (newline < 0) return;
            offset = newline + 1;
        }
    }

    /// <summary>Go's <c>unicode.IsSpace</c>: the characters <c>strings.Fields</c> splits on.</summary>
    internal static bool IsGoSpace(char c) => c < 0x80
        ? c == ' ' || (c >= '\t' && c <= '\r')
        : c switch
        {
            '\u0085' or '\u00A0' or '\u1680' or '\u2028' or '\u2029' or '\u202F' or '\u205F' or '\u3000' => true,
            >= '\u2000' and <= '\u200A' => true,
            _ => false,
        };
}
