using System.Globalization;

namespace GoMod.Core.SumDb.Tlog;

/// <summary>
/// A tree head: the log's size and root hash, written in a tree note as <c>go.sum database tree\nN\nbase64(hash)\n</c>
/// (N in canonical decimal; lines after the third are ignored for forward compatibility).
/// </summary>
/// <param name="N">Number of records.</param>
/// <param name="Hash">Root hash (all zeros for the empty tree).</param>
public readonly record struct LogTree(long N, TlogHash Hash)
{
    private const string Prefix = "go.sum database tree\n";

    /// <summary>The tree note text.</summary>
    public string Format() => string.Create(CultureInfo.InvariantCulture, $"{Prefix}{N}\n{Hash}\n");

    /// <summary>Parses tree note text.</summary>
    /// <exception cref="TlogException">Malformed.</exception>
    public static LogTree Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        TlogException Bad(string why) => new(TlogErrorReason.MalformedTree, "malformed tree note: " + why);
        if (!text.StartsWith(Prefix, StringComparison.Ordinal) || text.Count(c => c == '\n') < 3 || text.Length > 1_000_000)
            throw Bad("not a go.sum database tree");
        var lines = text.Split('\n', 4);
        if (!long.TryParse(lines[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || lines[1] != n.ToString(CultureInfo.InvariantCulture))
            throw Bad($"bad size {lines[1]}");
        byte[] h;
        try
        {
            h = Convert.FromBase64String(lines[2]);
        }
        catch (FormatException e)
        {
            throw new TlogException(TlogErrorReason.MalformedTree, "malformed tree note: bad hash", e);
        }
        if (h.Length != TlogHash.Size) throw Bad("bad hash");
        return new LogTree(n, new TlogHash(h));
    }

    /// <inheritdoc/>
    public override string ToString() => Format();
}
