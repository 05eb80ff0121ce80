using System.Text;

namespace GoMod.Tasks;

/// <summary>
/// obj/&lt;project&gt;.gomod.modules: the build list as the restore published it, in the plainest form a no-op build can
/// turn into <c>@(GoModule)</c> items (see <see cref="GoModPublishModules"/>). A header line <c>gomod-modules 1 N</c>,
/// then one line per module: the item identity and the <see cref="MetadataNames"/> values in their order,
/// separated by tabs, each escaped as MSBuild escapes item values (<c>%xx</c>, see <see cref="AppendEscaped"/>), so no
/// value holds a tab or a line break and a task item takes it without another pass.
/// This type uses no GoMod.Core type, so reading the file loads GoMod.Tasks alone.
/// </summary>
internal static class ModuleListFile
{
    private const string Header = "gomod-modules 1 ";

    /// <summary>The metadata names of a <c>GoModule</c> item, in the order the g.props and this file write them.</summary>
    public static readonly string[] MetadataNames = ["Version", "Dir", "Sum", "GoModSum", "Replace", "Indirect", "Main"];

    /// <summary>The fields of one line: identity, then one value per metadata name.</summary>
    public const int FieldCount = 8;

    /// <summary>The file text for <paramref name="rows"/>, each <see cref="FieldCount"/> values long.</summary>
    public static string Render(IReadOnlyCollection<string[]> rows)
    {
        var sb = new StringBuilder(rows.Count * 200);
        sb.Append(Header).Append(rows.Count).Append('\n');
        foreach (var row in rows)
        {
            if (row.Length != FieldCount) throw new ArgumentException($"a module line has {FieldCount} fields, not {row.Length}", nameof(rows));
            for (var i = 0; i < row.Length; i++)
            {
                if (i > 0) sb.Append('\t');
                AppendEscaped(sb, row[i]);
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>
    /// The rows of <paramref name="text"/>, each value still MSBuild-escaped (as a task item takes it), or null when it is not a whole file of this format (an older SDK's, a
    /// truncated or edited one): the caller then publishes from the cache file instead.
    /// </summary>
    public static List<string[]>? Parse(string text)
    {
        if (!text.StartsWith(Header, StringComparison.Ordinal)) return null;
        var end = text.IndexOf('\n');
        if (end < 0 || !int.TryParse(text.AsSpan(Header.Length, end - Header.Length), System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out var count)) return null;
        var rows = new List<string[]>(count);
        var start = end + 1;
        while (start < text.Length)
        {
            end = text.IndexOf('\n', start);
            if (end < 0) return null;
            var fields = text.Substring(start, end - start).Split('\t');
            if (fields.Length != FieldCount) return null;
            rows.Add(fields);
            start = end + 1;
        }
        return rows.Count == count ? rows : null;
    }

    /// <summary>
    /// MSBuild's escaping (%xx) of the characters it would otherwise expand or split on, and of this file's separators
    /// (tab, CR, LF): the value a task item or a g.props attribute takes as it is, and reads back unescaped.
    /// </summary>
    public static string Escape(string value)
    {
        if (value.AsSpan().IndexOfAny(Escaped) < 0) return value;
        var sb = new StringBuilder(value.Length + 8);
        AppendEscaped(sb, value);
        return sb.ToString();
    }

    private static readonly System.Buffers.SearchValues<char> Escaped = System.Buffers.SearchValues.Create("%*?@$();'\t\r\n");

    private static void AppendEscaped(StringBuilder sb, string value)
    {
        foreach (var c in value)
        {
            if (Escaped.Contains(c)) sb.Append('%').Append(((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            else sb.Append(c);
        }
    }
}
