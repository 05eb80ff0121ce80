using System.Runtime.InteropServices;

namespace GoMod.Core.Internal;

/// <summary>
/// An advisory lock on a file, compatible with the go command's <c>lockedfile</c> package: <c>flock(2)</c> on Unix
/// (what go uses on Linux and macOS), a byte-range lock from offset 0 on Windows (overlapping go's
/// <c>LockFileEx</c> range). Locks belong to the open file, so two acquisitions in one process exclude each other
/// too. Waiting polls with a short backoff so it can be cancelled.
/// </summary>
internal sealed class FileLock : IDisposable
{
    private const int ORdWr = 2;

    private FileLock(FileStream stream) => Stream = stream;

    /// <summary>The locked file: open for reading and writing under an exclusive lock, for reading under a shared one.</summary>
    public FileStream Stream { get; }

    /// <summary>
    /// Opens (creating when <paramref name="create"/>) and locks <paramref name="path"/>, waiting as long as another
    /// process or thread holds a conflicting lock.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist and <paramref name="create"/> is false.</exception>
    public static async Task<FileLock> AcquireAsync(string path, bool exclusive, bool create, CancellationToken ct)
    {
        var stream = Open(path, create, writable: exclusive || create);
        try
        {
            var delay = 2;
            while (!TryLock(stream, exclusive))
            {
                await Task.Delay(delay, ct).ConfigureAwait(false);
                delay = Math.Min(delay * 2, 50);
            }
            return new FileLock(stream);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens the file for reading and writing. On Unix it is opened with <c>open(2)</c> directly, because a .NET
    /// <see cref="FileStream"/> opened by path takes its own non-blocking flock, which would fail (rather than wait)
    /// while go or another downloader holds the lock we are about to wait for.
    /// </summary>
    private static FileStream Open(string path, bool create, bool writable)
    {
        // Shared locks only read (go's lockedfile.Read opens read-only too), so a read-only go.sum can still be read.
        var access = writable ? FileAccess.ReadWrite : FileAccess.Read;
        if (OperatingSystem.IsWindows())
            return new FileStream(path, create ? FileMode.OpenOrCreate : FileMode.Open, access, FileShare.ReadWrite | FileShare.Delete, 4096);
        var macOS = OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD();
        var flags = (writable ? ORdWr : 0) | (macOS ? 0x1000000 : 0x80000) | (create ? (macOS ? 0x200 : 0x40) : 0);
        int fd;
        do
        {
            fd = Libc.open(path, flags, 438 /* 0666, less the umask */);
        }
        while (fd < 0 && Marshal.GetLastPInvokeError() == Libc.EINTR);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw errno switch
            {
                2 => new FileNotFoundException($"open {path}: no such file or directory", path),
                13 => new UnauthorizedAccessException($"open {path}: permission denied"),
                _ => new IOException($"open {path}: errno {errno}"),
            };
        }
        return new FileStream(new Microsoft.Win32.SafeHandles.SafeFileHandle(fd, ownsHandle: true), access, 1);
    }

    /// <summary>Like <see cref="AcquireAsync"/>, but null when the file does not exist.</summary>
    public static async Task<FileLock?> TryAcquireExistingAsync(string path, bool exclusive, CancellationToken ct)
    {
        try
        {
            return await AcquireAsync(path, exclusive, create: false, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// Go's <c>lockedfile.Read</c>: the whole file, read under a shared lock, so that a go command rewriting it at the
    /// same moment (go.mod and go.sum are rewritten under its exclusive lock) is waited for instead of making the read
    /// fail, as a plain <see cref="File.ReadAllBytes(string)"/> would (its own non-blocking lock). Null when the file
    /// does not exist.
    /// </summary>
    public static async Task<byte[]?> ReadAllBytesAsync(string path, CancellationToken ct)
    {
        using var l = await TryAcquireExistingAsync(path, exclusive: false, ct).ConfigureAwait(false);
        if (l is null) return null;
        var data = new byte[l.Stream.Length];
        await l.Stream.ReadExactlyAsync(data, ct).ConfigureAwait(false);
        return data;
    }

    /// <summary>
    /// <see cref="ReadAllBytesAsync"/> decoded as go reads text (<see cref="GoUtf8.Decode"/>: invalid UTF-8 bytes are
    /// kept, not replaced); null when the file does not exist.
    /// </summary>
    public static async Task<string?> ReadAllTextAsync(string path, CancellationToken ct) =>
        await ReadAllBytesAsync(path, ct).ConfigureAwait(false) is { } data ? GoUtf8.Decode(data) : null;

    /// <summary>
    /// Go's <c>lockedfile.Transform</c>: under an exclusive lock on the file itself, reads it, computes the new
    /// content and rewrites it in place (growing files get their tail written first; a failed write restores the old
    /// bytes). In place rather than rename, because go's lock lives on this very file: a renamed-in replacement would
    /// let a waiting go process read and overwrite a stale copy.
    /// </summary>
    public static async Task<bool> TransformAsync(string path, Func<byte[], byte[]> transform, CancellationToken ct)
    {
        using var l = await AcquireAsync(path, exclusive: true, create: true, ct).ConfigureAwait(false);
        var s = l.Stream;
        var old = new byte[s.Length];
        s.Position = 0;
        await s.ReadExactlyAsync(old, ct).ConfigureAwait(false);
        var updated = transform(old);
        if (updated.AsSpan().SequenceEqual(old)) return false;
        try
        {
            if (updated.Length > old.Length)
            {
                s.Position = old.Length;
                await s.WriteAsync(updated.AsMemory(old.Length), ct).ConfigureAwait(false);
                await s.FlushAsync(ct).ConfigureAwait(false);
            }
            s.Position = 0;
            await s.WriteAsync(updated.AsMemory(0, Math.Min(updated.Length, old.Length)), ct).ConfigureAwait(false);
            await s.FlushAsync(ct).ConfigureAwait(false);
            if (updated.Length < old.Length) s.SetLength(updated.Length);
        }
        catch
        {
            try
            {
                s.Position = 0;
                s.Write(old);
                s.SetLength(old.Length);
            }
            catch (IOException)
            {
            }
            throw;
        }
        return true;
    }

    private static bool TryLock(FileStream stream, bool exclusive)
    {
        if (OperatingSystem.IsWindows())
        {
            try
            {
                stream.Lock(0, 1);
                return true;
            }
            catch (IOException)
            {
                return false;
            }
        }
        var fd = (int)stream.SafeFileHandle.DangerousGetHandle();
        while (true)
        {
            if (Libc.flock(fd, (exclusive ? Libc.LOCK_EX : Libc.LOCK_SH) | Libc.LOCK_NB) == 0) return true;
            var errno = Marshal.GetLastPInvokeError();
            if (errno == Libc.EINTR) continue;
            if (errno == Libc.EWOULDBLOCK || (OperatingSystem.IsMacOS() && errno == 35)) return false;
            throw new IOException($"flock {stream.Name}: errno {errno}");
        }
    }

    public void Dispose()
    {
        if (!OperatingSystem.IsWindows())
            _ = Libc.flock((int)Stream.SafeFileHandle.DangerousGetHandle(), Libc.LOCK_UN);
        Stream.Dispose();
    }
}
