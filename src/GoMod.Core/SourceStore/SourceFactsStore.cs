using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using GoMod.Core.Internal;
using GoMod.Core.Module;

namespace GoMod.Core.SourceStore;

/// <summary>
/// The facts of the <c>.go</c> files (<see cref="Imports.GoFileFacts"/>) and the directory listings of module versions
/// extracted in the module cache, kept between runs so a later package load opens no file of a dependency it has read
/// before. Extracted module directories are immutable (go and we write them read-only and never change them), so what
/// a file says stays true as long as the extraction is the same one. An entry is used only when:
/// <list type="bullet">
/// <item>the module was fetched as a complete extraction in the module cache (never the main module, a workspace
/// module or a directory replacement: those are read through another path and never reach the store);</item>
/// <item>the extraction still has the recorded <see cref="ModuleStamp"/> (module directory's modification time, the
/// <c>.ziphash</c>'s size and modification time: two stats per module) and the same full path.</item>
/// </list>
/// Build constraints are stored as read, never evaluated: each run evaluates them for its own tags. The store is one
/// file per main module under <c>$GOMODCACHE/cache/gomod-sdk/srcfacts/</c> (removed by <c>go clean -modcache</c>),
/// read on first use, holding the modules the last run used; written atomically, only when something changed. A
/// damaged or foreign file is ignored (<see cref="WasCorrupt"/>) and rewritten, never trusted. No static state.
/// </summary>
internal sealed class SourceFactsStore
{
    private const string Magic = "GOMODSRC";
    private const int FormatVersion = 2;

    private readonly object _gate = new();
    private Dictionary<ModuleVersion, ModuleSourceFacts>? _loaded;
    private readonly ConcurrentDictionary<ModuleVersion, ModuleSourceFacts> _used = new();
    private int _reused, _renewed, _answered, _listed;
    private bool _corrupt, _rewrite;

    private SourceFactsStore(string? file) => File = file;

    /// <summary>The file the store is read from and saved to, or null for an in-memory store.</summary>
    public string? File { get; }

    /// <summary>Modules read from <see cref="File"/> (after the first use).</summary>
    public int Loaded => _loaded?.Count ?? 0;

    /// <summary>Modules whose stored entry was valid and used this run.</summary>
    public int Reused => Volatile.Read(ref _reused);

    /// <summary>Modules whose stored entry was dropped this run (the extraction changed, moved or went).</summary>
    public int Renewed => Volatile.Read(ref _renewed);

    /// <summary>Files of registered modules read from disk since the store was opened, as <c>module@version/relative path</c> (for tests).</summary>
    internal ConcurrentBag<string> FilesRead { get; } = [];

    /// <summary>Files of registered modules whose facts the store answered since it was opened.</summary>
    public int FilesAnswered => Volatile.Read(ref _answered);

    /// <summary>Directories of registered modules listed on disk since the store was opened.</summary>
    public int DirectoriesListed => Volatile.Read(ref _listed);

    internal void CountRead(ModuleSourceFacts module, string rel) => FilesRead.Add($"{module.Module}/{rel.Replace('\\', '/')}");

    internal void CountAnswered() => Interlocked.Increment(ref _answered);

    internal void CountListed() => Interlocked.Increment(ref _listed);

    /// <summary>Whether the file existed but was damaged, foreign or of another format when it was read (it was ignored, and is rewritten by <see cref="Save"/>).</summary>
    public bool WasCorrupt => _corrupt;

    /// <summary>An empty store kept in memory only (nothing read, nothing saved).</summary>
    public static SourceFactsStore InMemory() => new(null) { _loaded = [] };

    /// <summary>The store kept in <paramref name="file"/> (<see cref="DefaultFile"/>); read on first use.</summary>
    public static SourceFactsStore Open(string file) => new(file);

    /// <summary>The store file of the main module whose go.mod is <paramref name="goModFile"/> in module cache <paramref name="modCache"/>.</summary>
    public static string DefaultFile(string modCache, string goModFile) => StoreFile.PathFor(modCache, "srcfacts", goModFile);

    /// <summary>
    /// The facts of module <paramref name="m"/> extracted at <paramref name="root"/> (its <c>.ziphash</c> at
    /// <paramref name="zipHashFile"/>): the stored entry when it is still valid, else a new empty one; null when the
    /// extraction cannot be stamped (then nothing is stored for it).
    /// </summary>
    public ModuleSourceFacts? Module(ModuleVersion m, string root, string zipHashFile)
    {
        if (_used.TryGetValue(m, out var known)) return known.Root == root ? known : null;
        if (ModuleStamp.Of(root, zipHashFile) is not { } stamp) return null;
        var loaded = Load();
        ModuleSourceFacts entry;
        if (loaded.TryGetValue(m, out var stored) && stored.Root == root && stored.Stamp == stamp)
        {
            entry = stored;
            Interlocked.Increment(ref _reused);
        }
        else
        {
            if (stored is not null) Interlocked.Increment(ref _renewed);
            entry = new ModuleSourceFacts(m, root, stamp);
        }
        return _used.GetOrAdd(m, entry);
    }

    /// <summary>Reads the file now rather than on first use (for the benchmark, to time it apart).</summary>
    internal void Preload() => Load();

    private Dictionary<ModuleVersion, ModuleSourceFacts> Load()
    {
        if (Volatile.Read(ref _loaded) is { } l) return l;
        lock (_gate)
        {
            if (_loaded is not null) return _loaded;
            var result = new Dictionary<ModuleVersion, ModuleSourceFacts>();
            if (StoreFile.ReadIfPresent(File) is { } data)
            {
                try
                {
                    SourceFactsCodec.Decode(data, Magic, FormatVersion, result);
                }
                catch (Exception e) when (StoreFile.IsDamage(e))
                {
                    result.Clear();
                    _corrupt = _rewrite = true;
                }
            }
            Volatile.Write(ref _loaded, result);
            return result;
        }
    }

    /// <summary>
    /// Writes the modules used since the store was opened to <see cref="File"/> (atomically) when anything differs from
    /// what was loaded: a module added, renewed or dropped, a file or directory read; failures are ignored, since the
    /// store is only a cache.
    /// </summary>
    public void Save()
    {
        if (File is null || _loaded is not { } loaded) return;
        var used = _used.Values.ToList();
        bool changed = _rewrite || used.Count != loaded.Count || used.Any(e => e.Changed || !loaded.TryGetValue(e.Module, out var s) || !ReferenceEquals(s, e));
        if (!changed || used.Count == 0) return;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(File)!);
            Internal.AtomicFile.WriteIfChanged(File, SourceFactsCodec.Encode(used, Magic, FormatVersion));
            _rewrite = false;
            foreach (var e in used) e.MarkSaved();
            Volatile.Write(ref _loaded, used.ToDictionary(e => e.Module));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
