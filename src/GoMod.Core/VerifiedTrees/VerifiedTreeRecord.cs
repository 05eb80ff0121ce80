using GoMod.Core.Internal;
using GoMod.Core.ModCache;
using GoMod.Core.Module;
using GoMod.Core.SourceStore;

namespace GoMod.Core.VerifiedTrees;

/// <summary>
/// Module versions whose cache state a warm check found complete — the extracted tree present with no <c>.partial</c>
/// marker, the zip and a readable <c>.info</c> beside it, a valid <c>.ziphash</c> — remembered with the
/// <see cref="TreeStamp"/> they had and the <c>.ziphash</c>'s hash, so a later warm check of the same version is three
/// stats instead of opening and reading files. What a recorded entry replaces is only those reads: the recorded hash
/// is still compared with go.sum on every run (a mismatch is go's SECURITY ERROR, as before), and an entry whose stamp
/// differs in any way is not used (the full check runs, and records the new stamp).
/// <list type="bullet">
/// <item>An entry is recorded only when each time in its stamp, taken before the check read anything, is at least
/// <see cref="RacyTicks"/> old, so a change in the same tick of the file system's clock as the stamp cannot hide.</item>
/// <item>The file is one per main module under <c>$GOMODCACHE/cache/gomod-sdk/trees/</c> (removed by
/// <c>go clean -modcache</c>), sealed by <see cref="StoreFile"/>, written atomically and only when the set of entries
/// the run used changed. A damaged or foreign file is ignored and rewritten.</item>
/// </list>
/// Owned by one run (<see cref="Restore.RestoreSetup"/>) or a caller that keeps it across runs; no static state.
/// </summary>
public sealed class VerifiedTreeRecord
{
    private const string Magic = "GOMODVTR";
    private const int FormatVersion = 1;

    /// <summary>How much older than the check a stamp's times must be for the entry to be recorded (2 s: coarser than the time resolution of the file systems a module cache lives on, FAT's included).</summary>
    public const long RacyTicks = 2 * TimeSpan.TicksPerSecond;

    private readonly StampedStore<Entry, TreeStamp> _store;
    private int _hits, _misses, _recorded;

    private sealed class Entry(TreeStamp stamp, string zipHash) : StampedEntry<TreeStamp>
    {
        public TreeStamp Stamp { get; } = stamp;
        public string ZipHash { get; } = zipHash;
    }

    private VerifiedTreeRecord(string? file) => _store = new(file, Magic, FormatVersion, Encode);

    /// <summary>The file the record is read from and saved to, or null for one kept in memory.</summary>
    public string? File => _store.File;

    /// <summary>Warm checks answered by a recorded entry during this object's life.</summary>
    public int Hits => Volatile.Read(ref _hits);

    /// <summary>Warm checks that found a recorded entry whose stamp no longer matched.</summary>
    public int Misses => Volatile.Read(ref _misses);

    /// <summary>Entries read from <see cref="File"/> when the record was opened.</summary>
    public int Loaded => _store.Loaded;

    /// <summary>Entries recorded during this object's life.</summary>
    public int Added => Volatile.Read(ref _recorded);

    /// <summary>Whether the file existed but was damaged, foreign or of another format (it was ignored).</summary>
    public bool WasCorrupt => _store.WasCorrupt;

    /// <summary>An empty record kept in memory only.</summary>
    public static VerifiedTreeRecord InMemory() => new(null);

    /// <summary>The record file of the main module whose go.mod is <paramref name="goModFile"/> in module cache <paramref name="modCache"/>.</summary>
    public static string DefaultFile(string modCache, string goModFile) => StoreFile.PathFor(modCache, "trees", goModFile);

    /// <summary>Reads the record at <paramref name="file"/>; a missing file gives an empty record, a damaged one an empty record marked <see cref="WasCorrupt"/>.</summary>
    public static VerifiedTreeRecord Open(string file)
    {
        var record = new VerifiedTreeRecord(file);
        record._store.Load(Decode);
        return record;
    }

    /// <summary>
    /// The stamp of <paramref name="m"/>'s cache state now (<paramref name="files"/>): taken ahead by
    /// <see cref="Prefetch"/> when it got there first, else here.
    /// </summary>
    internal TreeStamp? StampOf(ModuleVersion m, in VersionFiles files) =>
        _store.TryGetValue(m, out var e) && e.Now.TryUse(out var stamp) ? stamp : TreeStamp.Of(files);

    /// <summary>
    /// Forgets the stamps an earlier run took ahead (a caller may keep the record across runs): called before a run
    /// uses it, so every stamp it compares is taken during that run.
    /// </summary>
    internal void BeginRun() => _store.BeginRun();

    /// <summary>
    /// Takes the stamp of every recorded version in <paramref name="cache"/> that the run has not yet looked at, ahead
    /// of the warm checks that will compare them (<see cref="Restore.StoreWarmup"/> runs it beside the graph read);
    /// stops once the record is saved or another run begins. A version whose cache paths cannot be formed is left to
    /// its warm check.
    /// </summary>
    internal void Prefetch(ModuleCache cache) => _store.Prefetch((ModuleVersion m, out TreeStamp? stamp) =>
    {
        VersionFiles files;
        try
        {
            files = cache.FilesOf(m);
        }
        catch (Exception ex) when (ex is ModuleException or ModulePathException or FormatException or ArgumentException)
        {
            stamp = null;
            return false;
        }
        stamp = TreeStamp.Of(files);
        return true;
    });

    /// <summary>
    /// The recorded <c>.ziphash</c> hash of <paramref name="m"/> when its entry's stamp equals <paramref name="now"/>
    /// (taken by the caller); null otherwise. The caller still checks the hash against go.sum.
    /// </summary>
    internal string? TryGet(ModuleVersion m, TreeStamp? now)
    {
        if (!_store.TryGetValue(m, out var e)) return null;
        if (now != e.Stamp)
        {
            Interlocked.Increment(ref _misses);
            return null;
        }
        e.Used = true;
        Interlocked.Increment(ref _hits);
        return e.ZipHash;
    }

    /// <summary>
    /// Records that <paramref name="m"/>'s cache state, stamped <paramref name="before"/> before the check read
    /// anything, passed a full warm check with <c>.ziphash</c> hash <paramref name="zipHash"/>; a stamp too recent
    /// (see <see cref="RacyTicks"/>) is not recorded.
    /// </summary>
    internal void Add(ModuleVersion m, TreeStamp? before, string zipHash)
    {
        if (before is not { } s || !s.OlderThan(DateTime.UtcNow.Ticks - RacyTicks)) return;
        _store.Add(m, new Entry(s, zipHash));
        Interlocked.Increment(ref _recorded);
    }

    /// <summary>
    /// Writes the entries used since the record was opened to <see cref="File"/> (atomically) when they differ from
    /// what was loaded; failures are ignored, since the record is only a cache.
    /// </summary>
    public void Save() => _store.Save();

    private static void Encode(BinaryWriter w, Func<string, int> id, Entry e)
    {
        w.Write(id(e.ZipHash));
        w.Write(e.Stamp.VersionDirTicks);
        w.Write(e.Stamp.Tree.DirTicks);
        w.Write(e.Stamp.Tree.ZipHashSize);
        w.Write(e.Stamp.Tree.ZipHashTicks);
    }

    private static Entry Decode(ref StoreBodyReader r, string[] table)
    {
        var zipHash = table[r.Int32()];
        long versionDir = r.Int64(), dir = r.Int64(), size = r.Int64(), ticks = r.Int64();
        return new Entry(new TreeStamp(versionDir, new ModuleStamp(dir, size, ticks)), zipHash);
    }
}
