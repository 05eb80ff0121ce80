using System.Text;
using GoMod.Core.Internal;

namespace GoMod.Core.Zip;

/// <summary>
/// Finds paths equal under Unicode case folding (they would overwrite each other on Windows and macOS) and paths used
/// both as a file and as a directory. Every parent directory of a path is checked too.
/// </summary>
internal sealed class CollisionChecker
{
    private readonly Dictionary<string, (string Path, bool IsDir)> _seen = new(StringComparer.Ordinal);

    /// <summary>Records <paramref name="path"/>; returns Go's error text for a clash, or null.</summary>
    public string? Check(string path, bool isDir)
    {
        while (true)
        {
            var fold = Fold(path);
            if (_seen.TryGetValue(fold, out var other))
            {
                if (path != other.Path) return $"case-insensitive file name collision: {Quote(other.Path)} and {Quote(path)}";
                if (isDir != other.IsDir) return $"entry {Quote(path)} is both a file and a directory";
                if (!isDir) return $"multiple entries for file {Quote(path)}";
                // The same directory is reached again through another file in it: fine.
            }
            else
            {
                _seen[fold] = (path, isDir);
            }
            var parent = GoPath.Dir(path);
            if (parent == ".") return null;
            path = parent;
            isDir = true;
        }
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
        var sb = new StringBuilder(s.Length);
        foreach (var r in s.EnumerateRunes()) sb.Append(Rune.ToLowerInvariant(Rune.ToUpperInvariant(r)).ToString());
        return sb.ToString();
    }
}
