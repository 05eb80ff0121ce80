using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using GoMod.Core.Internal;

namespace GoMod.Core.Zip;

/// <summary>
/// A new read-only (0444, less the umask) file for an extracted zip entry, never created through an existing file or
/// link (<c>O_CREAT|O_EXCL</c>), written sequentially. On Unix it is a plain descriptor, opened, written and closed with
/// no other call, as go's extraction does: a managed <see cref="FileStream"/> adds an advisory lock and a seek per file,
/// which count when a module has thousands of small files. No file is synced to disk (go does not either); the
/// extraction is atomic by the rename of its temporary directory. Elsewhere it is a <see cref="FileStream"/>.
/// </summary>
internal sealed class ExtractedFile : IDisposable
{
    private const int OWrOnly = 1, OCreat = 0x40, OExcl = 0x80, OCloExec = 0x80000;
    private const int ReadOnlyMode = 0x124; // 0444

    private readonly string _path;
    private int _fd;
    private FileStream? _stream;

    private ExtractedFile(string path, int fd, FileStream? stream)
    {
        _path = path;
        _fd = fd;
        _stream = stream;
    }

    /// <summary>Creates <paramref name="path"/>, which must not exist. Throws <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/>.</summary>
    public static ExtractedFile Create(string path)
    {
        if (OperatingSystem.IsLinux())
        {
            int fd = Libc.open(path, OWrOnly | OCreat | OExcl | OCloExec, ReadOnlyMode);
            if (fd < 0) throw Failure(path);
            return new ExtractedFile(path, fd, null);
        }
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 0 };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        return new ExtractedFile(path, -1, new FileStream(path, options));
    }

    /// <summary>Appends <paramref name="data"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot over every inflated byte: optimized at once, never run instrumented
    public void Write(ReadOnlySpan<byte> data)
    {
        if (_stream is not null)
        {
            _stream.Write(data);
            return;
        }
        ObjectDisposedException.ThrowIf(_fd < 0, this);
        while (!data.IsEmpty)
        {
            nint n = Libc.write(_fd, ref MemoryMarshal.GetReference(data), data.Length);
            if (n < 0)
            {
                if (Marshal.GetLastPInvokeError() == Libc.EINTR) continue;
                throw Failure(_path);
            }
            data = data[(int)n..];
        }
    }

    /// <summary>Closes the file; a failing close (a write the file system refused late) is an <see cref="IOException"/>.</summary>
    public void Dispose()
    {
        if (_stream is not null)
        {
            _stream.Dispose();
            _stream = null;
            return;
        }
        if (_fd < 0) return;
        int fd = _fd;
        _fd = -1;
        if (Libc.close(fd) != 0 && Marshal.GetLastPInvokeError() != Libc.EINTR) throw Failure(_path);
    }

    private static Exception Failure(string path) => Libc.Failure(path, message => new DirectoryNotFoundException(message));
}
