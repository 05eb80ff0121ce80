using System.Numerics;
using System.Security.Cryptography;

namespace GoMod.Core.SumDb.Tlog;

/// <summary>
/// RFC 6962 Merkle tree hashing over a log of records, as x/mod's tlog stores it: a record hashes as
/// SHA-256(0x00 ‖ data), an interior node as SHA-256(0x01 ‖ left ‖ right), and the hash of a tree of N records splits
/// at the largest power of two below N. Every complete subtree's hash is stored once, at a dense index: the hashes
/// added with record n are (level 0, n), then one per trailing one-bit of n (completed subtrees). The empty tree hashes
/// to all zeros.
/// </summary>
public static class MerkleTree
{
    /// <summary>The leaf hash of a record's data.</summary>
    public static TlogHash RecordHash(ReadOnlySpan<byte> data)
    {
        var buf = new byte[1 + data.Length];
        data.CopyTo(buf.AsSpan(1));
        return new TlogHash(SHA256.HashData(buf));
    }

    /// <summary>The interior hash of two children.</summary>
    public static TlogHash NodeHash(TlogHash left, TlogHash right)
    {
        Span<byte> buf = stackalloc byte[1 + 2 * TlogHash.Size];
        buf[0] = 1;
        left.Bytes.CopyTo(buf[1..]);
        right.Bytes.CopyTo(buf[(1 + TlogHash.Size)..]);
        return new TlogHash(SHA256.HashData(buf));
    }

    /// <summary>The storage index of the hash of the <paramref name="n"/>th subtree of height <paramref name="level"/>.</summary>
    public static long StoredHashIndex(int level, long n)
    {
        // Level L's hash n is stored right after level L-1's hash 2n+1: walk down to level 0.
        for (var l = level; l > 0; l--) n = 2 * n + 1;
        // Record n's leaf hash follows n + n/2 + n/4 + ... earlier hashes.
        long i = 0;
        for (; n > 0; n >>= 1) i += n;
        return i + level;
    }

    /// <summary>The (level, n) coordinates of a storage index; the inverse of <see cref="StoredHashIndex"/>.</summary>
    public static (int Level, long N) SplitStoredHashIndex(long index)
    {
        // StoredHashIndex(0, n) is below 2n, so the record is at least index/2.
        var n = index / 2;
        var indexN = StoredHashIndex(0, n);
        while (true)
        {
            // Record n adds 1 + trailing-zeros(n+1) hashes.
            var next = indexN + 1 + BitOperations.TrailingZeroCount((ulong)(n + 1));
            if (next > index) break;
            n++;
            indexN = next;
        }
        var level = (int)(index - indexN);
        return (level, n >> level);
    }

    /// <summary>How many hashes a tree of <paramref name="n"/> records stores.</summary>
    public static long StoredHashCount(long n)
    {
        if (n == 0) return 0;
        var count = StoredHashIndex(0, n - 1) + 1;
        for (var i = (ulong)(n - 1); (i & 1) != 0; i >>= 1) count++;
        return count;
    }

    /// <summary>
    /// The hashes to store when record <paramref name="n"/> (hashing to <paramref name="recordHash"/>) is appended:
    /// its leaf hash, then the hash of each subtree it completes (reading the left siblings from <paramref name="reader"/>).
    /// </summary>
    public static async ValueTask<TlogHash[]> StoredHashesAsync(long n, TlogHash recordHash, IHashReader reader, CancellationToken ct)
    {
        var m = BitOperations.TrailingZeroCount((ulong)(n + 1));
        var indexes = new long[m];
        for (var i = 0; i < m; i++) indexes[m - 1 - i] = StoredHashIndex(i, (n >> i) - 1);
        var old = m == 0 ? [] : await reader.ReadHashesAsync(indexes, ct).ConfigureAwait(false);
        var result = new TlogHash[m + 1];
        result[0] = recordHash;
        var h = recordHash;
        for (var i = 0; i < m; i++)
        {
            h = NodeHash(old[m - 1 - i], h);
            result[i + 1] = h;
        }
        return result;
    }

    /// <summary>The hash of the tree of the first <paramref name="n"/> records.</summary>
    public static async ValueTask<TlogHash> TreeHashAsync(long n, IHashReader reader, CancellationToken ct)
    {
        if (n == 0) return default;
        var indexes = SubTreeIndex(0, n, []);
        var hashes = await reader.ReadHashesAsync(indexes, ct).ConfigureAwait(false);
        var at = 0;
        var h = SubTreeHash(0, n, hashes, ref at);
        if (at != hashes.Length) throw new InvalidOperationException("bad math in TreeHash");
        return h;
    }

    /// <summary>The largest power of two strictly below <paramref name="n"/> (n ≥ 2), and its log.</summary>
    internal static (long K, int Level) MaxPow2(long n)
    {
        var l = 0;
        while (1L << (l + 1) < n) l++;
        return (1L << l, l);
    }

    /// <summary>
    /// Appends the storage indexes of the complete subtrees that cover records [lo, hi), largest first.
    /// </summary>
    internal static List<long> SubTreeIndex(long lo, long hi, List<long> need)
    {
        while (lo < hi)
        {
            var (k, level) = MaxPow2(hi - lo + 1);
            if ((lo & (k - 1)) != 0) throw new InvalidOperationException("bad math in SubTreeIndex");
            need.Add(StoredHashIndex(level, lo >> level));
            lo += k;
        }
        return need;
    }

    /// <summary>
    /// Combines the subtree hashes listed by <see cref="SubTreeIndex"/> for [lo, hi), consuming them from
    /// <paramref name="hashes"/> at <paramref name="at"/>.
    /// </summary>
    internal static TlogHash SubTreeHash(long lo, long hi, IReadOnlyList<TlogHash> hashes, ref int at)
    {
        var count = 0;
        for (var x = lo; x < hi; count++) x += MaxPow2(hi - x + 1).K;
        if (hashes.Count - at < count) throw new InvalidOperationException("bad math in SubTreeHash");
        var h = hashes[at + count - 1];
        for (var i = count - 2; i >= 0; i--) h = NodeHash(hashes[at + i], h);
        at += count;
        return h;
    }
}
