using System.Buffers;
using System.Runtime.InteropServices;
using GoMod.Core.Internal;

namespace GoMod.Core.Vendor;

/// <summary>
/// Copies one file verbatim into a new file (which must not exist yet) created with mode 0644. On Linux the kernel
/// copies the bytes (<c>copy_file_range</c>, as go's <c>io.Copy</c> between two files does) between two plain
/// descriptors, with none of the managed stream's extra calls (no advisory lock, no status query); where the kernel
/// cannot (another file system on an old kernel, no such call), and on other systems, it copies through a buffer.
/// </summary>
internal static class VendorFileCopy
{
    private const int ORdOnly = 0, OWrOnly = 1, OCreat = 0x40, OExcl = 0x80, OCloExec = 0x80000;
    private const int ExDev = 18, EInval = 22, ENoSys = 38, EOpNotSupp = 95;

    /// <summary>
    /// Copies <paramref name="source"/> to the new file <paramref name="target"/>, mode 0644; with
    /// <paramref name="fixMode"/> (the umask took bits away) the mode is set explicitly. Throws <see cref="IOException"/>
    /// or <see cref="UnauthorizedAccessException"/> when it cannot.
    /// </summary>
    public static void Copy(string source, string target, bool fixMode)
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                if (KernelCopy(source, target, fixMode)) return;
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
            }
        }
        BufferedCopy(source, target, fixMode);
    }

    /// <summary>The kernel's copy; false (and no target left) when the kernel cannot copy between these two files.</summary>
    private static bool KernelCopy(string source, string target, bool fixMode)
    {
        int input = Libc.open(source, ORdOnly | OCloExec, 0);
        if (input < 0) throw Failure(source);
        try
        {
            int output = Libc.open(target, OWrOnly | OCreat | OExcl | OCloExec, (int)VendorTreeWriter.FilePermissions);
            if (output < 0) throw Failure(target);
            bool done = false;
            try
            {
                if (fixMode && Libc.fchmod(output, (int)VendorTreeWriter.FilePermissions) != 0) throw Failure(target);
                while (true)
                {
                    long n = Libc.copy_file_range(input, IntPtr.Zero, output, IntPtr.Zero, 1 << 30, 0);
                    if (n == 0) break;
                    if (n > 0) continue;
                    int errno = Marshal.GetLastPInvokeError();
                    if (errno is ExDev or EInval or ENoSys or EOpNotSupp or Libc.EPERM) return false;
                    throw Failure(target);
                }
                done = true;
            }
            finally
            {
                if (Libc.close(output) != 0 && done) throw Failure(target);
                if (!done) File.Delete(target);
            }
        }
        finally
        {
            _ = Libc.close(input);
        }
        return true;
    }

    private static Exception Failure(string path) => Libc.Failure(path, message => new FileNotFoundException(message, path));

    private static void BufferedCopy(string source, string target, bool fixMode)
    {
        using var input = File.OpenHandle(source, FileMode.Open, FileAccess.Read, FileShare.Read);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 0 };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = VendorTreeWriter.FilePermissions;
        using var output = new FileStream(target, options);
        if (fixMode && !OperatingSystem.IsWindows()) File.SetUnixFileMode(output.SafeFileHandle, VendorTreeWriter.FilePermissions);
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            long offset = 0;
            int n;
            while ((n = RandomAccess.Read(input, buffer, offset)) > 0)
            {
                output.Write(buffer, 0, n);
                offset += n;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
