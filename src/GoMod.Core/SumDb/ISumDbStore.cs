namespace GoMod.Core.SumDb;

/// <summary>
/// Where a <see cref="SumDbClient"/> gets and keeps data (x/mod's <c>ClientOps</c>): the database itself, the
/// configuration file holding the latest verified tree note, and the cache of lookups and tiles.
/// </summary>
public interface ISumDbStore
{
    /// <summary>GETs <paramref name="path"/> (<c>/lookup/…</c>, <c>/tile/…</c>) from the database.</summary>
    /// <exception cref="SumDbUnavailableException">The database could not be reached or answered with an error.</exception>
    Task<byte[]> ReadRemoteAsync(string path, CancellationToken ct);

    /// <summary>The latest tree note stored for the database (empty when none).</summary>
    Task<byte[]> ReadLatestAsync(CancellationToken ct);

    /// <summary>
    /// Replaces the stored latest tree note with <paramref name="updated"/> if it still is <paramref name="old"/> (or
    /// empty), atomically with respect to other processes; false when someone else wrote another note meanwhile.
    /// </summary>
    Task<bool> WriteLatestAsync(byte[] old, byte[] updated, CancellationToken ct);

    /// <summary>A cached lookup or tile (<c>name/lookup/…</c>, <c>name/tile/…</c>); null when missing or empty.</summary>
    Task<byte[]?> ReadCacheAsync(string file, CancellationToken ct);

    /// <summary>Caches authenticated data under <paramref name="file"/>.</summary>
    Task WriteCacheAsync(string file, byte[] data, CancellationToken ct);
}
