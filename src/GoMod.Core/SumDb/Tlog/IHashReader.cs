namespace GoMod.Core.SumDb.Tlog;

/// <summary>Reads stored hashes by storage index (see <see cref="MerkleTree.StoredHashIndex"/>).</summary>
public interface IHashReader
{
    /// <summary>The hashes at <paramref name="indexes"/>, in the same order.</summary>
    ValueTask<TlogHash[]> ReadHashesAsync(IReadOnlyList<long> indexes, CancellationToken ct);
}
