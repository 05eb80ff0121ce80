using GoMod.Core.Zip;

namespace GoMod.Core.ModLoad;

/// <summary>
/// The files of one fetched module: a module zip (read in place, entries under <c>path@version/</c>) or a local
/// directory (the main module, a directory replacement). Only what package lookup needs: the regular files of one
/// directory, and whether a local directory sits inside a nested module.
/// </summary>
internal sealed class ModuleContent
{
    private readonly string? _dir;
    private readonly string? _zipFile;
    private readonly Dictionary<string, Dictionary<string, int>>? _zipDirs;
    private readonly ZipDirectory? _zipDirectory;
    private readonly long _zipLength;
    private readonly string? _extracted;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<(string Name, Func<byte[]> Read)>>? _extractedDirs;

    private readonly Imports.GoFileFactsCache? _facts;

    private ModuleContent(string? dir, string? zipFile, Dictionary<string, Dictionary<string, int>>? zipDirs, string? extracted = null,
        Imports.GoFileFactsCache? facts = null, ZipDirectory? zipDirectory = null, long zipLength = 0)
    {
        _zipDirectory = zipDirectory;
        _zipLength = zipLength;
        _facts = facts;
        _dir = dir;
        _zipFile = zipFile;
        _zipDirs = zipDirs;
        _extracted = extracted;
        if (extracted is not null) _extractedDirs = new(StringComparer.Ordinal);
    }

    /// <summary>
    /// A module zip's complete extraction in the module cache (what go's package loader reads): the same files as the
    /// zip, read from disk; described as the zip is (paths relative to the module root). With <paramref name="facts"/>,
    /// directory listings are taken from, and recorded in, its store (<see cref="Imports.GoFileFactsCache.TryGetListing"/>).
    /// </summary>
    public static ModuleContent FromExtracted(string dir, Imports.GoFileFactsCache? facts = null) => new(null, null, null, dir, facts);

    /// <summary>A local directory tree.</summary>
    public static ModuleContent FromDirectory(string dir) => new(dir, null, null);

    /// <summary>A module zip whose entries start with <paramref name="prefix"/> (<c>path@version/</c>).</summary>
    /// <remarks>
    /// The central directory is read once (compact, <see cref="ZipDirectory"/>) and kept with the names by directory; a
    /// file is read by opening the zip again at its recorded position, so no handle stays open and no directory is
    /// parsed twice.
    /// </remarks>
    public static ModuleContent FromZip(string zipFile, string prefix)
    {
        using var zip = ZipReader.Open(zipFile);
        var prefixBytes = System.Text.Encoding.UTF8.GetBytes(prefix);
        var dirs = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var e in zip.Entries)
        {
            if (!e.NameStartsWith(prefixBytes)) continue;
            var rel = e.NameAfter(prefixBytes.Length);
            if (rel.Length == 0 || rel.EndsWith('/')) continue;
            int slash = rel.LastIndexOf('/');
            var dir = slash < 0 ? "" : rel[..slash];
            if (!dirs.TryGetValue(dir, out var files)) dirs[dir] = files = new Dictionary<string, int>(StringComparer.Ordinal);
            files[rel[(slash + 1)..]] = e.Index;
        }
        return new ModuleContent(null, zipFile, dirs, zipDirectory: zip.Entries, zipLength: zip.Length);
    }

    public bool IsLocal => _dir is not null;

    /// <summary>The directory for display and errors: the local path, or the relative directory in the zip.</summary>
    public string Describe(string rel) => _dir is not null ? (rel.Length == 0 ? _dir : Path.Combine(_dir, rel)) : rel;

    /// <summary>The regular files directly in <paramref name="rel"/> (slash-separated, "" for the module root).</summary>
    public IReadOnlyList<(string Name, Func<byte[]> Read)> Files(string rel)
    {
        if (_dir is not null)
        {
            var full = rel.Length == 0 ? _dir : Path.Combine([_dir, .. rel.Split('/')]);
            if (!Directory.Exists(full)) return [];
            var list = new List<(string, Func<byte[]>)>();
            try
            {
                foreach (var f in new DirectoryInfo(full).EnumerateFiles())
                {
                    if (f.LinkTarget is not null && !IsLinkToFile(f)) continue;
                    var path = f.FullName;
                    list.Add((f.Name, () => File.ReadAllBytes(path)));
                }
            }
            catch (DirectoryNotFoundException)
            {
                return []; // removed since the walk listed it (see PackagePatterns.ModuleDirectories)
            }
            return list;
        }
        if (_extracted is not null) return _extractedDirs!.GetOrAdd(rel, ListExtracted);
        if (!_zipDirs!.TryGetValue(rel, out var files)) return [];
        return files.Select(kv => (kv.Key, (Func<byte[]>)(() => ReadEntry(kv.Value)))).ToList();
    }

    /// <summary>Whether a symbolic link leads to a file; a dangling link or a loop leads nowhere (go's walk does not stop at it).</summary>
    private static bool IsLinkToFile(FileInfo link)
    {
        try
        {
            return link.ResolveLinkTarget(returnFinalTarget: true) is FileInfo { Exists: true };
        }
        catch (IOException)
        {
            return false; // too many levels of links
        }
    }

    /// <summary>The regular files of one directory of an extracted zip (which holds no symbolic links), listed once.</summary>
    private IReadOnlyList<(string Name, Func<byte[]> Read)> ListExtracted(string rel)
    {
        var full = rel.Length == 0 ? _extracted! : Path.Combine([_extracted!, .. rel.Split('/')]);
        if (_facts is not null && _facts.TryGetListing(full, out var stored)) return stored is null ? [] : Readers(full, stored);
        var names = new List<string>();
        try
        {
            foreach (var f in new DirectoryInfo(full).EnumerateFiles())
                if ((f.Attributes & FileAttributes.ReparsePoint) == 0) names.Add(f.Name);
        }
        catch (DirectoryNotFoundException)
        {
            _facts?.AddListing(full, null);
            return [];
        }
        var array = names.ToArray();
        _facts?.AddListing(full, array);
        return Readers(full, array);
    }

    private static List<(string Name, Func<byte[]> Read)> Readers(string dir, string[] names)
    {
        var list = new List<(string, Func<byte[]>)>(names.Length);
        foreach (var name in names)
        {
            var path = Path.Combine(dir, name);
            list.Add((name, () => File.ReadAllBytes(path)));
        }
        return list;
    }

    /// <summary>The full path of directory <paramref name="rel"/> when the files are on disk (a local tree, an extracted zip); null for a zip read in place.</summary>
    public string? FullDirectory(string rel)
    {
        var root = _dir ?? _extracted;
        if (root is null) return null;
        return rel.Length == 0 ? root : Path.Combine([root, .. rel.Split('/')]);
    }

    /// <summary>Entry <paramref name="index"/>'s content, its size and CRC-32 checked as it is inflated.</summary>
    private byte[] ReadEntry(int index)
    {
        using var zip = ZipReader.Open(_zipFile!, _zipDirectory, _zipLength);
        var entry = _zipDirectory![index];
        using var s = zip.OpenEntry(entry);
        if (entry.UncompressedSize <= 64 << 20)
        {
            // The declared size, which the entry stream enforces: read exactly that, then its end (where the CRC is checked).
            var content = new byte[(int)entry.UncompressedSize];
            var read = 0;
            int n;
            while (read < content.Length && (n = s.Read(content, read, content.Length - read)) > 0) read += n;
            Span<byte> end = stackalloc byte[1];
            if (s.Read(end) != 0 || read != content.Length) throw new InvalidDataException($"zip: short read of {entry.Name}");
            return content;
        }
        using var ms = new MemoryStream();
        s.CopyTo(ms);
        return ms.ToArray();
    }

    /// <summary>go's <c>IsDirWithGoFiles</c>: a regular <c>.go</c> file directly in the directory.</summary>
    public bool HasGoFiles(string rel) => Files(rel).Any(f => f.Name.EndsWith(".go", StringComparison.Ordinal));

    /// <summary>For a local tree: whether a <c>go.mod</c> sits in <paramref name="rel"/> or a directory between it and the root.</summary>
    public bool InNestedModule(string rel)
    {
        if (_dir is null || rel.Length == 0) return false;
        var parts = rel.Split('/');
        for (int n = parts.Length; n > 0; n--)
            if (File.Exists(Path.Combine([_dir, .. parts[..n], "go.mod"]))) return true;
        return false;
    }
}
