using System.IO.Compression;
using GoMod.Core.Internal;
using GoMod.Core.Module;

namespace GoMod.Core.Zip;

/// <summary>
/// Module zip files as the go command makes, checks and extracts them (golang.org/x/mod/zip): every entry is
/// <c>module@version/relative/path</c>, paths are valid file paths with no case-insensitive clashes, and sizes stay within
/// <see cref="MaxZipFile"/>, <see cref="MaxGoMod"/> and <see cref="MaxLicense"/>. Extraction is atomic, never writes
/// outside its target and leaves read-only files, as in Go's module cache.
/// </summary>
public static class ModuleZip
{
    /// <summary>The largest module zip, and the largest total size of the files in it (500 MiB).</summary>
    public const long MaxZipFile = 500L << 20;

    /// <summary>The largest go.mod file in a module zip (16 MiB).</summary>
    public const long MaxGoMod = 16L << 20;

    /// <summary>The largest LICENSE file in a module zip (16 MiB).</summary>
    public const long MaxLicense = 16L << 20;

    private const int CopyBufferSize = 256 * 1024;

    /// <summary>
    /// Which files of <paramref name="dir"/> a module zip would contain (Go's <c>zip.CheckDir</c>); paths are relative
    /// and slash-separated. An omitted directory (nested module, VCS directory) is listed once, without its files.
    /// </summary>
    public static CheckedFiles CheckDir(string dir, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dir);
        var go124 = ZipFileSelection.UsesGo124Rules(ZipFileSelection.RootGoVersion(dir));
        var (files, walkOmitted) = ZipFileSelection.ListFilesInDir(dir, go124, cancellationToken);
        var (cf, _) = ZipFileSelection.CheckFiles(files, go124);
        return cf with { Omitted = [.. cf.Omitted, .. walkOmitted] };
    }

    /// <summary>
    /// Writes the module zip of <paramref name="m"/> made from directory <paramref name="dir"/> to
    /// <paramref name="zip"/> (left open). Files that do not belong in a module zip are left out (see
    /// <see cref="CheckDir"/>); the selection follows the module's own go line. Nothing is written when a file is
    /// invalid or a limit is exceeded; an I/O failure midway leaves a partial stream, so write to a temporary file.
    /// </summary>
    /// <exception cref="ModuleZipException">The version is not canonical, or a file is invalid, or the tree is too large.</exception>
    public static void Create(Stream zip, ModuleVersion m, string dir, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(zip);
        ArgumentNullException.ThrowIfNull(dir);
        var what = $"create zip {dir}";
        CheckModuleVersion(m, what);

        var go124 = ZipFileSelection.UsesGo124Rules(ZipFileSelection.RootGoVersion(dir));
        List<DirFile> files;
        try
        {
            (files, _) = ZipFileSelection.ListFilesInDir(dir, go124, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModuleZipException($"{what}: {e.Message}", null, e);
        }
        var (cf, valid) = ZipFileSelection.CheckFiles(files, go124);
        if (!cf.IsValid) throw new ModuleZipException($"{what}: {cf.Error}", cf.Invalid);

        var prefix = $"{m.Path}@{m.Version}/";
        var buffer = new byte[CopyBufferSize];
        try
        {
            using var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true);
            foreach (var f in valid)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var entry = archive.CreateEntry(prefix + f.Path, CompressionLevel.Optimal);
                entry.LastWriteTime = new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero); // content alone decides the zip
                using var source = new FileStream(f.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
                using var target = entry.Open();
                // The file was measured by the walk; one that grew since would break the size checks, as in Go.
                long copied = 0;
                int n;
                while ((n = source.Read(buffer, 0, (int)Math.Min(buffer.Length, f.Size + 1 - copied))) > 0)
                {
                    copied += n;
                    if (copied > f.Size) throw new ModuleZipException($"{what}: file \"{f.Path}\" is larger than declared size", [new(f.Path, "file is larger than declared size")]);
                    target.Write(buffer, 0, n);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModuleZipException($"{what}: {e.Message}", null, e);
        }
    }

    /// <summary>
    /// Checks the module zip <paramref name="zipFile"/> of <paramref name="m"/> without extracting it (Go's
    /// <c>zip.CheckZip</c>, plus a refusal of link and device entries): every entry must carry the
    /// <c>module@version/</c> prefix and a clean, valid file path; no two paths may be equal ignoring case or be both
    /// file and directory; go.mod may only be the lower-case root file; declared sizes must respect the limits.
    /// Valid entries are listed by their full names.
    /// </summary>
    /// <exception cref="ModuleZipException">The version is not canonical, or the file cannot be read as a zip.</exception>
    public static CheckedFiles CheckZip(ModuleVersion m, string zipFile)
    {
        ArgumentNullException.ThrowIfNull(zipFile);
        var what = $"check zip {zipFile}";
        CheckModuleVersion(m, what);
        var size = ZipFileLength(zipFile, what);
        if (size > MaxZipFile) return TooLarge(size);
        using var zip = OpenZip(zipFile, what);
        return CheckEntries(m, zip).Checked;
    }

    /// <summary>
    /// Extracts the module zip <paramref name="zipFile"/> of <paramref name="m"/> into <paramref name="targetDir"/>,
    /// which must not exist or be empty. The zip is checked first (see <see cref="CheckZip"/>); entries are written into a
    /// temporary directory beside the target, counting inflated bytes against each declared size and checking CRCs, and
    /// renamed into place only when all succeeded, so a failure leaves nothing behind. Files are created read-only (0444).
    /// </summary>
    /// <exception cref="ModuleZipException">The zip is invalid, corrupt, too large, or the target is not empty.</exception>
    public static void Unzip(string targetDir, ModuleVersion m, string zipFile, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(targetDir);
        ArgumentNullException.ThrowIfNull(zipFile);
        var what = $"unzip {zipFile}";
        var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(targetDir));
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
            throw new ModuleZipException($"{what}: target directory {targetDir} exists and is not empty");
        if (File.Exists(target))
            throw new ModuleZipException($"{what}: target directory {targetDir} exists and is not empty");

        CheckModuleVersion(m, what);
        var size = ZipFileLength(zipFile, what);
        if (size > MaxZipFile) throw new ModuleZipException($"{what}: {TooLarge(size).SizeError}");
        using var zip = OpenZip(zipFile, what);
        var (cf, entries) = CheckEntries(m, zip);
        if (!cf.IsValid) throw new ModuleZipException($"{what}: {cf.Error}", cf.Invalid);

        var parent = Path.GetDirectoryName(target) ?? throw new ModuleZipException($"{what}: cannot extract to {targetDir}");
        Directory.CreateDirectory(parent);
        var temp = Path.Combine(parent, Path.GetFileName(target) + ".tmp-" + Guid.NewGuid().ToString("N")[..12]);
        var prefixLength = System.Text.Encoding.UTF8.GetByteCount(m.Path) + 1 + m.Version.Length + 1;
        try
        {
            Directory.CreateDirectory(temp);
            var tempRoot = temp + Path.DirectorySeparatorChar;
            var buffer = new byte[CopyBufferSize];
            using var window = new ZipWindow(zip); // entries in file order: a read serves many small ones
            foreach (var e in entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var name = e.NameAfter(prefixLength);
                var destination = Path.GetFullPath(Path.Combine(temp, name.Replace('/', Path.DirectorySeparatorChar)));
                // The checks above already refuse such names; this guards the file system whatever they miss.
                if (!destination.StartsWith(tempRoot, StringComparison.Ordinal))
                    throw new ModuleZipException($"{what}: {e.Name}: file path escapes the target directory", [new(e.Name, "file path escapes the target directory")]);
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                try
                {
                    ExtractEntry(zip, window, e, destination, buffer, cancellationToken);
                }
                catch (InvalidDataException ex)
                {
                    throw new ModuleZipException($"{what}: {ex.Message}", [new(e.Name, ex.Message)], ex);
                }
            }
            if (Directory.Exists(target)) Directory.Delete(target); // empty, as checked above
            Directory.Move(temp, target);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            DeleteTree(temp);
            throw new ModuleZipException($"{what}: {ex.Message}", [], ex);
        }
        catch
        {
            DeleteTree(temp);
            throw;
        }
    }

    private static void ExtractEntry(ZipReader zip, ZipWindow window, ZipEntry e, string destination, byte[] buffer, CancellationToken cancellationToken)
    {
        using (var output = ExtractedFile.Create(destination))
        using (var input = zip.OpenEntry(e, window))
        {
            int n;
            while ((n = input.Read(buffer, 0, buffer.Length)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                output.Write(buffer.AsSpan(0, n));
            }
        }
        if (OperatingSystem.IsWindows()) File.SetAttributes(destination, File.GetAttributes(destination) | FileAttributes.ReadOnly);
    }

    internal static void DeleteTree(string path)
    {
        if (!Directory.Exists(path)) return;
        if (OperatingSystem.IsWindows())
            foreach (var f in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories))
                File.SetAttributes(f, FileAttributes.Normal);
        // On Unix a read-only file is removed through its writable directory.
        Directory.Delete(path, recursive: true);
    }

    private static CheckedFiles TooLarge(long size)
        => new([], [], [], $"module zip file is too large ({size} bytes; limit is {MaxZipFile} bytes)");

    private static long ZipFileLength(string zipFile, string what)
    {
        try
        {
            return new FileInfo(zipFile).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModuleZipException($"{what}: {e.Message}", null, e);
        }
    }

    internal static ZipReader OpenZip(string zipFile, string what)
    {
        try
        {
            return ZipReader.Open(zipFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new ModuleZipException($"{what}: {e.Message}", null, e);
        }
    }

    internal static void CheckModuleVersion(ModuleVersion m, string what)
    {
        var canonical = ModulePath.CanonicalVersion(m.Version);
        if (canonical != m.Version)
            throw new ModuleZipException($"{what}: version {GoString.Quote(m.Version)} is not canonical (should be {GoString.Quote(canonical)})");
        try
        {
            ModulePath.Check(m.Path, m.Version);
        }
        catch (Exception e) when (e is ModulePathException or ModuleException)
        {
            throw new ModuleZipException($"{what}: {e.Message}", null, e);
        }
    }

    /// <summary>
    /// Go's checkZip over the central directory, plus refusing links and devices, which extraction would otherwise turn
    /// into plain files. Returns the file entries to extract (directory entries and the bare prefix carry nothing).
    /// </summary>
    internal static (CheckedFiles Checked, List<ZipEntry> Valid) CheckEntries(ModuleVersion m, ZipReader zip)
    {
        var prefix = $"{m.Path}@{m.Version}/";
        var prefixBytes = System.Text.Encoding.UTF8.GetBytes(prefix);
        var valid = new List<ZipEntry>();
        var invalid = new List<ZipFileError>();
        var collisions = new CollisionChecker();
        string? sizeError = null;
        long total = 0;
        foreach (var e in zip.Entries)
        {
            // One string per entry: the name after the prefix (the full name only for a report).
            if (!e.NameStartsWith(prefixBytes)) { invalid.Add(new ZipFileError(e.Name, $"path does not have prefix \"{prefix}\"")); continue; }
            var name = e.NameAfter(prefixBytes.Length);
            if (name.Length == 0) continue;
            void Invalid(string reason) => invalid.Add(new ZipFileError(e.Name, reason));
            var isDir = name.EndsWith('/');
            if (isDir) name = name[..^1];
            if (GoPath.Clean(name) != name) { Invalid(ZipFileSelection.ErrPathNotClean); continue; }
            if (!e.NameIsValidUtf8) { Invalid($"malformed file path {GoString.Quote(name)}: invalid UTF-8"); continue; }
            if (ZipFileSelection.FilePathError(name) is { } pathError) { Invalid(pathError); continue; }
            if (collisions.Check(name, isDir) is { } clash) { Invalid(clash); continue; }
            if (isDir) continue;
            if (e.IsSymlink) { Invalid(ZipFileSelection.ErrSymlink); continue; }
            if (e.IsIrregular) { Invalid(ZipFileSelection.ErrNotRegular); continue; }
            var file = GoPath.Base(name);
            if (string.Equals(file, "go.mod", StringComparison.OrdinalIgnoreCase))
            {
                if (file != name) { Invalid("go.mod file not in module root directory"); continue; }
                if (name != "go.mod") { Invalid(ZipFileSelection.ErrGoModCase); continue; }
            }
            var declared = e.UncompressedSize > long.MaxValue ? long.MaxValue : (long)e.UncompressedSize;
            if (MaxZipFile - total >= declared) total += declared;
            else sizeError ??= $"total uncompressed size of module contents too large (max size is {MaxZipFile} bytes)";
            if (name == "go.mod" && declared > MaxGoMod) { Invalid($"go.mod file too large (max size is {MaxGoMod} bytes)"); continue; }
            if (name == "LICENSE" && declared > MaxLicense) { Invalid($"LICENSE file too large (max size is {MaxLicense} bytes)"); continue; }
            valid.Add(e);
        }
        return (new CheckedFiles(new EntryNames(valid), [], invalid, sizeError), valid);
    }

    /// <summary>The full names of checked entries, decoded when read: a large zip's check keeps no string per entry.</summary>
    private sealed class EntryNames(List<ZipEntry> entries) : IReadOnlyList<string>
    {
        public string this[int index] => entries[index].Name;

        public int Count => entries.Count;

        public IEnumerator<string> GetEnumerator()
        {
            foreach (var e in entries) yield return e.Name;
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
