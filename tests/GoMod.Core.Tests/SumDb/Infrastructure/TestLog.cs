using System.Text;
using GoMod.Core.SumDb.Tlog;

namespace GoMod.Core.Tests.SumDb.Infrastructure;

/// <summary>
/// A real append-only log for tests: record texts plus every stored hash, computed with RFC 6962 hashing as a
/// checksum database stores them, so tiles and tree hashes come out as a server would publish them.
/// </summary>
public sealed class TestLog : IHashReader
{
    private readonly List<byte[]> _records = [];
    private readonly List<TlogHash> _hashes = [];
    private readonly object _gate = new();

    public long Size
    {
        get
        {
            lock (_gate) return _records.Count;
        }
    }

    /// <summary>Appends a record and returns its id.</summary>
    public long Append(byte[] text)
    {
        lock (_gate)
        {
            var n = _records.Count;
            var added = MerkleTree.StoredHashesAsync(n, MerkleTree.RecordHash(text), this, default).AsTask().GetAwaiter().GetResult();
            _records.Add(text);
            _hashes.AddRange(added);
            return n;
        }
    }

    public long Append(string text) => Append(Encoding.UTF8.GetBytes(text));

    public byte[] Record(long id)
    {
        lock (_gate) return _records[(int)id];
    }

    public IReadOnlyList<byte[]> Records
    {
        get
        {
            lock (_gate) return _records.ToList();
        }
    }

    /// <summary>The tree of the first <paramref name="n"/> records (default: all).</summary>
    public LogTree Tree(long? n = null)
    {
        var size = n ?? Size;
        return new LogTree(size, MerkleTree.TreeHashAsync(size, this, default).AsTask().GetAwaiter().GetResult());
    }

    public ValueTask<TlogHash[]> ReadHashesAsync(IReadOnlyList<long> indexes, CancellationToken ct)
    {
        lock (_gate)
        {
            var result = new TlogHash[indexes.Count];
            for (var i = 0; i < indexes.Count; i++)
            {
                if (indexes[i] >= _hashes.Count) throw new TlogException(TlogErrorReason.OutOfRange, $"no hash {indexes[i]}");
                result[i] = _hashes[(int)indexes[i]];
            }
            return ValueTask.FromResult(result);
        }
    }

    /// <summary>A tile as the log of size <paramref name="treeSize"/> publishes it; null when it does not exist yet.</summary>
    public byte[]? TileData(Tile tile, long treeSize)
    {
        if (tile.L == -1)
        {
            var start = tile.N << tile.H;
            if (start + tile.W > treeSize) return null;
            var data = new List<byte>();
            for (var i = 0; i < tile.W; i++) data.AddRange(LogRecord.Format(start + i, Record(start + i)));
            return data.ToArray();
        }
        var available = treeSize >> (tile.L * tile.H);
        if ((tile.N << tile.H) + tile.W > available) return null;
        return tile.ReadDataAsync(this, default).AsTask().GetAwaiter().GetResult();
    }
}
