namespace GoMod.Core.SumDb.Tlog;

/// <summary>Where a <see cref="TileHashReader"/> gets tiles (a cache, a server) and saves those it authenticated.</summary>
public interface ITileReader
{
    /// <summary>The tile height.</summary>
    int Height { get; }

    /// <summary>The data of each tile (possibly unauthenticated; the caller checks it).</summary>
    Task<byte[][]> ReadTilesAsync(IReadOnlyList<Tile> tiles, CancellationToken ct);

    /// <summary>Called with tiles whose data has been authenticated against a signed tree.</summary>
    Task SaveTilesAsync(IReadOnlyList<Tile> tiles, IReadOnlyList<byte[]> data, CancellationToken ct);
}
