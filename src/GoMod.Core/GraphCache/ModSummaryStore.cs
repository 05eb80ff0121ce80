using System.Collections.Concurrent;
using GoMod.Core.Fetch;
using GoMod.Core.Internal;
using GoMod.Core.ModSummaries;
using GoMod.Core.Module;
using GoMod.Core.Sum;

namespace GoMod.Core.GraphCache;

/// <summary>
/// Parsed go.mod summaries of module versions read from the module cache's <c>cache/download</c> (immutable once
/// written: go writes a <c>.mod</c> file atomically and never changes it), so a later build list reads, hashes and
/// parses no dependency go.mod that has not changed. An entry is used only when:
/// <list type="bullet">
/// <item>the module is a version (never the main module or a directory replacement, whose go.mod can change at any time);</item>
/// <item>the cached <c>.mod</c> file still has the size and modification time it had when it was read (one stat);</item>
/// <item>go.sum had a line for that go.mod when the run started, and the recorded hash passes go.sum's check again
/// (a mismatch goes the slow way, which reports go's SECURITY ERROR);</item>
/// <item>the summary carried no retraction (those are rare and are always read again).</item>
/// </list>
/// The store is one file per main module under <c>$GOMODCACHE/cache/gomod-sdk/modsum/</c> (removed by
/// <c>go clean -modcache</c> like the rest of the cache), written atomically only when it changed, holding the entries
/// the last run used. A damaged or foreign file is ignored and rewritten, never trusted. The object is owned by one
/// run (<see cref="Restore.RestoreSetup"/> makes one) or by a caller that keeps it across runs; it holds no static state.
/// </summary>
public sealed class ModSummaryStore
{
    private const string Magic = "GOMODSUM";
    private const int FormatVersion = 1;

    private readonly StampedStore<Entry, (long Size, long ModTicks)> _store;
    private int _hits, _misses;

    private sealed class Entry(long size, long modTicks, string hash, ModSummary summary) : StampedEntry<(long Size, long ModTicks)>
    {
        public long Size { get; } = size;
        public long ModTicks { get; } = modTicks;
        public string Hash { get; } = hash;
        public ModSummary Summary { get; } = summary;
    }

    private ModSummaryStore(string? file) => _store = new(file, Magic, FormatVersion, Encode);

    /// <summary>The file the store is read from and saved to, or null for an in-memory store.</summary>
    public string? File => _store.File;

    /// <summary>Entries answered from the store during this object's life (for tests and benchmarks).</summary>
    public int Hits => Volatile.Read(ref _hits);

    /// <summary>Dependency go.mod files read, hashed and parsed because the store had no usable entry.</summary>
    public int Misses => Volatile.Read(ref _misses);

    /// <summary>Entries read from <see cref="File"/> when the store was opened.</summary>
    public int Loaded => _store.Loaded;

    /// <summary>Whether the file existed but was damaged, foreign or of another format (it was ignored).</summary>
    public bool WasCorrupt => _store.WasCorrupt;

    /// <summary>An empty store kept in memory only.</summary>
    public static ModSummaryStore InMemory() => new(null);

    /// <summary>The store file of the main module whose go.mod is <paramref name="goModFile"/> in module cache <paramref name="modCache"/>.</summary>
    public static string DefaultFile(string modCache, string goModFile) => StoreFile.PathFor(modCache, "modsum", goModFile);

    /// <summary>Reads the store at <paramref name="file"/>; a missing file gives an empty store, a damaged one an empty store marked <see cref="WasCorrupt"/>.</summary>
    public static ModSummaryStore Open(string file)
    {
        var store = new ModSummaryStore(file);
        store._store.Load(Decode);
        return store;
    }

    /// <summary>Whether the store has an entry for <paramref name="m"/> (valid or not): a read of it will likely be answered without I/O.</summary>
    internal bool Contains(ModuleVersion m) => _store.Contains(m);

    /// <summary>
    /// The summary of <paramref name="m"/>'s cached go.mod when an entry for it is still valid (see the class remarks);
    /// go.sum's check of the recorded hash is made as a read would make it. Null means: read the file.
    /// </summary>
    internal async Task<ModSummary?> TryGetAsync(ModuleDownloader downloader, ModuleVersion m, CancellationToken ct)
    {
        if (!_store.TryGetValue(m, out var e)) return null;
        if (!e.Now.TryUse(out var stamp)) stamp = Stamp(downloader, m);
        if (stamp is not { } s || s.Size != e.Size || s.ModTicks != e.ModTicks) return null;
        try
        {
            await downloader.Sums.CheckAsync(m, goMod: true, e.Hash, downloader.ChecksumDatabase, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ChecksumMismatchException or MissingGoSumEntryException)
        {
            return null;
        }
        e.Used = true;
        downloader.NoteCheckedGoMod(m, e.Hash);
        Interlocked.Increment(ref _hits);
        return e.Summary;
    }

    /// <summary>
    /// Forgets the stamps an earlier run took ahead (a caller may keep the store across runs): called before a run
    /// uses it, so every stamp it compares is taken during that run.
    /// </summary>
    internal void BeginRun() => _store.BeginRun();

    /// <summary>
    /// Takes the stamp of every entry's cached <c>.mod</c> in <paramref name="cache"/> that the run has not yet looked
    /// at, ahead of the graph read that will check them (<see cref="Restore.StoreWarmup"/> runs it beside the go.mod
    /// and go.sum parsing and the graph walk); stops once the store is saved or another run begins.
    /// </summary>
    internal void Prefetch(ModCache.ModuleCache cache) => _store.Prefetch((ModuleVersion m, out (long Size, long ModTicks)? stamp) =>
    {
        stamp = Stamp(cache, m);
        return true;
    });

    /// <summary>The size and modification time of <paramref name="m"/>'s cached <c>.mod</c>, or null when it is not there.</summary>
    internal static (long Size, long ModTicks)? Stamp(ModuleDownloader downloader, ModuleVersion m) => Stamp(downloader.Cache, m);

    private static (long Size, long ModTicks)? Stamp(ModCache.ModuleCache cache, ModuleVersion m)
    {
        try
        {
            return PathStat.File(cache.CachePath(m, "mod"));
        }
        catch (Exception e) when (e is ArgumentException or ModuleException)
        {
            return null;
        }
    }

    /// <summary>The module versions whose go.mod was read the slow way, in no order (for tests).</summary>
    internal ConcurrentBag<ModuleVersion> Read { get; } = [];

    /// <summary>Counts a go.mod read the slow way.</summary>
    internal void CountMiss(ModuleVersion m)
    {
        Interlocked.Increment(ref _misses);
        Read.Add(m);
    }

    /// <summary>
    /// Records what the read of <paramref name="m"/>'s go.mod gave, stamped with the cache file as it is after the read
    /// (<paramref name="after"/>, which must have the bytes' length, and equal <paramref name="before"/> when the file
    /// was already there: a file the read fetched and wrote has no earlier stamp), unless the summary has a retraction.
    /// </summary>
    internal void Add(ModuleVersion m, (long Size, long ModTicks)? before, (long Size, long ModTicks)? after, byte[] data, ModSummary summary)
    {
        if (after is not { } a || (before is not null && before != after) || a.Size != data.Length || summary.Retract.Length != 0) return;
        _store.Add(m, new Entry(a.Size, a.ModTicks, DirHash.HashGoMod(data), summary));
    }

    /// <summary>
    /// Writes the entries used since the store was opened to <see cref="File"/> (atomically) when they differ from what
    /// was loaded; failures are ignored, since the store is only a cache.
    /// </summary>
    public void Save() => _store.Save();

    private static void Encode(BinaryWriter w, Func<string, int> id, Entry e)
    {
        w.Write(e.Size);
        w.Write(e.ModTicks);
        w.Write(id(e.Hash));
        w.Write(id(e.Summary.ModulePath));
        w.Write(id(e.Summary.Deprecated));
        w.Write(id(e.Summary.GoVersion));
        w.Write(e.Summary.Require.Length);
        foreach (var r in e.Summary.Require)
        {
            w.Write(id(r.Path));
            w.Write(id(r.Version));
        }
    }

    private static Entry Decode(ref StoreBodyReader r, string[] table)
    {
        long size = r.Int64(), ticks = r.Int64();
        var hash = table[r.Int32()];
        string modulePath = table[r.Int32()], deprecated = table[r.Int32()], go = table[r.Int32()];
        int n = r.Count();
        var require = n == 0 ? [] : new ModuleVersion[n];
        for (int k = 0; k < n; k++) require[k] = new ModuleVersion(table[r.Int32()], table[r.Int32()]);
        var summary = new ModSummary(modulePath, deprecated, go, ModSummary.PruningForGoVersion(go), require, []);
        return new Entry(size, ticks, hash, summary);
    }
}
