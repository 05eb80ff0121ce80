using System.Runtime.InteropServices;

namespace GoMod.Core.Internal;

/// <summary>
/// Reads a small file (a <c>.ziphash</c>, a <c>.info</c>) into a caller's buffer with the fewest system calls: on Unix
/// <c>open</c>, optionally a non-waiting shared <c>flock</c> (go's <c>lockedfile.Read</c> takes one on <c>.ziphash</c>),
/// <c>read</c> and <c>close</c> — no <see cref="FileStream"/>, no <c>fstat</c>, nothing allocated. For the checks a
/// warm restore makes once per module of a large build list; the callers fall back to their full path on any
/// negative answer.
/// </summary>
internal static class SmallFile
{
    /// <summary>The file is missing or cannot be read.</summary>
    public const int Unreadable = -1;

    /// <summary>A writer holds an exclusive lock on the file right now.</summary>
    public const int Locked = -2;

    /// <summary>The file does not fit in the buffer.</summary>
    public const int TooLarge = -3;

    /// <summary>
    /// The whole file read into <paramref name="buffer"/>: its length, or <see cref="Unreadable"/>,
    /// <see cref="Locked"/> (only with <paramref name="sharedLock"/>) or <see cref="TooLarge"/>.
    /// </summary>
    public static int TryRead(string path, Span<byte> buffer, bool sharedLock)
    {
        if (OperatingSystem.IsWindows()) return TryReadPortable(path, buffer, sharedLock);
        var cloexec = OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD() ? 0x1000000 : 0x80000;
        int fd;
        do
        {
            fd = Libc.open(path, cloexec, 0);
        }
        while (fd < 0 && Marshal.GetLastPInvokeError() == Libc.EINTR);
        if (fd < 0) return Unreadable;
        try
        {
            if (sharedLock)
            {
                while (Libc.flock(fd, Libc.LOCK_SH | Libc.LOCK_NB) != 0)
                {
                    var errno = Marshal.GetLastPInvokeError();
                    if (errno == Libc.EINTR) continue;
                    return errno == Libc.EWOULDBLOCK || ((OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD()) && errno == 35) ? Locked : Unreadable;
                }
            }
            var n = 0;
            while (true)
            {
                // One byte more than the buffer holds would not fit: ask for the rest of the buffer, then probe once.
                nint r;
                if (n < buffer.Length) r = Libc.read(fd, ref buffer[n], buffer.Length - n);
                else
                {
                    byte probe = 0;
                    r = Libc.read(fd, ref probe, 1);
                    if (r > 0) return TooLarge;
                }
                if (r < 0)
                {
                    if (Marshal.GetLastPInvokeError() == Libc.EINTR) continue;
                    return Unreadable;
                }
                if (r == 0) return n;
                n += (int)r;
            }
        }
        finally
        {
            // Closing the descriptor releases its flock.
            _ = Libc.close(fd);
        }
    }

    private static int TryReadPortable(string path, Span<byte> buffer, bool sharedLock)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, sharedLock ? FileShare.Read : FileShare.ReadWrite | FileShare.Delete, 1);
            if (stream.Length > buffer.Length) return TooLarge;
            var n = 0;
            while (n < buffer.Length)
            {
                var r = stream.Read(buffer[n..]);
                if (r == 0) break;
                n += r;
            }
            return n;
        }
        catch (IOException) when (sharedLock && File.Exists(path))
        {
            return Locked;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Unreadable;
        }
    }
}
