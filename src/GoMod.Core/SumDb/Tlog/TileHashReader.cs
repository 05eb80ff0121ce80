namespace GoMod.Core.SumDb.Tlog;

/// <summary>
/// Reads stored hashes of a signed tree from tiles and authenticates every tile before trusting it: the tiles covering
/// the tree's complete subtrees must hash up to the tree hash, and every other tile must hash to its entry in its
/// (already authenticated) parent tile. A short tile is malformed; any mismatch is an inconsistent tile. Authenticated
/// tiles are handed back to the <see cref="ITileReader"/> to save.
/// </summary>
public sealed class TileHashReader : IHashReader
{
    private readonly long _treeSize;
    private readonly TlogHash _treeHash;
    private readonly ITileReader _tiles;

    /// <summary>A reader for the tree (<paramref name="treeSize"/>, <paramref name="treeHash"/>).</summary>
    public TileHashReader(long treeSize, TlogHash treeHash, ITileReader tiles)
    {
        _treeSize = treeSize;
        _treeHash = treeHash;
        _tiles = tiles;
    }

    /// <inheritdoc/>
    /// <exception cref="TlogException">An index is outside the tree, or a tile is malformed or does not authenticate.</exception>
    public async ValueTask<TlogHash[]> ReadHashesAsync(IReadOnlyList<long> indexes, CancellationToken ct)
    {
        var h = _tiles.Height;
        var order = new Dictionary<Tile, int>();
        var tiles = new List<Tile>();

        // The tiles needed to recompute the tree hash: if it matches, they are authentic.
        var stx = MerkleTree.SubTreeIndex(0, _treeSize, []);
        var stxOrder = new int[stx.Count];
        for (var i = 0; i < stx.Count; i++)
        {
            var tile = Tile.ForIndex(h, stx[i]).Parent(0, _treeSize)!.Value;
            if (!order.TryGetValue(tile, out var j))
            {
                j = tiles.Count;
                order[tile] = j;
                tiles.Add(tile);
            }
            stxOrder[i] = j;
        }

        // The tiles holding the requested hashes, with the ancestors needed to authenticate them (parents first).
        var indexOrder = new int[indexes.Count];
        for (var i = 0; i < indexes.Count; i++)
        {
            var x = indexes[i];
            if (x < 0 || x >= MerkleTree.StoredHashIndex(0, _treeSize))
                throw new TlogException(TlogErrorReason.OutOfRange, $"hash index {x} is not in the tree of size {_treeSize}");
            var tile = Tile.ForIndex(h, x);
            var k = 0;
            for (; ; k++)
            {
                var p = tile.Parent(k, _treeSize) ?? throw new InvalidOperationException("bad math in TileHashReader: no ancestor");
                if (order.TryGetValue(p, out var j))
                {
                    if (k == 0) indexOrder[i] = j;
                    break;
                }
            }
            for (k--; k >= 0; k--)
            {
                var p = tile.Parent(k, _treeSize)!.Value;
                if (!p.IsFull) throw new InvalidOperationException($"bad math in TileHashReader: {_treeSize} {x} {p}");
                order[p] = tiles.Count;
                if (k == 0) indexOrder[i] = tiles.Count;
                tiles.Add(p);
            }
        }

        var data = await _tiles.ReadTilesAsync(tiles, ct).ConfigureAwait(false);
        if (data.Length != tiles.Count) throw new InvalidOperationException("tile reader returned the wrong number of tiles");
        for (var i = 0; i < tiles.Count; i++)
            if (data[i].Length != tiles[i].W * TlogHash.Size)
                throw new TlogException(TlogErrorReason.MalformedTile,
                    $"malformed tile {tiles[i].Path}: {data[i].Length} bytes, expected {tiles[i].W * TlogHash.Size}");

        var last = stx.Count - 1;
        var th = tiles[stxOrder[last]].HashAt(data[stxOrder[last]], stx[last]);
        for (var i = last - 1; i >= 0; i--)
            th = MerkleTree.NodeHash(tiles[stxOrder[i]].HashAt(data[stxOrder[i]], stx[i]), th);
        if (th != _treeHash)
            throw new TlogException(TlogErrorReason.InconsistentTile, $"downloaded inconsistent tile: the tiles do not hash to the tree of size {_treeSize}");

        // Every other tile hashes to its entry in its parent (go 1.19 skips a few of them; we check them all).
        for (var i = 0; i < tiles.Count; i++)
        {
            if (IsTreeTile(i, stxOrder)) continue;
            var tile = tiles[i];
            var p = tile.Parent(1, _treeSize)!.Value;
            if (!order.TryGetValue(p, out var j)) throw new InvalidOperationException($"bad math in TileHashReader: lost parent of {tile}");
            var expected = p.HashAt(data[j], MerkleTree.StoredHashIndex(p.L * p.H, tile.N));
            if (expected != Tile.SubtreeHash(data[i]))
                throw new TlogException(TlogErrorReason.InconsistentTile, $"downloaded inconsistent tile {tile.Path}");
        }

        await _tiles.SaveTilesAsync(tiles, data, ct).ConfigureAwait(false);
        var hashes = new TlogHash[indexes.Count];
        for (var i = 0; i < indexes.Count; i++) hashes[i] = tiles[indexOrder[i]].HashAt(data[indexOrder[i]], indexes[i]);
        return hashes;
    }

    private static bool IsTreeTile(int tileIndex, int[] stxOrder) => Array.IndexOf(stxOrder, tileIndex) >= 0;
}
