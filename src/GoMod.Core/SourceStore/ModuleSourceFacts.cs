using System.Collections.Concurrent;
using GoMod.Core.Imports;
using GoMod.Core.Module;

namespace GoMod.Core.SourceStore;

/// <summary>
/// What is known of one extracted module version in the module cache: the regular files of each directory listed so far
/// (or that the directory does not exist) and the <see cref="GoFileFacts"/> of each <c>.go</c> file read so far, by
/// path relative to the module root. Entries are only ever added (the extraction is immutable), from any thread.
/// </summary>
internal sealed class ModuleSourceFacts
{
    private readonly ConcurrentDictionary<string, string[]?> _dirs;
    private readonly ConcurrentDictionary<string, (string Name, GoFileFacts Facts)> _files;
    private int _added;

    internal ModuleSourceFacts(ModuleVersion module, string root, ModuleStamp stamp,
        ConcurrentDictionary<string, string[]?>? dirs = null, ConcurrentDictionary<string, (string Name, GoFileFacts Facts)>? files = null)
    {
        Module = module;
        Root = root;
        Stamp = stamp;
        _dirs = dirs ?? new(StringComparer.Ordinal);
        _files = files ?? new(StringComparer.Ordinal);
    }

    /// <summary>The module version (after replacement) whose zip was extracted at <see cref="Root"/>.</summary>
    public ModuleVersion Module { get; }

    /// <summary>The module's directory in the module cache (full path).</summary>
    public string Root { get; }

    /// <summary>The extraction as it was when the facts were first recorded.</summary>
    public ModuleStamp Stamp { get; }

    /// <summary>Whether something was added since the entry was loaded or created.</summary>
    public bool Changed => Volatile.Read(ref _added) != 0;

    /// <summary>After a save: what is recorded now is what the file holds.</summary>
    internal void MarkSaved() => Volatile.Write(ref _added, 0);

    internal IEnumerable<KeyValuePair<string, string[]?>> Directories => _dirs;

    internal IEnumerable<KeyValuePair<string, (string Name, GoFileFacts Facts)>> Files => _files;

    /// <summary>The regular files of directory <paramref name="rel"/> (null: it does not exist), when listed before.</summary>
    public bool TryGetDirectory(string rel, out string[]? names) => _dirs.TryGetValue(rel, out names);

    /// <summary>Records the listing of directory <paramref name="rel"/> (null names: it does not exist).</summary>
    public void AddDirectory(string rel, string[]? names)
    {
        if (_dirs.TryAdd(rel, names)) Interlocked.Increment(ref _added);
    }

    /// <summary>The facts of the file at <paramref name="rel"/>, when read before.</summary>
    public bool TryGetFile(string rel, out GoFileFacts facts)
    {
        if (_files.TryGetValue(rel, out var f))
        {
            facts = f.Facts;
            return true;
        }
        facts = null!;
        return false;
    }

    /// <summary>Records the facts of the file at <paramref name="rel"/>, named <paramref name="name"/> in positions.</summary>
    public void AddFile(string rel, string name, GoFileFacts facts)
    {
        if (_files.TryAdd(rel, (name, facts))) Interlocked.Increment(ref _added);
    }
}
