namespace GoMod.Core.SumDb.Tlog;

/// <summary>
/// Inclusion proofs (a record is in a tree) and consistency proofs (a smaller tree is a prefix of a larger one), RFC
/// 6962 §2.1.1 and §2.1.2, built from stored hashes and checked against tree hashes.
/// </summary>
public static class TlogProofs
{
    /// <summary>The inclusion proof of record <paramref name="n"/> in the tree of size <paramref name="t"/>.</summary>
    public static async ValueTask<TlogHash[]> ProveRecordAsync(long t, long n, IHashReader reader, CancellationToken ct)
    {
        if (t < 0 || n < 0 || n >= t) throw new TlogException(TlogErrorReason.OutOfRange, $"record {n} is not in a tree of size {t}");
        var indexes = LeafProofIndex(0, t, n, []);
        if (indexes.Count == 0) return [];
        var hashes = await reader.ReadHashesAsync(indexes, ct).ConfigureAwait(false);
        var at = 0;
        var p = LeafProof(0, t, n, hashes, ref at);
        return [.. p];
    }

    /// <summary>Whether <paramref name="proof"/> shows that record <paramref name="n"/> with leaf hash <paramref name="leaf"/> is in the tree (<paramref name="t"/>, <paramref name="treeHash"/>).</summary>
    /// <exception cref="TlogException">The proof does not verify.</exception>
    public static void CheckRecord(IReadOnlyList<TlogHash> proof, long t, TlogHash treeHash, long n, TlogHash leaf)
    {
        if (t < 0 || n < 0 || n >= t || RunRecordProof(proof, proof.Count, 0, t, n, leaf) is not { } h || h != treeHash)
            throw new TlogException(TlogErrorReason.ProofFailed, $"inclusion proof of record {n} in tree of size {t} failed");
    }

    /// <summary>The consistency proof between the tree of size <paramref name="n"/> and its extension of size <paramref name="t"/>.</summary>
    public static async ValueTask<TlogHash[]> ProveTreeAsync(long t, long n, IHashReader reader, CancellationToken ct)
    {
        if (t < 1 || n < 1 || n > t) throw new TlogException(TlogErrorReason.OutOfRange, $"no consistency proof from size {n} to size {t}");
        var indexes = TreeProofIndex(0, t, n, []);
        if (indexes.Count == 0) return [];
        var hashes = await reader.ReadHashesAsync(indexes, ct).ConfigureAwait(false);
        var at = 0;
        return [.. TreeProof(0, t, n, hashes, ref at)];
    }

    /// <summary>Whether <paramref name="proof"/> shows that tree (<paramref name="n"/>, <paramref name="oldHash"/>) is a prefix of (<paramref name="t"/>, <paramref name="treeHash"/>).</summary>
    /// <exception cref="TlogException">The proof does not verify.</exception>
    public static void CheckTree(IReadOnlyList<TlogHash> proof, long t, TlogHash treeHash, long n, TlogHash oldHash)
    {
        if (t < 1 || n < 1 || n > t || RunTreeProof(proof, proof.Count, 0, t, n, oldHash) is not { } r || r.Old != oldHash || r.Tree != treeHash)
            throw new TlogException(TlogErrorReason.ProofFailed, $"consistency proof from tree of size {n} to size {t} failed");
    }

    private static List<long> LeafProofIndex(long lo, long hi, long n, List<long> need)
    {
        if (lo + 1 == hi) return need;
        var (k, _) = MerkleTree.MaxPow2(hi - lo);
        if (n < lo + k)
        {
            LeafProofIndex(lo, lo + k, n, need);
            MerkleTree.SubTreeIndex(lo + k, hi, need);
        }
        else
        {
            MerkleTree.SubTreeIndex(lo, lo + k, need);
            LeafProofIndex(lo + k, hi, n, need);
        }
        return need;
    }

    private static List<TlogHash> LeafProof(long lo, long hi, long n, IReadOnlyList<TlogHash> hashes, ref int at)
    {
        if (lo + 1 == hi) return [];
        var (k, _) = MerkleTree.MaxPow2(hi - lo);
        List<TlogHash> p;
        TlogHash th;
        if (n < lo + k)
        {
            p = LeafProof(lo, lo + k, n, hashes, ref at);
            th = MerkleTree.SubTreeHash(lo + k, hi, hashes, ref at);
        }
        else
        {
            th = MerkleTree.SubTreeHash(lo, lo + k, hashes, ref at);
            p = LeafProof(lo + k, hi, n, hashes, ref at);
        }
        p.Add(th);
        return p;
    }

    private static TlogHash? RunRecordProof(IReadOnlyList<TlogHash> p, int len, long lo, long hi, long n, TlogHash leaf)
    {
        if (lo + 1 == hi) return len == 0 ? leaf : null;
        if (len == 0) return null;
        var (k, _) = MerkleTree.MaxPow2(hi - lo);
        if (n < lo + k)
            return RunRecordProof(p, len - 1, lo, lo + k, n, leaf) is { } l ? MerkleTree.NodeHash(l, p[len - 1]) : null;
        return RunRecordProof(p, len - 1, lo + k, hi, n, leaf) is { } r ? MerkleTree.NodeHash(p[len - 1], r) : null;
    }

    private static List<long> TreeProofIndex(long lo, long hi, long n, List<long> need)
    {
        if (n == hi) return lo == 0 ? need : MerkleTree.SubTreeIndex(lo, hi, need);
        var (k, _) = MerkleTree.MaxPow2(hi - lo);
        if (n <= lo + k)
        {
            TreeProofIndex(lo, lo + k, n, need);
            MerkleTree.SubTreeIndex(lo + k, hi, need);
        }
        else
        {
            MerkleTree.SubTreeIndex(lo, lo + k, need);
            TreeProofIndex(lo + k, hi, n, need);
        }
        return need;
    }

    private static List<TlogHash> TreeProof(long lo, long hi, long n, IReadOnlyList<TlogHash> hashes, ref int at)
    {
        if (n == hi)
            return lo == 0 ? [] : [MerkleTree.SubTreeHash(lo, hi, hashes, ref at)];
        var (k, _) = MerkleTree.MaxPow2(hi - lo);
        List<TlogHash> p;
        TlogHash th;
        if (n <= lo + k)
        {
            p = TreeProof(lo, lo + k, n, hashes, ref at);
            th = MerkleTree.SubTreeHash(lo + k, hi, hashes, ref at);
        }
        else
        {
            th = MerkleTree.SubTreeHash(lo, lo + k, hashes, ref at);
            p = TreeProof(lo + k, hi, n, hashes, ref at);
        }
        p.Add(th);
        return p;
    }

    private static (TlogHash Old, TlogHash Tree)? RunTreeProof(IReadOnlyList<TlogHash> p, int len, long lo, long hi, long n, TlogHash old)
    {
        if (n == hi)
        {
            if (lo == 0) return len == 0 ? (old, old) : null;
            return len == 1 ? (p[0], p[0]) : null;
        }
        if (len == 0) return null;
        var (k, _) = MerkleTree.MaxPow2(hi - lo);
        var last = p[len - 1];
        if (n <= lo + k)
            return RunTreeProof(p, len - 1, lo, lo + k, n, old) is { } l ? (l.Old, MerkleTree.NodeHash(l.Tree, last)) : null;
        return RunTreeProof(p, len - 1, lo + k, hi, n, old) is { } r ? (MerkleTree.NodeHash(last, r.Old), MerkleTree.NodeHash(last, r.Tree)) : null;
    }
}
