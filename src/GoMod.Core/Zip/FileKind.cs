using System.Runtime.InteropServices;
using System.Text;

namespace GoMod.Core.Zip;

/// <summary>
/// Tells regular files from FIFOs, sockets and device nodes, which .NET reports as ordinary files. Go leaves such
/// "irregular" files out of module zips; reading a FIFO would also block forever.
/// </summary>
internal static class FileKind
{
    private const int TypeMask = 0xF000, Regular = 0x8000;

    /// <summary>
    /// True when <paramref name="info"/> (not a directory, not a link) is something other than a regular file. Only
    /// empty entries can be special files (their reported size is 0), so only those pay for an lstat.
    /// </summary>
    public static bool IsIrregular(FileInfo info)
    {
        if (OperatingSystem.IsWindows() || info.Length != 0) return false;
        try
        {
            var mode = LStatMode(info.FullName);
            return mode is { } m && (m & TypeMask) != Regular;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    // The runtime's own native shim (present wherever .NET runs on Unix): its FileStatus starts with Flags, then Mode
    // using the portable S_IF* values (S_IFMT 0xF000, S_IFREG 0x8000). The buffer is larger than the struct on purpose.
    [DllImport("libSystem.Native", EntryPoint = "SystemNative_LStat")]
    private static extern int SystemNativeLStat(byte[] path, [Out] byte[] status);

    private static int? LStatMode(string path)
    {
        var status = new byte[512];
        if (SystemNativeLStat(Encoding.UTF8.GetBytes(path + "\0"), status) != 0) return null;
        return BitConverter.ToInt32(status, 4);
    }
}
