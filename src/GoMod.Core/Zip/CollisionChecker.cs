using System.Text;
using GoMod.Core.Internal;

namespace GoMod.Core.Zip;

/// <summary>
/// Finds paths equal under Unicode case folding (they would overwrite each other on Windows and macOS) and paths used
/// both as a file and as a directory. Every parent directory of a path is checked too, as go does; a directory whose
/// own walk up to the root once found no clash is known to pass again (recorded names never change), so a later walk
/// stops there and a zip's check costs one or two lookups per entry, not one per level.
/// </summary>
internal sealed class CollisionChecker
{
    private readonly Dictionary<string, (string Path, bool IsDir, bool AncestorsOk)> _seen = new(StringComparer.Ordinal);
    private readonly List<string> _walk = [];

    /// <summary>Records <paramref name="path"/>; returns Go's error text for a clash, or null.</summary>
    public string? Check(string path, bool isDir)
    {
        _walk.Clear();
        while (true)
        {
            var fold = Fold(path);
            if (_seen.TryGetValue(fold, out var other))
            {
                if (path != other.Path) return $"case-insensitive file name collision: {Quote(other.Path)} and {Quote(path)}";
                if (isDir != other.IsDir) return $"entry {Quote(path)} is both a file and a directory";
                if (!isDir) return $"multiple entries for file {Quote(path)}";
                // The same directory is reached again through another file in it: fine, and when its own walk passed
                // before, every parent above it passes again.
                if (other.AncestorsOk) return Passed();
            }
            else
            {
                _seen[fold] = (path, isDir, false);
            }
            _walk.Add(fold);
            var parent = GoPath.Dir(path);
            if (parent == ".") return Passed();
            path = parent;
            isDir = true;
        }
    }

    /// <summary>Marks every name of the walk just made as having clean ancestors.</summary>
    private string? Passed()
    {
        foreach (var fold in _walk)
        {
            ref var entry = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrNullRef(_seen, fold);
            entry.AncestorsOk = true;
        }
        return null;
    }

    private static string Quote(string s) => Internal.GoString.Quote(s);

    /// <summary>
    /// A key equal for two strings exactly when Go's <c>strings.EqualFold</c> holds: each rune is mapped through upper
    /// then lower case, which joins the simple case-folding orbits (k, K and the Kelvin sign; s, S and long s; σ, ς, Σ).
    /// </summary>
    internal static string Fold(string s)
    {
        var ascii = true;
        foreach (var c in s)
        {
            if (c >= 0x80 || c is >= 'A' and <= 'Z') { ascii = false; break; }
        }
        if (ascii) return s;
        if (!s.AsSpan().ContainsAnyExceptInRange('\0', '\x7f'))
        {
            // ASCII with capitals: upper then lower case is lower case.
            return string.Create(s.Length, s, static (span, source) =>
            {
                for (var i = 0; i < span.Length; i++) span[i] = source[i] is >= 'A' and <= 'Z' ? (char)(source[i] | 0x20) : source[i];
            });
        }
        var sb = new StringBuilder(s.Length);
        Span<char> units = stackalloc char[2];
        foreach (var r in s.EnumerateRunes())
        {
            var n = Rune.ToLowerInvariant(Rune.ToUpperInvariant(r)).EncodeToUtf16(units);
            sb.Append(units[..n]);
        }
        return sb.ToString();
    }
}
