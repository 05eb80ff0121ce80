using GoMod.Core.Internal;
using GoMod.Core.ModCache;

namespace GoMod.Core.SumDb;

/// <summary>
/// The go command's storage for a checksum database, shared with it file for file: the latest verified tree note at
/// <c>$GOPATH/pkg/sumdb/&lt;name&gt;/latest</c>, rewritten in place under go's lock on that file (only when it still
/// holds the note we started from, so a newer tree written by another process is never lost); lookups and tiles under
/// <c>$GOMODCACHE/cache/download/sumdb/&lt;name&gt;/</c> (an empty file counts as missing, as go treats it). Remote
/// data comes from a <see cref="SumDbRemote"/>.
/// </summary>
public sealed class GoSumDbStore : ISumDbStore
{
    private readonly SumDbRemote _remote;

    /// <summary>A store for database <paramref name="name"/> under the given go directories.</summary>
    /// <param name="name">The database name.</param>
    /// <param name="sumDbDir"><c>$GOPATH/pkg/sumdb</c>.</param>
    /// <param name="modCache"><c>$GOMODCACHE</c>.</param>
    /// <param name="remote">How the database is reached.</param>
    public GoSumDbStore(string name, string sumDbDir, string modCache, SumDbRemote remote)
    {
        Name = name;
        LatestPath = Path.Combine(sumDbDir, Local(name), "latest");
        CacheRoot = Path.Combine(modCache, "cache", "download", "sumdb");
        _remote = remote;
    }

    /// <summary>The database name.</summary>
    public string Name { get; }

    /// <summary>Where the latest verified tree note lives.</summary>
    public string LatestPath { get; }

    /// <summary>The root of the lookup and tile cache (<c>$GOMODCACHE/cache/download/sumdb</c>).</summary>
    public string CacheRoot { get; }

    /// <inheritdoc/>
    public Task<byte[]> ReadRemoteAsync(string path, CancellationToken ct) => _remote.GetAsync(path, ct);

    /// <inheritdoc/>
    public async Task<byte[]> ReadLatestAsync(CancellationToken ct) =>
        await FileLock.ReadAllBytesAsync(LatestPath, ct).ConfigureAwait(false) ?? [];

    /// <inheritdoc/>
    public async Task<bool> WriteLatestAsync(byte[] old, byte[] updated, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(LatestPath)!);
        var conflict = false;
        await FileLock.TransformAsync(LatestPath, current =>
        {
            if (current.Length > 0 && !current.AsSpan().SequenceEqual(old))
            {
                conflict = true;
                return current;
            }
            return updated;
        }, ct).ConfigureAwait(false);
        return !conflict;
    }

    /// <inheritdoc/>
    public async Task<byte[]?> ReadCacheAsync(string file, CancellationToken ct)
    {
        byte[]? data;
        try
        {
            data = await FileLock.ReadAllBytesAsync(CachePath(file), ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        return data is { Length: > 0 } ? data : null;
    }

    /// <inheritdoc/>
    public async Task WriteCacheAsync(string file, byte[] data, CancellationToken ct)
    {
        try
        {
            await ModuleCache.WriteAtomicAsync(CachePath(file), data, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be written (read-only GOMODCACHE) costs only a later download, as in go.
        }
    }

    /// <summary>The file of a cache key (<c>name/tile/8/0/000</c>).</summary>
    public string CachePath(string file) => Path.Combine(CacheRoot, Local(file));

    private static string Local(string slashPath) => slashPath.Replace('/', Path.DirectorySeparatorChar);
}
