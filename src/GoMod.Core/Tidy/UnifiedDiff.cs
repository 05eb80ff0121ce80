using System.Text;

namespace GoMod.Core.Tidy;

/// <summary>
/// The unified diff <c>go mod tidy -diff</c> prints (go's <c>internal/diff</c>): a header <c>diff old new</c>,
/// <c>--- old</c>, <c>+++ new</c>, then hunks <c>@@ -l,n +l,n @@</c> with three lines of context. Lines are matched as an
/// anchored diff: the longest common subsequence of the lines that occur exactly once in each text anchors the match,
/// each anchor grows over equal neighbours, and what lies between anchors is removed (<c>-</c>) then added (<c>+</c>).
/// A last line without a newline is marked <c>\ No newline at end of file</c>. Equal texts give "".
/// </summary>
internal static class UnifiedDiff
{
    private const int Context = 3;

    public static string Diff(string oldName, string? oldText, string newName, string? newText)
    {
        oldText ??= "";
        newText ??= "";
        if (oldText == newText) return "";
        var x = Lines(oldText);
        var y = Lines(newText);

        var sb = new StringBuilder();
        sb.Append("diff ").Append(oldName).Append(' ').Append(newName).Append('\n');
        sb.Append("--- ").Append(oldName).Append('\n');
        sb.Append("+++ ").Append(newName).Append('\n');

        var hunk = new List<string>();
        int doneX = 0, doneY = 0;       // lines of x and y already in a hunk or skipped
        int hunkX = 0, hunkY = 0;       // where the pending hunk starts (0-based)
        int countX = 0, countY = 0;     // its lines from each side
        foreach (var (ax, ay) in Anchors(x, y))
        {
            if (ax < doneX) continue;
            // Grow the anchor over equal lines on both sides: x[startX..endX) == y[startY..endY).
            int startX = ax, startY = ay;
            while (startX > doneX && startY > doneY && x[startX - 1] == y[startY - 1]) { startX--; startY--; }
            int endX = ax, endY = ay;
            while (endX < x.Count && endY < y.Count && x[endX] == y[endY]) { endX++; endY++; }

            for (int i = doneX; i < startX; i++) { hunk.Add("-" + x[i]); countX++; }
            for (int j = doneY; j < startY; j++) { hunk.Add("+" + y[j]); countY++; }

            int common = endX - startX;
            bool atEnd = endX >= x.Count && endY >= y.Count;
            // Too few equal lines to close the hunk (or to separate it from the next change): keep them all as context.
            if (!atEnd && (common < Context || (hunk.Count > 0 && common < 2 * Context)))
            {
                for (int i = startX; i < endX; i++) { hunk.Add(" " + x[i]); countX++; countY++; }
                (doneX, doneY) = (endX, endY);
                continue;
            }

            if (hunk.Count > 0)
            {
                int n = Math.Min(common, Context);
                for (int i = startX; i < startX + n; i++) { hunk.Add(" " + x[i]); countX++; countY++; }
                (doneX, doneY) = (startX + n, startY + n);
                // 1-based starts, except that an empty side starts at the line before it (0 for an empty file).
                sb.Append("@@ -").Append(countX > 0 ? hunkX + 1 : hunkX).Append(',').Append(countX)
                  .Append(" +").Append(countY > 0 ? hunkY + 1 : hunkY).Append(',').Append(countY).Append(" @@\n");
                foreach (var line in hunk) sb.Append(line);
                hunk.Clear();
                countX = countY = 0;
            }
            if (atEnd) break;

            // A new hunk starts with the context before the next change.
            (hunkX, hunkY) = (endX - Context, endY - Context);
            for (int i = hunkX; i < endX; i++) { hunk.Add(" " + x[i]); countX++; countY++; }
            (doneX, doneY) = (endX, endY);
        }
        return sb.ToString();
    }

    /// <summary>The lines of a text, each with its newline; a last line without one gets the no-newline marker.</summary>
    private static List<string> Lines(string text)
    {
        var lines = new List<string>();
        int pos = 0;
        while (pos < text.Length)
        {
            int nl = text.IndexOf('\n', pos);
            if (nl < 0)
            {
                lines.Add(text[pos..] + "\n\\ No newline at end of file\n");
                break;
            }
            lines.Add(text[pos..(nl + 1)]);
            pos = nl + 1;
        }
        return lines;
    }

    /// <summary>
    /// The anchors: pairs (i, j) with x[i] == y[j] a line that occurs once in x and once in y, the longest sequence of
    /// them increasing in both i and j (Szymanski's special case of the LCS: a longest increasing subsequence), between
    /// the sentinels (0, 0) and (|x|, |y|).
    /// </summary>
    private static List<(int X, int Y)> Anchors(List<string> x, List<string> y)
    {
        var countX = new Dictionary<string, int>(StringComparer.Ordinal);
        var countY = new Dictionary<string, (int Count, int Index)>(StringComparer.Ordinal);
        foreach (var s in x) countX[s] = countX.GetValueOrDefault(s) + 1;
        for (int j = 0; j < y.Count; j++)
            countY[y[j]] = countY.TryGetValue(y[j], out var c) ? (c.Count + 1, c.Index) : (1, j);
        var pairs = new List<(int X, int Y)>();
        for (int i = 0; i < x.Count; i++)
            if (countX[x[i]] == 1 && countY.TryGetValue(x[i], out var c) && c.Count == 1) pairs.Add((i, c.Index));

        // Longest strictly increasing subsequence of the y indexes (patience sorting), the last-ending one kept.
        var tails = new List<int>();          // tails[k]: index in pairs of the smallest tail of an increasing run of length k+1
        var previous = new int[pairs.Count];
        for (int p = 0; p < pairs.Count; p++)
        {
            int lo = 0, hi = tails.Count;
            while (lo < hi)
            {
                int mid = (lo + hi) / 2;
                if (pairs[tails[mid]].Y < pairs[p].Y) lo = mid + 1; else hi = mid;
            }
            previous[p] = lo > 0 ? tails[lo - 1] : -1;
            if (lo == tails.Count) tails.Add(p); else tails[lo] = p;
        }
        var result = new List<(int, int)>(tails.Count + 2);
        for (int p = tails.Count > 0 ? tails[^1] : -1; p >= 0; p = previous[p]) result.Add(pairs[p]);
        result.Add((0, 0));
        result.Reverse();
        result.Add((x.Count, y.Count));
        return result;
    }
}
