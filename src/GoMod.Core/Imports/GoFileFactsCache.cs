using System.Collections.Concurrent;
using GoMod.Core.Module;
using GoMod.Core.SourceStore;

namespace GoMod.Core.Imports;

/// <summary>
/// The <see cref="GoFileFacts"/> of the files one run has read, by full path, safe across threads. One restore makes
/// one: its package load, go mod vendor's load and plan, and the import-comment check then read each file once. Only
/// files that do not change during the run belong here (the module cache, the main module while it is loaded).
/// With a <see cref="SourceFactsStore"/>, the files and directory listings of modules registered by
/// <see cref="AddModule"/> (complete extractions in the module cache, never local directories) come from earlier runs
/// when the store still holds them, and what this run reads of them is recorded for the next.
/// </summary>
internal sealed class GoFileFactsCache
{
    // Sized for a large restore up front: growing the table takes every lock, which the scanning threads then wait for.
    private readonly ConcurrentDictionary<string, GoFileFacts> _facts = new(Environment.ProcessorCount * 4, 16384, StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ModuleSourceFacts> _modules = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ModuleSourceFacts>.AlternateLookup<ReadOnlySpan<char>> _modulesBySpan;
    private int _diskReads, _storeReads, _listings;

    /// <summary>A cache for one run; <paramref name="store"/> keeps module-cache facts across runs (null: none).</summary>
    public GoFileFactsCache(SourceFactsStore? store = null)
    {
        Store = store;
        _modulesBySpan = _modules.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The store of facts kept across runs, or null.</summary>
    public SourceFactsStore? Store { get; }

    /// <summary>How many files' facts this run has (for tests and the benchmark).</summary>
    public int FilesRead => _facts.Count;

    /// <summary>How many files this run opened and scanned (not answered by <see cref="Store"/>).</summary>
    public int FilesReadFromDisk => Volatile.Read(ref _diskReads);

    /// <summary>How many files' facts came from <see cref="Store"/>.</summary>
    public int FilesFromStore => Volatile.Read(ref _storeReads);

    /// <summary>How many directories of registered modules this run listed on disk.</summary>
    public int DirectoriesListed => Volatile.Read(ref _listings);

    /// <summary>Whether this run already has the facts of the file at <paramref name="path"/> (it was read, or answered by the store).</summary>
    public bool Has(string path) => _facts.ContainsKey(path);

    /// <summary>
    /// Registers the complete extraction of module version <paramref name="m"/> at <paramref name="root"/> (with its
    /// <c>.ziphash</c> at <paramref name="zipHashFile"/>): its files may come from, and go to, the store.
    /// </summary>
    public void AddModule(ModuleVersion m, string root, string zipHashFile)
    {
        if (Store is null || _modules.ContainsKey(root)) return;
        if (Store.Module(m, root, zipHashFile) is { } facts) _modules.TryAdd(root, facts);
    }

    /// <summary>
    /// The facts of the file at <paramref name="path"/> (named <paramref name="name"/> in positions), read the first
    /// time: from the store when its module is registered and the store has it, else its first bytes when they decide
    /// the facts, else the whole file by <paramref name="read"/> (<see cref="GoFileFacts.ReadFile"/>).
    /// </summary>
    public GoFileFacts Get(string path, string name, Func<byte[]> read)
    {
        if (_facts.TryGetValue(path, out var facts)) return facts;
        var module = FindModule(path, out var rel);
        if (module is not null && module.TryGetFile(rel, out facts))
        {
            Interlocked.Increment(ref _storeReads);
            Store!.CountAnswered();
            return _facts.GetOrAdd(path, facts);
        }
        facts = GoFileFacts.ReadFile(name, path, read);
        Interlocked.Increment(ref _diskReads);
        if (module is not null)
        {
            module.AddFile(rel, name, facts);
            Store!.CountRead(module, rel);
        }
        return _facts.GetOrAdd(path, facts);
    }

    /// <summary>The names of the regular files of directory <paramref name="dir"/> of a registered module, as the store recorded them (null: the directory does not exist).</summary>
    public bool TryGetListing(string dir, out string[]? names)
    {
        names = null;
        return FindModule(dir, out var rel) is { } module && module.TryGetDirectory(rel, out names);
    }

    /// <summary>Records the listing of directory <paramref name="dir"/> (null: it does not exist) when it belongs to a registered module.</summary>
    public void AddListing(string dir, string[]? names)
    {
        if (FindModule(dir, out var rel) is not { } module) return;
        Interlocked.Increment(ref _listings);
        Store!.CountListed();
        module.AddDirectory(rel, names);
    }

    /// <summary>
    /// The registered module holding <paramref name="path"/> and the path relative to its root: a module root in the
    /// module cache is the first path element holding an <c>@</c> (module paths cannot have one).
    /// </summary>
    private ModuleSourceFacts? FindModule(string path, out string rel)
    {
        rel = "";
        if (_modules.IsEmpty) return null;
        for (int at = path.IndexOf('@'); at >= 0; at = path.IndexOf('@', at + 1))
        {
            int end = path.IndexOf(Path.DirectorySeparatorChar, at);
            var root = end < 0 ? path.AsSpan() : path.AsSpan(0, end);
            if (!_modulesBySpan.TryGetValue(root, out var module)) continue;
            rel = end < 0 ? "" : path[(end + 1)..];
            return module;
        }
        return null;
    }
}
