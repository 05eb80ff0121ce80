using System.Collections.Concurrent;

namespace GoMod.Core.ModLoad;

/// <summary>
/// The main module as read from one go.mod text, shared by the loaders of one run that read the same text (the
/// restore's build list and its package load each create a loader): a 10,000-line go.mod is parsed once, not per
/// loader. Keyed by module root and the exact text, so an edited go.mod is read again. Only for callers that never
/// edit <see cref="MainModule.File"/> (GoModTidy formats through it and creates its loader without this cache).
/// </summary>
public sealed class MainModuleCache
{
    private readonly ConcurrentDictionary<(string ModRoot, string Text), MainModule> _read = new();

    internal bool TryGet(string modRoot, string text, out MainModule main) => _read.TryGetValue((modRoot, text), out main!);

    internal void Add(string modRoot, string text, MainModule main) => _read.TryAdd((modRoot, text), main);

    /// <summary>Drops <paramref name="main"/> (its go.mod model was edited, so it no longer reads as its text).</summary>
    internal void Forget(MainModule main)
    {
        foreach (var entry in _read)
            if (ReferenceEquals(entry.Value, main)) _read.TryRemove(entry);
    }
}
