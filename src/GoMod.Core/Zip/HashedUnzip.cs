using System.Runtime.CompilerServices;
using System.Buffers;
using System.Security.Cryptography;
using GoMod.Core.Module;
using GoMod.Core.Sum;

namespace GoMod.Core.Zip;

/// <summary>
/// Extraction and go.sum hashing in one pass over a module zip: every entry is inflated once, its bytes written to a
/// temporary directory beside the target and hashed on the way (size and CRC-32 checked as for
/// <see cref="ModuleZip.Unzip"/>), giving the same <c>h1:</c> hash as <see cref="DirHash.HashZip(string, CancellationToken)"/>.
/// Nothing is published: the caller checks <see cref="Hash"/> against go.sum and then calls <see cref="TryPublish"/>,
/// which renames the tree into place; disposing an unpublished extraction removes it, so a mismatch leaves nothing.
/// </summary>
internal sealed class HashedUnzip : IDisposable
{
    private const int BufferSize = 256 * 1024;
    private readonly string _temp;
    private readonly string _target;
    private bool _published;

    private readonly ExtractedDirectories _directories;

    private HashedUnzip(string temp, string target, string hash, ExtractedDirectories directories)
    {
        _temp = temp;
        _target = target;
        Hash = hash;
        _directories = directories;
    }

    /// <summary>The <c>h1:</c> hash of the zip's entries.</summary>
    public string Hash { get; }

    /// <summary>
    /// Checks <paramref name="zipFile"/> as <see cref="ModuleZip.CheckZip"/> does, then extracts it into a temporary
    /// directory beside <paramref name="targetDir"/> (which must be absent or empty) while hashing.
    /// <paramref name="wrap"/> may wrap each entry's inflating stream (name in the zip, stream), for instrumentation.
    /// When <paramref name="checkFirst"/> is given, the zip is opened before anything else and it runs over the central
    /// directory (a caller's own check, such as go's path prefix rule; its exceptions pass through unchanged, and a file
    /// that is not a zip throws <see cref="InvalidDataException"/> there); the same reader then serves the extraction,
    /// so a large zip's directory is read once.
    /// </summary>
    /// <exception cref="ModuleZipException">The zip is invalid (nothing inflated yet) or corrupt (InnerException is an
    /// <see cref="InvalidDataException"/>), or the target is not empty.</exception>
    public static HashedUnzip Extract(string targetDir, ModuleVersion m, string zipFile, Func<string, Stream, Stream>? wrap = null,
        CancellationToken cancellationToken = default, Action<ZipReader>? checkFirst = null)
    {
        ArgumentNullException.ThrowIfNull(targetDir);
        ArgumentNullException.ThrowIfNull(zipFile);
        ZipReader? opened = null;
        if (checkFirst is not null)
        {
            opened = ZipReader.Open(zipFile);
            try
            {
                checkFirst(opened);
            }
            catch
            {
                opened.Dispose();
                throw;
            }
        }
        var what = $"unzip {zipFile}";
        string target;
        try
        {
            target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(targetDir));
            if ((Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any()) || File.Exists(target))
                throw new ModuleZipException($"{what}: target directory {targetDir} exists and is not empty");
            ModuleZip.CheckModuleVersion(m, what);
            var size = new FileInfo(zipFile).Length;
            if (size > ModuleZip.MaxZipFile)
                throw new ModuleZipException($"{what}: module zip file is too large ({size} bytes; limit is {ModuleZip.MaxZipFile} bytes)");
        }
        catch
        {
            opened?.Dispose();
            throw;
        }
        using var zip = opened ?? ModuleZip.OpenZip(zipFile, what);
        var (cf, valid) = ModuleZip.CheckEntries(m, zip);
        if (!cf.IsValid) throw new ModuleZipException($"{what}: {cf.Error}", cf.Invalid);

        var parent = Path.GetDirectoryName(target) ?? throw new ModuleZipException($"{what}: cannot extract to {targetDir}");
        Directory.CreateDirectory(parent);
        var temp = Path.Combine(parent, Path.GetFileName(target) + ".tmp-" + Guid.NewGuid().ToString("N")[..12]);
        var tempRoot = temp + Path.DirectorySeparatorChar;
        var prefixLength = System.Text.Encoding.UTF8.GetByteCount(m.Path) + 1 + m.Version.Length + 1;
        var entries = zip.Entries;
        var extract = new bool[entries.Count];
        foreach (var e in valid) extract[e.Index] = true;
        // Digests in one array (32 bytes an entry), not one array per entry.
        var digests = new byte[entries.Count * DirHash.DigestLength];
        var hashed = new bool[entries.Count];
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // Entries are read in file order through one window: a read of the file serves many small entries.
        using var window = new ZipWindow(zip);
        try
        {
            Directory.CreateDirectory(temp);
            var directories = new ExtractedDirectories(temp);
            foreach (var e in entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                string? destination = null;
                if (extract[e.Index])
                {
                    var rel = e.NameAfter(prefixLength);
                    destination = Path.GetFullPath(OperatingSystem.IsWindows() ? Path.Combine(temp, rel.Replace('/', Path.DirectorySeparatorChar)) : string.Concat(tempRoot, rel));
                    // The checks above already refuse such names; this guards the file system whatever they miss.
                    if (!destination.StartsWith(tempRoot, StringComparison.Ordinal))
                        throw new ModuleZipException($"{what}: {e.Name}: file path escapes the target directory", [new(e.Name, "file path escapes the target directory")]);
                    directories.EnsureParentOf(rel);
                }
                try
                {
                    InflateOnce(zip, window, e, destination, wrap, buffer, sha, digests.AsSpan(e.Index * DirHash.DigestLength, DirHash.DigestLength), cancellationToken);
                    hashed[e.Index] = true;
                }
                catch (InvalidDataException ex)
                {
                    throw new ModuleZipException($"{what}: {ex.Message}", [new(e.Name, ex.Message)], ex);
                }
            }
            var hash = DirHash.SummarizeZip(entries, digests, hashed);
            return new HashedUnzip(temp, target, hash, directories);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            ModuleZip.DeleteTree(temp);
            throw new ModuleZipException($"{what}: {ex.Message}", [], ex);
        }
        catch
        {
            ModuleZip.DeleteTree(temp);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Inflates an entry once: hashes its bytes into <paramref name="digest"/> and, when <paramref name="destination"/> is set, writes them to a new read-only file.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot over every inflated byte: optimized at once, never run instrumented
    private static void InflateOnce(ZipReader zip, ZipWindow window, ZipEntry e, string? destination, Func<string, Stream, Stream>? wrap, byte[] buffer,
        IncrementalHash sha, Span<byte> digest, CancellationToken cancellationToken)
    {
        using (var output = destination is null ? null : ExtractedFile.Create(destination))
        {
            var raw = zip.OpenEntry(e, window);
            using var input = wrap is null ? raw : wrap(e.Name, raw);
            int n;
            while ((n = input.Read(buffer, 0, buffer.Length)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                sha.AppendData(buffer, 0, n);
                output?.Write(buffer.AsSpan(0, n));
            }
        }
        if (destination is not null && OperatingSystem.IsWindows()) File.SetAttributes(destination, File.GetAttributes(destination) | FileAttributes.ReadOnly);
        sha.GetHashAndReset(digest);
    }

    /// <summary>
    /// Renames the extracted tree to the target directory (an empty one there is replaced). False, with nothing renamed
    /// or removed, when the temporary tree is no longer there to rename: the caller decides what the target is then.
    /// </summary>
    public bool TryPublish()
    {
        if (!Directory.Exists(_temp)) return false;
        if (Directory.Exists(_target)) Directory.Delete(_target); // empty, as checked before extracting
        try
        {
            Directory.Move(_temp, _target);
        }
        catch (DirectoryNotFoundException) when (!Directory.Exists(_temp))
        {
            return false;
        }
        _published = true;
        return true;
    }

    /// <summary>
    /// Removes write permission from every directory of the published tree, as go does once an extraction is complete,
    /// from the list of directories the extraction made (no walk of the tree).
    /// </summary>
    public void MakeDirectoriesReadOnly()
    {
        if (!_published) throw new InvalidOperationException("the tree is not published");
        _directories.MakeReadOnly(_target);
    }

    /// <summary>Removes the extracted tree unless it was published.</summary>
    public void Dispose()
    {
        if (!_published) ModuleZip.DeleteTree(_temp);
    }
}
