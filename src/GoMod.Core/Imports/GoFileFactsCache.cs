using System.Collections.Concurrent;

namespace GoMod.Core.Imports;

/// <summary>
/// The <see cref="GoFileFacts"/> of the files one run has read, by full path, safe across threads. One restore makes
/// one: its package load, go mod vendor's load and plan, and the import-comment check then read each file once. Only
/// files that do not change during the run belong here (the module cache, the main module while it is loaded).
/// </summary>
internal sealed class GoFileFactsCache
{
    // Sized for a large restore up front: growing the table takes every lock, which the scanning threads then wait for.
    private readonly ConcurrentDictionary<string, GoFileFacts> _facts = new(Environment.ProcessorCount * 4, 16384, StringComparer.Ordinal);

    /// <summary>How many files were read (for tests and the benchmark).</summary>
    public int FilesRead => _facts.Count;

    /// <summary>
    /// The facts of the file at <paramref name="path"/> (named <paramref name="name"/> in positions), read the first
    /// time: its first bytes when they decide the facts, else the whole file by <paramref name="read"/>
    /// (<see cref="GoFileFacts.ReadFile"/>).
    /// </summary>
    public GoFileFacts Get(string path, string name, Func<byte[]> read)
    {
        if (_facts.TryGetValue(path, out var facts)) return facts;
        facts = GoFileFacts.ReadFile(name, path, read);
        return _facts.GetOrAdd(path, facts);
    }
}
