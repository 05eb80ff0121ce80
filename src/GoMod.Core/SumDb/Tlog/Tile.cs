using System.Globalization;

namespace GoMod.Core.SumDb.Tlog;

/// <summary>
/// A tile of the log's stored hashes (x/mod tlog tiling): tile (H, L, N) holds the hashes of level L·H, records
/// [N·2^H, (N+1)·2^H) at that level, W of them (W = 2^H: full; fewer: partial). Level −1 is the data tile holding the
/// records themselves. Its path is <c>tile/H/L/NNN[.p/W]</c> with N written three digits per element, all but the last
/// prefixed by <c>x</c> (<c>x001/x234/067</c>), and L written <c>data</c> for data tiles.
/// </summary>
/// <param name="H">Tile height (1…30).</param>
/// <param name="L">Level in the tiling (−1 for data).</param>
/// <param name="N">Index within the level.</param>
/// <param name="W">Width (1…2^H).</param>
public readonly record struct Tile(int H, int L, long N, int W)
{
    private const int PathBase = 1000;

    /// <summary>Whether the tile holds all 2^H hashes.</summary>
    public bool IsFull => W == 1 << H;

    /// <summary>The same tile at full width.</summary>
    public Tile Full => this with { W = 1 << H };

    /// <summary>The tile's path below the log's root (<c>tile/8/0/x001/234.p/5</c>).</summary>
    public string Path
    {
        get
        {
            var n = N;
            var s = (n % PathBase).ToString("000", CultureInfo.InvariantCulture);
            while (n >= PathBase)
            {
                n /= PathBase;
                s = "x" + (n % PathBase).ToString("000", CultureInfo.InvariantCulture) + "/" + s;
            }
            var level = L == -1 ? "data" : L.ToString(CultureInfo.InvariantCulture);
            var partial = IsFull ? "" : ".p/" + W.ToString(CultureInfo.InvariantCulture);
            return string.Create(CultureInfo.InvariantCulture, $"tile/{H}/{level}/{s}{partial}");
        }
    }

    /// <summary>Parses a tile path; only the canonical spelling is accepted.</summary>
    /// <exception cref="TlogException">Malformed path.</exception>
    public static Tile Parse(string path)
    {
        var f = path.Split('/').ToList();
        TlogException Bad() => new(TlogErrorReason.MalformedTilePath, $"malformed tile path: {path}");
        if (f.Count < 4 || f[0] != "tile") throw Bad();
        var isData = f[2] == "data";
        if (!int.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out var h) ||
            !int.TryParse(isData ? "0" : f[2], NumberStyles.None, CultureInfo.InvariantCulture, out var l) || h < 1 || h > 30)
            throw Bad();
        var w = 1 << h;
        if (f[^2].EndsWith(".p", StringComparison.Ordinal))
        {
            if (!int.TryParse(f[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var ww) || ww <= 0 || ww >= w) throw Bad();
            w = ww;
            f[^2] = f[^2][..^2];
            f.RemoveAt(f.Count - 1);
        }
        long n = 0;
        foreach (var part in f.Skip(3))
        {
            var digits = part.StartsWith('x') ? part[1..] : part;
            if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var nn) || nn >= PathBase) throw Bad();
            n = n * PathBase + nn;
        }
        var t = new Tile(h, isData ? -1 : l, n, w);
        if (t.Path != path) throw Bad();
        return t;
    }

    /// <summary>The narrowest tile of height <paramref name="h"/> that holds the hash at storage index <paramref name="index"/>.</summary>
    public static Tile ForIndex(int h, long index) => ForIndexWithRange(h, index).Tile;

    private static (Tile Tile, int Start, int End) ForIndexWithRange(int h, long index)
    {
        var (level, n) = MerkleTree.SplitStoredHashIndex(index);
        var l = level / h;
        level -= l * h; // level within the tile
        var tn = n << level >> h;
        n -= tn << h >> level; // n within the tile, at that level
        var w = (int)((n + 1) << level);
        return (new Tile(h, l, tn, w), (int)(n << level) * TlogHash.Size, (int)((n + 1) << level) * TlogHash.Size);
    }

    /// <summary>
    /// The hash at storage index <paramref name="index"/> computed from this tile's <paramref name="data"/> (the tile
    /// must be <see cref="ForIndex"/>'s tile or a wider one).
    /// </summary>
    /// <exception cref="TlogException">The index is not in this tile or the data is too short.</exception>
    public TlogHash HashAt(ReadOnlySpan<byte> data, long index)
    {
        if (H < 1 || H > 30 || L < 0 || L >= 64 || W < 1 || W > 1 << H)
            throw new TlogException(TlogErrorReason.OutOfRange, $"invalid tile {Path}");
        if (data.Length < W * TlogHash.Size)
            throw new TlogException(TlogErrorReason.MalformedTile, $"data length {data.Length} too short for {Path}");
        var (t1, start, end) = ForIndexWithRange(H, index);
        if (L != t1.L || N != t1.N || W < t1.W)
            throw new TlogException(TlogErrorReason.OutOfRange, $"index {index} is in {t1.Path}, not {Path}");
        return SubtreeHash(data[start..end]);
    }

    /// <summary>The hash of the complete subtree whose 2^k hashes are <paramref name="data"/> (pairwise node hashes).</summary>
    public static TlogHash SubtreeHash(ReadOnlySpan<byte> data)
    {
        if (data.Length == TlogHash.Size) return new TlogHash(data);
        var half = data.Length / 2;
        return MerkleTree.NodeHash(SubtreeHash(data[..half]), SubtreeHash(data[half..]));
    }

    /// <summary>
    /// This tile's <paramref name="k"/>th ancestor in the tiling of a tree of <paramref name="treeSize"/> records
    /// (partial when the tree ends inside it); null when the tree has no such tile.
    /// </summary>
    public Tile? Parent(int k, long treeSize)
    {
        var l = L + k;
        var n = N >> (k * H);
        var w = 1 << H;
        var max = treeSize >> (l * H);
        if ((n << H) + w >= max)
        {
            if (n << H >= max) return null;
            w = (int)(max - (n << H));
        }
        return new Tile(H, l, n, w);
    }

    /// <summary>
    /// The tiles a log publishes when it grows from <paramref name="oldSize"/> to <paramref name="newSize"/> records:
    /// every tile that became full, plus the new partial tile of each level.
    /// </summary>
    public static IReadOnlyList<Tile> NewTiles(int h, long oldSize, long newSize)
    {
        var tiles = new List<Tile>();
        for (var level = 0; newSize >> (h * level) > 0; level++)
        {
            var oldN = oldSize >> (h * level);
            var newN = newSize >> (h * level);
            if (oldN == newN) continue;
            for (var n = oldN >> h; n < newN >> h; n++) tiles.Add(new Tile(h, level, n, 1 << h));
            var last = newN >> h;
            var w = (int)(newN - (last << h));
            if (w > 0) tiles.Add(new Tile(h, level, last, w));
        }
        return tiles;
    }

    /// <summary>The tile's bytes (W hashes of 32 bytes) read from stored hashes.</summary>
    public async ValueTask<byte[]> ReadDataAsync(IHashReader reader, CancellationToken ct)
    {
        var start = N << H;
        var indexes = new long[W];
        for (var i = 0; i < W; i++) indexes[i] = MerkleTree.StoredHashIndex(H * L, start + i);
        var hashes = await reader.ReadHashesAsync(indexes, ct).ConfigureAwait(false);
        var data = new byte[W * TlogHash.Size];
        for (var i = 0; i < W; i++) hashes[i].Bytes.CopyTo(data.AsSpan(i * TlogHash.Size));
        return data;
    }

    /// <inheritdoc/>
    public override string ToString() => Path;
}
