using System.Collections.Concurrent;
using System.Text;
using GoMod.Core.Internal;
using GoMod.Core.Module;

namespace GoMod.Core.ModCache;

public sealed partial class ModuleCache
{
    private int _goModReads;
    private int _treeReads;

    // Escaping is validated once per module path and per version in the life of this view: a build list of 10,000
    // modules asks for each of their cache paths several times.
    private readonly ConcurrentDictionary<string, string> _escapedPaths = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _escapedVersions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _versionDirs = new(StringComparer.Ordinal);

    /// <summary><see cref="ModulePath.EscapePath"/>, remembered (a path it refuses throws every time).</summary>
    private string EscapedPath(string modulePath) =>
        _escapedPaths.TryGetValue(modulePath, out var e) ? e : _escapedPaths.GetOrAdd(modulePath, ModulePath.EscapePath(modulePath));

    /// <summary>The escaped canonical version, remembered (a version go refuses throws every time, naming the module).</summary>
    private string EscapedVersion(ModuleVersion m) =>
        _escapedVersions.TryGetValue(m.Version, out var e) ? e : _escapedVersions.GetOrAdd(m.Version, EscapeCanonical(m));

    /// <summary>How many times this cache view read a <c>.mod</c> file (<see cref="ReadGoMod(ModuleVersion)"/>): tests count the reads of a run with it.</summary>
    internal int GoModReads => Volatile.Read(ref _goModReads);

    /// <summary>How many times this cache view read a <c>.ziphash</c> for <see cref="TryReadCompleteTree"/>: tests count a run's warm checks that read files with it.</summary>
    internal int TreeReads => Volatile.Read(ref _treeReads);

    /// <summary>The cache files of a canonical module version, escaped once (throws as <see cref="CachePath"/> does for a version go refuses).</summary>
    public VersionFiles FilesOf(ModuleVersion m)
    {
        var escapedPath = EscapedPath(m.Path);
        var escapedVersion = EscapedVersion(m);
        return new VersionFiles(
            Path.Combine(VersionDir(m.Path), escapedVersion + "."),
            Path.Combine(Root, escapedPath + "@" + escapedVersion));
    }

    /// <summary>
    /// go's check before it trusts an extracted tree, with nothing more: the directory exists (one stat), no
    /// <c>.partial</c> marker is beside it (one stat), and its <c>.ziphash</c> reads, under a shared lock as go's
    /// <c>lockedfile.Read</c> takes it, as a valid hash (one open and read). Returns that hash; null when any of it
    /// does not hold or the <c>.ziphash</c> is locked by a writer right now (the caller then takes the full path, which
    /// waits for the lock and repairs or reports what is wrong). Comparing the hash with go.sum is the caller's.
    /// </summary>
    public string? TryReadCompleteTree(in VersionFiles files)
    {
        if (!Directory.Exists(files.Dir) || File.Exists(files.Partial)) return null;
        Interlocked.Increment(ref _treeReads);
        Span<byte> buffer = stackalloc byte[256];
        var n = SmallFile.TryRead(files.ZipHash, buffer, sharedLock: true);
        if (n < 0) return null;
        var text = Encoding.UTF8.GetString(buffer[..n]).Trim();
        return IsValidZipHash(text) ? text : null;
    }

    /// <summary>The cached .info at <paramref name="files"/>, or null when missing or unreadable (as <see cref="ReadInfo(ModuleVersion)"/>).</summary>
    public Fetch.RevInfo? ReadInfo(in VersionFiles files)
    {
        Span<byte> buffer = stackalloc byte[1024];
        var n = SmallFile.TryRead(files.Info, buffer, sharedLock: false);
        if (n == SmallFile.TooLarge) return ParseInfo(TryRead(files.Info));
        if (n < 0) return null;
        try
        {
            return Fetch.RevInfo.Parse(buffer[..n]);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The cached go.mod bytes at <paramref name="files"/>, or null (as <see cref="ReadGoMod(ModuleVersion)"/>).</summary>
    public byte[]? ReadGoMod(in VersionFiles files) => GoModOrNull(files.Mod);

    private byte[]? GoModOrNull(string file)
    {
        Interlocked.Increment(ref _goModReads);
        var data = TryRead(file);
        if (data is null || data.AsSpan().StartsWith("//vgo 0.0."u8)) return null;
        return data;
    }

    private static Fetch.RevInfo? ParseInfo(byte[]? data)
    {
        if (data is null) return null;
        try
        {
            return Fetch.RevInfo.Parse(data);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
