using System.Runtime.InteropServices;

namespace GoMod.Core.Internal;

/// <summary>
/// The C library calls the SDK makes on Unix where .NET's file APIs add calls go does not make (a lock and a seek per
/// <see cref="FileStream"/>, an <c>fstat</c> per read) or lack one go uses (<c>flock</c>, <c>copy_file_range</c>, <c>statx</c>), and
/// the error numbers their callers test. Flag values differ between systems; each caller builds its flags for the
/// systems it uses these calls on.
/// </summary>
internal static class Libc
{
    /// <summary>Linux errno values (the callers that test others say so).</summary>
    public const int EPERM = 1, ENOENT = 2, EINTR = 4, EWOULDBLOCK = 11, EACCES = 13;

    /// <summary><c>flock</c> operations (the same on Linux and the BSDs).</summary>
    public const int LOCK_SH = 1, LOCK_EX = 2, LOCK_NB = 4, LOCK_UN = 8;

    [DllImport("libc", SetLastError = true)]
    public static extern int open(string path, int flags, int mode);

    [DllImport("libc", SetLastError = true)]
    public static extern nint read(int fd, ref byte buffer, nint count);

    [DllImport("libc", SetLastError = true)]
    public static extern nint write(int fd, ref byte buffer, nint count);

    [DllImport("libc", SetLastError = true)]
    public static extern int close(int fd);

    [DllImport("libc", SetLastError = true)]
    public static extern int flock(int fd, int operation);

    [DllImport("libc", SetLastError = true)]
    public static extern int fchmod(int fd, int mode);

    [DllImport("libc", SetLastError = true)]
    public static extern int chmod(string path, int mode);

    [DllImport("libc", SetLastError = true)]
    public static extern int mkdir(string path, int mode);

    /// <summary><c>realpath(path, NULL)</c>: the resolved path in memory to give back with <see cref="free"/>, or zero.</summary>
    [DllImport("libc", SetLastError = true)]
    public static extern nint realpath(string path, nint resolved);

    [DllImport("libc")]
    public static extern void free(nint pointer);

    /// <summary>Linux's <c>statx</c> (glibc 2.28 and later: check <c>PathStat</c>'s probe before calling it); <paramref name="buffer"/> is a 256-byte <c>struct statx</c>.</summary>
    [DllImport("libc", SetLastError = true)]
    public static extern int statx(int dirFd, string path, int flags, uint mask, ref byte buffer);

    [DllImport("libc", SetLastError = true)]
    public static extern long copy_file_range(int fdIn, IntPtr offIn, int fdOut, IntPtr offOut, nuint length, uint flags);

    /// <summary>
    /// The failure of the last call on <paramref name="path"/>, typed as .NET's own file calls type it: a missing path
    /// as <paramref name="notFound"/> makes it, a refused one as <see cref="UnauthorizedAccessException"/>, else an
    /// <see cref="IOException"/> carrying the error number.
    /// </summary>
    public static Exception Failure(string path, Func<string, Exception> notFound)
    {
        int errno = Marshal.GetLastPInvokeError();
        var message = $"{path}: {Marshal.GetLastPInvokeErrorMessage()}";
        return errno switch
        {
            ENOENT => notFound(message),
            EACCES or EPERM => new UnauthorizedAccessException(message),
            _ => new IOException(message, errno),
        };
    }
}
