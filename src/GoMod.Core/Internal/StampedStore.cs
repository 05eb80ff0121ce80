using System.Collections.Concurrent;
using System.Text;
using GoMod.Core.Module;

namespace GoMod.Core.Internal;

/// <summary>An entry of a <see cref="StampedStore{TEntry, TStamp}"/>: what a store keeps of one module version.</summary>
internal abstract class StampedEntry<TStamp> where TStamp : struct
{
    /// <summary>Whether this run used (or added) the entry: only used entries are saved.</summary>
    public bool Used;

    /// <summary>The stamp this run took of the entry's cache files, ahead (<see cref="StampedStore{TEntry, TStamp}.Prefetch"/>) or on first use.</summary>
    public StampSlot<TStamp> Now;
}

/// <summary>
/// What the module cache's stores keyed by module version share (the go.mod summary store, the verified-tree record):
/// entries read from one file sealed by <see cref="StoreFile"/> (a damaged or foreign one is ignored, marked
/// <see cref="WasCorrupt"/> and rewritten), stamps of their cache files taken ahead by a warm-up thread, and a save that
/// writes the entries the run used, atomically and only when they changed. Each entry is written as its module path
/// and version (string-table indexes) followed by what the store's own encoder writes. The store deciding what an
/// entry means — when a stamp matches, what a hit answers — keeps its own counters and checks.
/// </summary>
internal sealed class StampedStore<TEntry, TStamp>
    where TEntry : StampedEntry<TStamp>
    where TStamp : struct
{
    /// <summary>Reads one entry's fields after its module (the reader is the body's, positioned there).</summary>
    public delegate TEntry DecodeEntry(ref StoreBodyReader reader, string[] table);

    /// <summary>Writes one entry's fields after its module; strings go through <paramref name="id"/> into the table.</summary>
    public delegate void EncodeEntry(BinaryWriter writer, Func<string, int> id, TEntry entry);

    /// <summary>Stamps <paramref name="module"/>'s cache files for the warm-up; false leaves the entry to its consumer.</summary>
    public delegate bool TryStamp(ModuleVersion module, out TStamp? stamp);

    private readonly string _magic;
    private readonly int _formatVersion;
    private readonly EncodeEntry _encode;

    // Replaced, sized, by Decode (before the store is shared); otherwise only added to.
    private ConcurrentDictionary<ModuleVersion, TEntry> _entries = new();
    private int _added, _loaded, _persisted;
    private bool _corrupt, _saved;
    private int _generation;

    public StampedStore(string? file, string magic, int formatVersion, EncodeEntry encode)
    {
        File = file;
        _magic = magic;
        _formatVersion = formatVersion;
        _encode = encode;
    }

    /// <summary>The file the store is read from and saved to, or null for one kept in memory.</summary>
    public string? File { get; }

    /// <summary>Entries read from <see cref="File"/> by <see cref="Load"/>.</summary>
    public int Loaded => _loaded;

    /// <summary>Whether the file existed but was damaged, foreign or of another format (it was ignored).</summary>
    public bool WasCorrupt => _corrupt;

    /// <summary>Reads <see cref="File"/> when there is one: a missing file leaves the store empty, a damaged one empty and <see cref="WasCorrupt"/>.</summary>
    public void Load(DecodeEntry decode)
    {
        if (StoreFile.ReadIfPresent(File) is not { } data) return;
        try
        {
            Decode(data, decode);
        }
        catch (Exception e) when (StoreFile.IsDamage(e))
        {
            _entries.Clear();
            _loaded = 0;
            _corrupt = true;
        }
    }

    public bool Contains(ModuleVersion m) => _entries.ContainsKey(m);

    public bool TryGetValue(ModuleVersion m, out TEntry entry) => _entries.TryGetValue(m, out entry!);

    /// <summary>Records <paramref name="entry"/> for <paramref name="m"/> as used this run (replacing any entry it had).</summary>
    public void Add(ModuleVersion m, TEntry entry)
    {
        entry.Used = true;
        _entries[m] = entry;
        Interlocked.Increment(ref _added);
    }

    /// <summary>
    /// Forgets the stamps an earlier run took ahead (a caller may keep the store across runs): called before a run
    /// uses it, so every stamp it compares is taken during that run.
    /// </summary>
    public void BeginRun()
    {
        Interlocked.Increment(ref _generation);
        foreach (var e in _entries.Values) e.Now = default;
        Volatile.Write(ref _saved, false);
    }

    /// <summary>
    /// Stamps every entry the run has not yet looked at, ahead of the checks that will compare the stamps; stops once
    /// the store is saved or another run begins.
    /// </summary>
    public void Prefetch(TryStamp stamp)
    {
        var generation = Volatile.Read(ref _generation);
        foreach (var (m, e) in _entries)
        {
            if (Volatile.Read(ref _saved) || Volatile.Read(ref _generation) != generation) return;
            if (e.Now.IsEmpty && stamp(m, out var s)) e.Now.Fill(s);
        }
    }

    /// <summary>
    /// Writes the entries used since the store was opened to <see cref="File"/> (atomically) when they differ from what
    /// was loaded; failures are ignored, since the store is only a cache.
    /// </summary>
    public void Save()
    {
        Volatile.Write(ref _saved, true);
        if (File is null) return;
        int used = 0;
        foreach (var e in _entries.Values) if (e.Used) used++;
        if (!StoreFile.WriteWhenStale(File, used, _persisted, Volatile.Read(ref _added) != 0, _corrupt, Encode)) return;
        _persisted = used;
        _corrupt = false;
        Interlocked.Exchange(ref _added, 0);
    }

    private byte[] Encode()
    {
        var strings = new StoreStrings();
        Func<string, int> id = strings.Id;
        var body = new MemoryStream();
        var w = new BinaryWriter(body, Encoding.UTF8);
        var used = _entries.Where(kv => kv.Value.Used).OrderBy(kv => kv.Key.Path, StringComparer.Ordinal).ThenBy(kv => kv.Key.Version, StringComparer.Ordinal).ToList();
        w.Write(used.Count);
        foreach (var (m, e) in used)
        {
            w.Write(id(m.Path));
            w.Write(id(m.Version));
            _encode(w, id, e);
        }
        w.Flush();
        return StoreFile.Seal(_magic, _formatVersion, strings.Table, body);
    }

    private void Decode(byte[] data, DecodeEntry decode)
    {
        var (table, at, limit) = StoreFile.Open(data, _magic, _formatVersion);
        var r = new StoreBodyReader(data, at, limit);
        int count = r.Count();
        _entries = new ConcurrentDictionary<ModuleVersion, TEntry>(Environment.ProcessorCount, count + (count / 4) + 16);
        for (int i = 0; i < count; i++)
        {
            var m = new ModuleVersion(table[r.Int32()], table[r.Int32()]);
            _entries[m] = decode(ref r, table);
        }
        if (!r.AtEnd) throw new InvalidDataException("trailing bytes in store file");
        _loaded = _persisted = count;
    }
}
