using System.Collections.Concurrent;

namespace GoMod.Core.Vendor;

/// <summary>
/// The entries of the directories one vendor plan looks at, each directory listed once (a package's directory is also
/// a parent whose license files are copied for the packages below it), safe to use from several threads.
/// </summary>
internal sealed class DirectoryListings
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<Entry>> _listings = new(StringComparer.Ordinal);

    /// <summary>One directory entry: its name, whether it is a directory (a symbolic link to one included) and whether it is a regular file (no link).</summary>
    public readonly record struct Entry(string Name, bool IsDirectory, bool IsRegular);

    /// <summary>The entries directly in <paramref name="dir"/>, in ordinal name order.</summary>
    public IReadOnlyList<Entry> Get(string dir) => _listings.GetOrAdd(dir, static d =>
    {
        var list = new List<Entry>();
        foreach (var e in new DirectoryInfo(d).EnumerateFileSystemInfos())
        {
            var isDir = (e.Attributes & FileAttributes.Directory) != 0;
            list.Add(new Entry(e.Name, isDir, !isDir && (e.Attributes & FileAttributes.ReparsePoint) == 0));
        }
        list.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return list;
    });
}
