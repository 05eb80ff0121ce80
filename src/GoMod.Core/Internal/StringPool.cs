using System.Collections.Concurrent;
using System.Text;
using GoMod.Core.Module;

namespace GoMod.Core.Internal;

/// <summary>
/// One string per distinct module path or version text read during a command: the same paths recur in thousands
/// of go.mod files, and sharing them keeps the graph small. Thread-safe.
/// </summary>
internal sealed class StringPool
{
    private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<ModuleVersion, bool> _checkedRequirements = new();

    /// <summary>
    /// Whether a requirement's version is canonical and fits its path's major version, remembered per pair: the same
    /// requirement appears in many go.mod files.
    /// </summary>
    public bool IsPlainRequirement(ModuleVersion m, Func<ModuleVersion, bool> check) =>
        _checkedRequirements.TryGetValue(m, out var ok) ? ok : _checkedRequirements.GetOrAdd(m, check(m));

    public string Get(ReadOnlySpan<char> text)
    {
        var lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(text, out var s)) return s;
        var str = text.ToString();
        return _strings.GetOrAdd(str, str);
    }

    /// <summary>The string for ASCII bytes (callers pass only ASCII).</summary>
    public string Get(ReadOnlySpan<byte> ascii)
    {
        Span<char> buffer = ascii.Length <= 256 ? stackalloc char[ascii.Length] : new char[ascii.Length];
        int n = Encoding.ASCII.GetChars(ascii, buffer);
        return Get(buffer[..n]);
    }
}
