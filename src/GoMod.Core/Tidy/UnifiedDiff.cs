using System.Text;

namespace GoMod.Core.Tidy;

/// <summary>
/// A unified diff of two texts by lines (<c>diff old new</c>, <c>--- old</c>, <c>+++ new</c>, hunks with three lines of
/// context), the form <c>go mod tidy -diff</c> prints; empty when the texts are equal.
/// </summary>
internal static class UnifiedDiff
{
    private const int Context = 3;

    public static string Diff(string oldName, string? oldText, string newName, string? newText)
    {
        oldText ??= "";
        newText ??= "";
        if (oldText == newText) return "";
        var a = Lines(oldText);
        var b = Lines(newText);
        var edits = Edits(a, b);

        var sb = new StringBuilder();
        sb.Append("diff ").Append(oldName).Append(' ').Append(newName).Append('\n');
        sb.Append("--- ").Append(oldName).Append('\n');
        sb.Append("+++ ").Append(newName).Append('\n');

        // Each change with its context; changes whose contexts touch share a hunk.
        var ranges = new List<(int Start, int End)>();
        for (int k = 0; k < edits.Count; k++)
        {
            if (edits[k].Op == ' ') continue;
            int s = Math.Max(0, k - Context), e = Math.Min(edits.Count, k + Context + 1);
            if (ranges.Count > 0 && s <= ranges[^1].End) ranges[^1] = (ranges[^1].Start, Math.Max(ranges[^1].End, e));
            else ranges.Add((s, e));
        }
        foreach (var (s, e) in ranges) AppendHunk(sb, edits, s, e);
        return sb.ToString();
    }

    private static void AppendHunk(StringBuilder sb, List<(char Op, string Line, int A, int B)> edits, int start, int end)
    {
        int aStart = edits[start].A, bStart = edits[start].B, aCount = 0, bCount = 0;
        for (int k = start; k < end; k++)
        {
            if (edits[k].Op != '+') aCount++;
            if (edits[k].Op != '-') bCount++;
        }
        sb.Append("@@ -").Append(aCount == 0 ? aStart : aStart + 1).Append(',').Append(aCount)
          .Append(" +").Append(bCount == 0 ? bStart : bStart + 1).Append(',').Append(bCount).Append(" @@\n");
        for (int k = start; k < end; k++)
        {
            var line = edits[k].Line;
            sb.Append(edits[k].Op).Append(line.EndsWith('\n') ? line : line + "\n");
            if (!line.EndsWith('\n')) sb.Append("\\ No newline at end of file\n");
        }
    }

    /// <summary>The lines of a text, each with its newline (the last may lack one).</summary>
    private static List<string> Lines(string text)
    {
        var lines = new List<string>();
        int pos = 0;
        while (pos < text.Length)
        {
            int nl = text.IndexOf('\n', pos);
            int next = nl < 0 ? text.Length : nl + 1;
            lines.Add(text[pos..next]);
            pos = next;
        }
        return lines;
    }

    /// <summary>A shortest edit script by longest common subsequence: each entry its op, line, and the line indexes before it in a and b.</summary>
    private static List<(char Op, string Line, int A, int B)> Edits(List<string> a, List<string> b)
    {
        int n = a.Count, m = b.Count;
        var lcs = new int[n + 1, m + 1];
        for (int x = n - 1; x >= 0; x--)
            for (int y = m - 1; y >= 0; y--)
                lcs[x, y] = a[x] == b[y] ? lcs[x + 1, y + 1] + 1 : Math.Max(lcs[x + 1, y], lcs[x, y + 1]);
        var edits = new List<(char, string, int, int)>(n + m);
        int i = 0, j = 0;
        while (i < n || j < m)
        {
            if (i < n && j < m && a[i] == b[j]) { edits.Add((' ', a[i], i, j)); i++; j++; }
            else if (j < m && (i == n || lcs[i, j + 1] > lcs[i + 1, j])) { edits.Add(('+', b[j], i, j)); j++; }
            else { edits.Add(('-', a[i], i, j)); i++; }
        }
        return edits;
    }
}
