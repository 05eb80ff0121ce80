using System.Collections.Concurrent;
using System.Text;
using GoMod.Core.Module;
using GoMod.Core.SumDb.Note;
using GoMod.Core.SumDb.Tlog;

namespace GoMod.Core.SumDb;

/// <summary>
/// A checksum database client with x/mod's sumdb client rules. A lookup answer is a record plus a signed tree note; the
/// note must verify with the database key, the tree must be consistent with the latest tree seen so far (checked by
/// recomputing the older tree's hash from tiles of the newer one: a different hash is a fork, a SECURITY ERROR), the
/// newer of the two becomes the latest (written back under the store's lock, never replacing a newer one), and the
/// record must hash to its leaf in the latest tree, read from tiles authenticated against the signed hash. Only
/// verified lookups and authenticated tiles are cached. Thread-safe; lookups and tiles are fetched once per client.
/// </summary>
public sealed class SumDbClient : ITileReader
{
    private readonly NoteVerifier[] _verifiers;
    private readonly ISumDbStore _store;
    private readonly object _gate = new();
    private readonly SemaphoreSlim _initGate = new(1, 1);
    private readonly ConcurrentDictionary<string, Lazy<Task<byte[]>>> _records = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Tile, Lazy<Task<byte[]>>> _tiles = new();
    private readonly ConcurrentDictionary<Tile, bool> _saved = new();
    private Task? _init;
    private LogTree _latest;
    private byte[] _latestNote = [];

    /// <summary>A client of the database whose key is <paramref name="verifier"/>, storing through <paramref name="store"/>.</summary>
    public SumDbClient(NoteVerifier verifier, ISumDbStore store, int tileHeight = 8)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        _verifiers = [verifier];
        _store = store;
        Height = tileHeight;
    }

    /// <summary>The database name.</summary>
    public string Name => _verifiers[0].Name;

    /// <inheritdoc/>
    public int Height { get; }

    /// <summary>The latest verified tree (size 0 before anything was seen).</summary>
    public LogTree Latest
    {
        get
        {
            lock (_gate) return _latest;
        }
    }

    /// <summary>
    /// The go.sum lines the database records for <paramref name="path"/> at <paramref name="version"/> (which may end
    /// in <c>/go.mod</c>), after verifying the record as described on the type.
    /// </summary>
    /// <exception cref="SumDbSecurityException">The database misbehaved.</exception>
    /// <exception cref="SumDbUnavailableException">The database could not answer (or does not know the module).</exception>
    /// <exception cref="SumDbException">Another failure (configuration).</exception>
    public async Task<IReadOnlyList<string>> LookupAsync(string path, string version, CancellationToken ct)
    {
        await InitAsync(ct).ConfigureAwait(false);
        var bare = version.EndsWith("/go.mod", StringComparison.Ordinal) ? version[..^"/go.mod".Length] : version;
        string remote;
        try
        {
            remote = "/lookup/" + ModulePath.EscapePath(path) + "@" + ModulePath.EscapeVersion(bare);
        }
        catch (ModuleException e)
        {
            throw new SumDbException(SumDbFailure.Configuration, e.Message, e);
        }
        var file = Name + remote;
        var lazy = _records.GetOrAdd(file, f => new Lazy<Task<byte[]>>(() => FetchRecordAsync(f, remote, ct)));
        var data = await lazy.Value.ConfigureAwait(false);
        var prefix = path + " " + version + " ";
        return Encoding.UTF8.GetString(data).Split('\n').Where(l => l.StartsWith(prefix, StringComparison.Ordinal)).ToList();
    }

    private Task InitAsync(CancellationToken ct)
    {
        lock (_gate) return _init ??= InitCoreAsync(ct);
    }

    private async Task InitCoreAsync(CancellationToken ct)
    {
        var stored = await _store.ReadLatestAsync(ct).ConfigureAwait(false);
        await MergeLatestAsync(stored, ct).ConfigureAwait(false);
    }

    private async Task<byte[]> FetchRecordAsync(string file, string remote, CancellationToken ct)
    {
        var data = await _store.ReadCacheAsync(file, ct).ConfigureAwait(false);
        var fromCache = data is not null;
        data ??= await _store.ReadRemoteAsync(remote, ct).ConfigureAwait(false);
        long id;
        byte[] text, treeNote;
        try
        {
            (id, text, treeNote) = LogRecord.Parse(data);
        }
        catch (TlogException e)
        {
            throw new SumDbSecurityException(SumDbFailure.MalformedResponse, e.Message, e);
        }
        await MergeLatestAsync(treeNote, ct).ConfigureAwait(false);
        await CheckRecordAsync(id, text, ct).ConfigureAwait(false);
        if (!fromCache) await _store.WriteCacheAsync(file, data, ct).ConfigureAwait(false);
        return data;
    }

    private enum When { Past, Now, Future }

    /// <summary>Merges a tree note into the timeline and, when it moved forward, writes it back to the store.</summary>
    private async Task MergeLatestAsync(byte[] note, CancellationToken ct)
    {
        if (await MergeLatestInMemoryAsync(note, ct).ConfigureAwait(false) != When.Future) return;
        while (true)
        {
            var stored = await _store.ReadLatestAsync(ct).ConfigureAwait(false);
            if (await MergeLatestInMemoryAsync(stored, ct).ConfigureAwait(false) != When.Past) return;
            byte[] latest;
            lock (_gate) latest = _latestNote;
            if (await _store.WriteLatestAsync(stored, latest, ct).ConfigureAwait(false)) return;
        }
    }

    private async Task<When> MergeLatestInMemoryAsync(byte[] note, CancellationToken ct)
    {
        LogTree latest;
        byte[] latestNote;
        lock (_gate)
        {
            latest = _latest;
            latestNote = _latestNote;
        }
        if (note.Length == 0) return latest.N == 0 ? When.Now : When.Past;
        // The very note we already verified and merged (every lookup of one session carries it): nothing new to check.
        if (note.AsSpan().SequenceEqual(latestNote)) return When.Now;
        var tree = OpenTree(note);
        while (true)
        {
            if (tree.N <= latest.N)
            {
                await CheckTreesAsync(tree, note, latest, latestNote, ct).ConfigureAwait(false);
                return tree.N < latest.N ? When.Past : When.Now;
            }
            await CheckTreesAsync(latest, latestNote, tree, note, ct).ConfigureAwait(false);
            lock (_gate)
            {
                if (_latest == latest)
                {
                    _latest = tree;
                    _latestNote = note;
                    return When.Future;
                }
                latest = _latest;
                latestNote = _latestNote;
            }
        }
    }

    private LogTree OpenTree(byte[] note)
    {
        SignedNote opened;
        try
        {
            opened = SignedNote.Open(note, _verifiers);
        }
        catch (NoteException e)
        {
            var failure = e.Reason switch
            {
                NoteErrorReason.InvalidSignature => SumDbFailure.InvalidSignature,
                NoteErrorReason.NoVerifiableSignature => SumDbFailure.UnverifiedTree,
                _ => SumDbFailure.MalformedResponse,
            };
            throw new SumDbSecurityException(failure, $"reading tree note: {e.Message}\nnote:\n{Encoding.UTF8.GetString(note)}", e);
        }
        try
        {
            return LogTree.Parse(opened.Text);
        }
        catch (TlogException e)
        {
            throw new SumDbSecurityException(SumDbFailure.MalformedResponse, $"reading tree note: {e.Message}\nnote:\n{Encoding.UTF8.GetString(note)}", e);
        }
    }

    /// <summary>
    /// Checks that <paramref name="older"/> is a prefix of <paramref name="newer"/>: its hash recomputed from the newer
    /// tree's authenticated tiles must match. A mismatch is a fork: both signed notes and the consistency proof go into
    /// the SECURITY ERROR, which is evidence against the database.
    /// </summary>
    private async Task CheckTreesAsync(LogTree older, byte[] olderNote, LogTree newer, byte[] newerNote, CancellationToken ct)
    {
        var reader = new TileHashReader(newer.N, newer.Hash, this);
        TlogHash h;
        try
        {
            h = await MerkleTree.TreeHashAsync(older.N, reader, ct).ConfigureAwait(false);
        }
        catch (TlogException e)
        {
            var what = older.N == newer.N ? $"checking tree#{older.N}" : $"checking tree#{older.N} against tree#{newer.N}";
            throw Classify(e, $"{what}: {e.Message}");
        }
        if (h == older.Hash) return;

        var sb = new StringBuilder();
        sb.Append("SECURITY ERROR\ngo.sum database server misbehavior detected!\n\n");
        sb.Append("old database:\n\t").Append(Indent(olderNote)).Append('\n');
        sb.Append("new database:\n\t").Append(Indent(newerNote)).Append('\n');
        try
        {
            var proof = await TlogProofs.ProveTreeAsync(newer.N, older.N, reader, ct).ConfigureAwait(false);
            sb.Append("proof of misbehavior:\n\t").Append(h);
            foreach (var p in proof) sb.Append("\n\t").Append(p);
            sb.Append('\n');
        }
        catch (TlogException e)
        {
            sb.Append("(no consistency proof: ").Append(e.Message).Append(")\n");
        }
        throw new SumDbSecurityException(SumDbFailure.Fork, sb.ToString());
    }

    private static string Indent(byte[] note) => Encoding.UTF8.GetString(note).Replace("\n", "\n\t", StringComparison.Ordinal);

    private async Task CheckRecordAsync(long id, byte[] text, CancellationToken ct)
    {
        var latest = Latest;
        if (id < 0 || id >= latest.N)
            throw new SumDbSecurityException(SumDbFailure.ProofFailed, $"cannot validate record {id} in tree of size {latest.N}");
        TlogHash[] hashes;
        try
        {
            hashes = await new TileHashReader(latest.N, latest.Hash, this).ReadHashesAsync([MerkleTree.StoredHashIndex(0, id)], ct).ConfigureAwait(false);
        }
        catch (TlogException e)
        {
            throw Classify(e, e.Message);
        }
        if (hashes[0] != MerkleTree.RecordHash(text))
            throw new SumDbSecurityException(SumDbFailure.ProofFailed, $"cannot authenticate record data in server response (record {id} does not hash to its leaf in tree of size {latest.N})");
    }

    private static SumDbException Classify(TlogException e, string message) => e.Reason switch
    {
        TlogErrorReason.MalformedTile or TlogErrorReason.MalformedRecord or TlogErrorReason.MalformedTree or TlogErrorReason.MalformedTilePath =>
            new SumDbSecurityException(SumDbFailure.MalformedResponse, message, e),
        _ => new SumDbSecurityException(SumDbFailure.ProofFailed, message, e),
    };

    /// <inheritdoc/>
    public async Task<byte[][]> ReadTilesAsync(IReadOnlyList<Tile> tiles, CancellationToken ct) =>
        await Task.WhenAll(tiles.Select(t => _tiles.GetOrAdd(t, k => new Lazy<Task<byte[]>>(() => ReadTileAsync(k, ct))).Value)).ConfigureAwait(false);

    /// <summary>
    /// A tile from the cache (or the prefix of the cached full tile), else from the database (or the prefix of the full
    /// tile when the partial one is gone because the tile filled up).
    /// </summary>
    private async Task<byte[]> ReadTileAsync(Tile tile, CancellationToken ct)
    {
        if (await _store.ReadCacheAsync(CacheKey(tile), ct).ConfigureAwait(false) is { } cached)
        {
            _saved[tile] = true;
            return cached;
        }
        var full = tile.Full;
        if (!tile.IsFull && await _store.ReadCacheAsync(CacheKey(full), ct).ConfigureAwait(false) is { } cachedFull)
        {
            _saved[tile] = true;
            return cachedFull[..(cachedFull.Length / full.W * tile.W)];
        }
        try
        {
            return await _store.ReadRemoteAsync("/" + tile.Path, ct).ConfigureAwait(false);
        }
        catch (SumDbUnavailableException) when (!tile.IsFull)
        {
            try
            {
                var data = await _store.ReadRemoteAsync("/" + full.Path, ct).ConfigureAwait(false);
                return data[..(data.Length / full.W * tile.W)];
            }
            catch (SumDbUnavailableException)
            {
            }
            throw;
        }
    }

    /// <inheritdoc/>
    public async Task SaveTilesAsync(IReadOnlyList<Tile> tiles, IReadOnlyList<byte[]> data, CancellationToken ct)
    {
        for (var i = 0; i < tiles.Count; i++)
            if (_saved.TryAdd(tiles[i], true))
                await _store.WriteCacheAsync(CacheKey(tiles[i]), data[i], ct).ConfigureAwait(false);
    }

    private string CacheKey(Tile tile) => Name + "/" + tile.Path;
}
