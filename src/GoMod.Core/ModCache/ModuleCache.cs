using System.Globalization;
using System.Text;
using GoMod.Core.Fetch;
using GoMod.Core.GoEnv;
using GoMod.Core.Internal;
using GoMod.Core.Module;
using GoMod.Core.Semver;

namespace GoMod.Core.ModCache;

/// <summary>
/// The module cache (GOMODCACHE) with go's exact layout, so that go and GoMod.Sdk share it:
/// <c>cache/download/&lt;escaped path&gt;/@v/{list, v.info, v.mod, v.zip, v.ziphash, v.lock, v.partial}</c> and the
/// extracted, read-only <c>&lt;escaped path&gt;@&lt;escaped version&gt;/</c> trees. Files are written to a temporary
/// name and renamed into place; zip download and extraction are serialised across processes by an flock on
/// <c>v.lock</c>, as go does; an extracted tree counts only when no <c>.partial</c> marker is beside it and its
/// <c>.ziphash</c> exists.
/// </summary>
public sealed partial class ModuleCache
{
    /// <summary>Length of a valid .ziphash: <c>h1:</c> + base64 of 32 bytes.</summary>
    private const int ZipHashLength = 47;

    /// <summary>Creates a view of the cache rooted at <paramref name="root"/> (absolute).</summary>
    public ModuleCache(string root)
    {
        if (!Path.IsPathFullyQualified(root))
            throw new GoEnvironmentException($"GOMODCACHE entry is relative; must be absolute path: \"{root}\".");
        Root = Path.GetFullPath(root);
        DownloadDirectory = Path.Combine(Root, "cache", "download");
    }

    /// <summary>The GOMODCACHE directory.</summary>
    public string Root { get; }

    /// <summary><c>cache/download</c>: the downloaded files, laid out as a module proxy serves them.</summary>
    public string DownloadDirectory { get; }

    /// <summary><c>cache/download/&lt;escaped path&gt;/@v</c> for a module path.</summary>
    public string VersionDir(string modulePath) =>
        _versionDirs.TryGetValue(modulePath, out var dir) ? dir : _versionDirs.GetOrAdd(modulePath, Path.Combine(DownloadDirectory, EscapedPath(modulePath), "@v"));

    /// <summary>
    /// The cache file <c>&lt;escaped version&gt;.&lt;suffix&gt;</c> (info, mod, zip, ziphash, lock, partial) for a module
    /// version, which must be canonical (go refuses others with the same messages).
    /// </summary>
    public string CachePath(ModuleVersion m, string suffix)
    {
        var dir = VersionDir(m.Path);
        return Path.Combine(dir, EscapedVersion(m) + "." + suffix);
    }

    /// <summary>The extracted tree <c>&lt;escaped path&gt;@&lt;escaped version&gt;</c>.</summary>
    public string ModuleDir(ModuleVersion m) =>
        Path.Combine(Root, EscapedPath(m.Path) + "@" + EscapedVersion(m));

    /// <summary>
    /// Whether the extracted tree is complete as go judges it: a directory, no <c>.partial</c> marker, a
    /// <c>.ziphash</c> beside the zip.
    /// </summary>
    public ExtractedState GetExtractedState(ModuleVersion m)
    {
        var dir = ModuleDir(m);
        if (!Directory.Exists(dir)) return File.Exists(dir) ? ExtractedState.Partial : ExtractedState.Missing;
        if (File.Exists(CachePath(m, "partial"))) return ExtractedState.Partial;
        if (!File.Exists(CachePath(m, "ziphash"))) return ExtractedState.Partial;
        return ExtractedState.Complete;
    }

    /// <summary>
    /// Every module version with a zip, a .ziphash or an extraction marker in the download cache (what a full
    /// verification of the cache must look at), in path and semver order.
    /// </summary>
    public IReadOnlyList<ModuleVersion> EnumerateDownloaded()
    {
        var root = DownloadDirectory;
        var result = new List<ModuleVersion>();
        if (!Directory.Exists(root)) return result;
        foreach (var vdir in Directory.EnumerateDirectories(root, "@v", SearchOption.AllDirectories))
        {
            var escapedPath = Path.GetRelativePath(root, Path.GetDirectoryName(vdir)!).Replace('\\', '/');
            if (escapedPath.StartsWith("sumdb/", StringComparison.Ordinal)) continue;
            string path;
            try
            {
                path = ModulePath.UnescapePath(escapedPath);
            }
            catch (Exception e) when (e is ArgumentException or FormatException or ModuleException)
            {
                continue;
            }
            var versions = new SortedSet<string>(SemVer.Comparer);
            foreach (var file in Directory.EnumerateFiles(vdir))
            {
                var name = Path.GetFileName(file);
                var dot = name.LastIndexOf('.');
                if (dot <= 0 || name[(dot + 1)..] is not ("zip" or "ziphash" or "partial")) continue;
                try
                {
                    var v = ModulePath.UnescapeVersion(name[..dot]);
                    if (ModulePath.CanonicalVersion(v) == v) versions.Add(v);
                }
                catch (Exception e) when (e is ArgumentException or FormatException or ModuleException)
                {
                }
            }
            result.AddRange(versions.Select(v => new ModuleVersion(path, v)));
        }
        result.Sort((a, b) =>
        {
            var c = string.CompareOrdinal(a.Path, b.Path);
            return c != 0 ? c : SemVer.Compare(a.Version, b.Version);
        });
        return result;
    }

    /// <summary>The cached .info, or null when missing or unreadable (then it is fetched again).</summary>
    public RevInfo? ReadInfo(ModuleVersion m)
    {
        return ParseInfo(TryRead(CachePath(m, "info")));
    }

    /// <summary>Writes the .info in go's canonical JSON, atomically.</summary>
    public Task WriteInfoAsync(ModuleVersion m, RevInfo info, CancellationToken ct) =>
        WriteAtomicAsync(CachePath(m, "info"), info.ToCacheJson(PseudoVersion.IsPseudoVersion(m.Version)), ct);

    /// <summary>The cached go.mod bytes, or null. Files from old vgo releases (<c>//vgo 0.0.</c>) count as missing.</summary>
    public byte[]? ReadGoMod(ModuleVersion m) => GoModOrNull(CachePath(m, "mod"));

    /// <summary>Writes the .mod atomically, then rewrites the version list as go does.</summary>
    public async Task WriteGoModAsync(ModuleVersion m, byte[] content, CancellationToken ct)
    {
        var file = CachePath(m, "mod");
        await WriteAtomicAsync(file, content, ct).ConfigureAwait(false);
        await RewriteVersionListAsync(Path.GetDirectoryName(file)!, ct).ConfigureAwait(false);
    }

    /// <summary>The path of the cached zip (which may not exist).</summary>
    public string ZipPath(ModuleVersion m) => CachePath(m, "zip");

    /// <summary>Whether both the zip and its .ziphash exist (go's "zip is downloaded" test).</summary>
    public bool HasZip(ModuleVersion m) => File.Exists(CachePath(m, "zip")) && File.Exists(CachePath(m, "ziphash"));

    /// <summary>
    /// The recorded zip hash under a shared lock, or null when missing or torn (a valid file is exactly 47 bytes
    /// without NUL, after trimming white space).
    /// </summary>
    public async Task<string?> ReadZipHashAsync(ModuleVersion m, CancellationToken ct)
    {
        using var l = await FileLock.TryAcquireExistingAsync(CachePath(m, "ziphash"), exclusive: false, ct).ConfigureAwait(false);
        if (l is null) return null;
        var buffer = new byte[256];
        var n = 0;
        while (n < buffer.Length)
        {
            var r = await l.Stream.ReadAsync(buffer.AsMemory(n), ct).ConfigureAwait(false);
            if (r == 0) break;
            n += r;
        }
        var text = Encoding.UTF8.GetString(buffer, 0, n).Trim();
        return IsValidZipHash(text) ? text : null;
    }

    /// <summary>Go's validity test for .ziphash content: no NUL (a torn write) and the exact length.</summary>
    public static bool IsValidZipHash(string text) => text.Length == ZipHashLength && !text.Contains('\0');

    /// <summary>
    /// Writes the .ziphash the way go does: under an exclusive lock, truncated, sized, then written, so a torn write
    /// leaves NULs that <see cref="IsValidZipHash"/> rejects.
    /// </summary>
    public async Task WriteZipHashAsync(ModuleVersion m, string hash, CancellationToken ct)
    {
        var path = CachePath(m, "ziphash");
        using var l = await FileLock.AcquireAsync(path, exclusive: true, create: true, ct).ConfigureAwait(false);
        var bytes = Encoding.ASCII.GetBytes(hash);
        l.Stream.SetLength(0);
        l.Stream.SetLength(bytes.Length);
        l.Stream.Position = 0;
        await l.Stream.WriteAsync(bytes, ct).ConfigureAwait(false);
        await l.Stream.FlushAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Takes the per-version lock that guards zip download and extraction (<c>v.lock</c>).</summary>
    internal async Task<FileLock> LockVersionAsync(ModuleVersion m, CancellationToken ct)
    {
        var path = CachePath(m, "lock");
        CreateCacheDirectory(Path.GetDirectoryName(path)!);
        return await FileLock.AcquireAsync(path, exclusive: true, create: true, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Rewrites <c>@v/list</c> from the <c>.mod</c> files present (canonical versions, semver order), under an
    /// exclusive lock on the list itself, only when it changes; truncated then sized first so a torn write leaves NULs.
    /// </summary>
    public static async Task RewriteVersionListAsync(string versionDir, CancellationToken ct)
    {
        using var l = await FileLock.AcquireAsync(Path.Combine(versionDir, "list"), exclusive: true, create: true, ct).ConfigureAwait(false);
        var versions = new List<string>();
        foreach (var file in Directory.EnumerateFiles(versionDir, "*.mod"))
        {
            // Like go, the escaped file name itself must be a canonical version: escaped upper-case versions are left out.
            var name = Path.GetFileName(file)[..^4];
            if (name.Length > 0 && ModulePath.CanonicalVersion(name) == name) versions.Add(name);
        }
        SemVer.Sort(versions);
        var text = Encoding.UTF8.GetBytes(string.Concat(versions.Select(v => v + "\n")));
        var old = new byte[text.Length + 1];
        var n = 0;
        l.Stream.Position = 0;
        while (n < old.Length)
        {
            var r = await l.Stream.ReadAsync(old.AsMemory(n), ct).ConfigureAwait(false);
            if (r == 0) break;
            n += r;
        }
        if (n == text.Length && old.AsSpan(0, n).SequenceEqual(text)) return;
        l.Stream.SetLength(0);
        l.Stream.SetLength(text.Length);
        l.Stream.Position = 0;
        await l.Stream.WriteAsync(text, ct).ConfigureAwait(false);
        await l.Stream.FlushAsync(ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes a file by creating <c>&lt;name&gt;&lt;random&gt;.tmp</c> beside it and renaming it into place, so readers
    /// never see a partial file (go's <c>writeDiskCache</c>).
    /// </summary>
    public static async Task WriteAtomicAsync(string file, ReadOnlyMemory<byte> data, CancellationToken ct)
    {
        var dir = Path.GetDirectoryName(file)!;
        CreateCacheDirectory(dir);
        var (tmp, stream) = CreateTempFile(dir, Path.GetFileName(file));
        try
        {
            await using (stream.ConfigureAwait(false))
                await stream.WriteAsync(data, ct).ConfigureAwait(false);
            File.Move(tmp, file, overwrite: true);
        }
        catch
        {
            TryDelete(tmp);
            throw;
        }
    }

    /// <summary>Creates a directory of the cache; a cache that cannot be written is a <see cref="ModuleCacheWriteException"/>.</summary>
    private static void CreateCacheDirectory(string dir)
    {
        try
        {
            Directory.CreateDirectory(dir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModuleCacheWriteException(dir, e);
        }
    }

    /// <summary>Creates a new, exclusive temporary file named like go's (<c>prefix + random + ".tmp"</c>).</summary>
    internal static (string Path, FileStream Stream) CreateTempFile(string dir, string prefix)
    {
        for (var i = 0; ; i++)
        {
            var name = Path.Combine(dir, prefix + Random.Shared.Next(1_000_000_000).ToString(CultureInfo.InvariantCulture) + ".tmp");
            try
            {
                return (name, new FileStream(name, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.Asynchronous));
            }
            catch (IOException) when (File.Exists(name) && i < 10000)
            {
            }
        }
    }

    /// <summary>Deletes stale temporary files of a cache file (only safe while holding the version lock).</summary>
    internal static void RemoveStaleTempFiles(string file)
    {
        var dir = Path.GetDirectoryName(file)!;
        if (!Directory.Exists(dir)) return;
        var prefix = Path.GetFileName(file);
        foreach (var f in Directory.EnumerateFiles(dir, prefix + "*.tmp"))
            TryDelete(f);
    }

    /// <summary>
    /// Removes a tree written by extraction, restoring write permission first (go makes the directories read-only).
    /// </summary>
    public static void RemoveAll(string dir)
    {
        if (!Directory.Exists(dir))
        {
            TryDelete(dir);
            return;
        }
        foreach (var d in Directory.EnumerateDirectories(dir, "*", SearchOption.AllDirectories).Prepend(dir))
            MakeWritable(d);
        Directory.Delete(dir, recursive: true);
    }

    /// <summary>Removes write permission from every directory of an extracted tree (children first), like go.</summary>
    public static void MakeDirectoriesReadOnly(string dir)
    {
        if (OperatingSystem.IsWindows()) return;
        var dirs = Directory.EnumerateDirectories(dir, "*", SearchOption.AllDirectories).Prepend(dir).ToList();
        for (var i = dirs.Count - 1; i >= 0; i--)
        {
            var mode = File.GetUnixFileMode(dirs[i]);
            File.SetUnixFileMode(dirs[i], mode & ~(UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite));
        }
    }

    private static void MakeWritable(string dir)
    {
        if (OperatingSystem.IsWindows()) return;
        try
        {
            File.SetUnixFileMode(dir, File.GetUnixFileMode(dir) | UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    internal static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    private static byte[]? TryRead(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string EscapeCanonical(ModuleVersion m)
    {
        if (!SemVer.IsValid(m.Version)) throw new ModuleFetchException(m.Path, m.Version, $"non-semver module version \"{m.Version}\"");
        if (ModulePath.CanonicalVersion(m.Version) != m.Version)
            throw new ModuleFetchException(m.Path, m.Version, $"non-canonical module version \"{m.Version}\"");
        return ModulePath.EscapeVersion(m.Version);
    }
}
