namespace GoMod.Core.Internal;

/// <summary>
/// The string table a store file is written with (see <see cref="StoreFile"/>): each distinct string once, in the
/// order first asked for, referred to by its index.
/// </summary>
internal sealed class StoreStrings
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _table = [];

    /// <summary>The strings in index order, for <see cref="StoreFile.Seal"/>.</summary>
    public IReadOnlyList<string> Table => _table;

    /// <summary>The index of <paramref name="s"/>, added to the table when new.</summary>
    public int Id(string s)
    {
        if (!_ids.TryGetValue(s, out var id))
        {
            id = _table.Count;
            _ids[s] = id;
            _table.Add(s);
        }
        return id;
    }
}
