using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace GoMod.Core.Internal;

/// <summary>
/// One stat of a path, for the stamps the SDK's stores compare (a file's size and modification time, a directory's
/// modification time) across tens of thousands of module-cache paths per run. On Linux it is one <c>statx</c> call:
/// <see cref="FileInfo"/> adds a <c>geteuid</c> call, a full-path normalisation and an object per stat. Elsewhere (or
/// on a C library without <c>statx</c>) it is <see cref="FileInfo"/>/<see cref="DirectoryInfo"/>. Both give the same
/// values: the time in <see cref="DateTime"/> ticks (UTC) truncated to 100 ns as .NET truncates it, and for a symbolic
/// link (rare in a module cache) whatever .NET gives, by asking it.
/// </summary>
internal static class PathStat
{
    private const int AtFdCwd = -100, AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1, StatxMtime = 0x40, StatxSize = 0x200;
    private const int StatxBufferSize = 256;

    // Whether this C library exports statx (glibc 2.28 and later); fixed for the life of the process.
    private static readonly bool HasStatx = OperatingSystem.IsLinux()
        && NativeLibrary.TryLoad("libc.so.6", out var libc) && NativeLibrary.TryGetExport(libc, "statx", out _);

    /// <summary>The size and modification time of the file at <paramref name="path"/>; null when it is missing, a directory, or cannot be stat'ed.</summary>
    public static (long Size, long ModTicks)? File(string path) =>
        Of(path) is { IsDirectory: false } s ? (s.Size, s.ModTicks) : null;

    /// <summary>The modification time of the directory at <paramref name="path"/>; null when it is missing, not a directory, or cannot be stat'ed.</summary>
    public static long? Directory(string path) =>
        Of(path) is { IsDirectory: true } s ? s.ModTicks : null;

    private static (long Size, long ModTicks, bool IsDirectory)? Of(string path)
    {
        if (!HasStatx) return Portable(path);
        Span<byte> buffer = stackalloc byte[StatxBufferSize];
        buffer.Clear();
        if (Libc.statx(AtFdCwd, path, AtSymlinkNoFollow, StatxType | StatxSize | StatxMtime, ref buffer[0]) != 0) return null;
        var mask = BinaryPrimitives.ReadUInt32LittleEndian(buffer);
        if ((mask & (StatxType | StatxSize | StatxMtime)) != (StatxType | StatxSize | StatxMtime)) return Portable(path);
        var mode = BinaryPrimitives.ReadUInt16LittleEndian(buffer[28..]);
        if ((mode & 0xF000) == 0xA000) return Portable(path);
        var size = BinaryPrimitives.ReadInt64LittleEndian(buffer[40..]);
        var seconds = BinaryPrimitives.ReadInt64LittleEndian(buffer[112..]);
        var nanoseconds = BinaryPrimitives.ReadUInt32LittleEndian(buffer[120..]);
        var ticks = DateTime.UnixEpoch.Ticks + (seconds * TimeSpan.TicksPerSecond) + (nanoseconds / 100);
        return (size, ticks, (mode & 0xF000) == 0x4000);
    }

    private static (long Size, long ModTicks, bool IsDirectory)? Portable(string path)
    {
        try
        {
            var file = new FileInfo(path);
            if (file.Exists) return (file.Length, file.LastWriteTimeUtc.Ticks, false);
            var dir = new DirectoryInfo(path);
            if (dir.Exists) return (0, dir.LastWriteTimeUtc.Ticks, true);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }
}
