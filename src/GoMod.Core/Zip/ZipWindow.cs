using System.Buffers;

namespace GoMod.Core.Zip;

/// <summary>
/// One pooled buffer over a stretch of a zip file, for reading its entries in file order
/// (<see cref="ZipReader.OpenEntry(ZipEntry, ZipWindow?)"/>). Module zips hold their entries back to back, most of them
/// small: one read of <see cref="Size"/> bytes serves the local headers and compressed data of many entries, where
/// reading each entry by itself costs a read for its header and another for its data. Memory stays one buffer
/// whatever the zip's size (an entry larger than the window is read past it in the reader's usual chunks). Not thread
/// safe: one window per thread, and an entry's stream is finished before the next entry is opened.
/// </summary>
internal sealed class ZipWindow : IDisposable
{
    /// <summary>The bytes read from the file at a time.</summary>
    public const int Size = 256 * 1024;

    private byte[]? _buffer = ArrayPool<byte>.Shared.Rent(Size);
    private long _start;
    private int _count;

    /// <summary>A window over <paramref name="reader"/>'s file, empty until first used.</summary>
    public ZipWindow(ZipReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        Reader = reader;
    }

    /// <summary>The reader whose file this window reads.</summary>
    public ZipReader Reader { get; }

    /// <summary>
    /// The <paramref name="length"/> bytes at <paramref name="offset"/> (at most <see cref="Size"/>, within the file as the
    /// caller checked), loading the window from <paramref name="offset"/> when it does not hold them all.
    /// </summary>
    public ReadOnlyMemory<byte> Get(long offset, int length)
    {
        if (!Holds(offset, length)) Load(offset);
        if (!Holds(offset, length)) throw new InvalidDataException("zip: not a valid zip file");
        return Buffer.AsMemory((int)(offset - _start), length);
    }

    /// <summary>
    /// The data of an entry whose local header is at <paramref name="header"/>: the part of the <paramref name="length"/>
    /// bytes at <paramref name="offset"/> the window holds, from their start. When the window does not hold them all
    /// it is loaded from <paramref name="header"/> (already read, so the entry's data follows in the same read); data
    /// longer than the window is then returned in part, and the caller reads the rest from the file.
    /// </summary>
    public ReadOnlyMemory<byte> Holding(long header, long offset, long length)
    {
        var wanted = (int)Math.Min(length, Size - (offset - header));
        if (!Holds(offset, Math.Max(wanted, 0)) && _start != header) Load(header);
        if (offset < _start || offset > _start + _count) return ReadOnlyMemory<byte>.Empty;
        var held = (int)Math.Min(length, _start + _count - offset);
        return Buffer.AsMemory((int)(offset - _start), held);
    }

    /// <summary>Copies the bytes at <paramref name="offset"/> into <paramref name="destination"/> if the window holds them all (it is never loaded).</summary>
    public bool TryCopyHeld(long offset, Span<byte> destination)
    {
        if (!Holds(offset, destination.Length)) return false;
        Buffer.AsSpan((int)(offset - _start), destination.Length).CopyTo(destination);
        return true;
    }

    private byte[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(ZipWindow));

    private bool Holds(long offset, int length) => offset >= _start && offset + length <= _start + _count;

    private void Load(long offset)
    {
        var buffer = Buffer;
        _start = offset;
        _count = 0;
        var want = (int)Math.Min(Size, Reader.Length - offset);
        var filled = 0;
        while (filled < want)
        {
            var n = Reader.ReadAt(buffer.AsSpan(filled, want - filled), offset + filled);
            if (n <= 0) break;
            filled += n;
        }
        _count = filled;
    }

    /// <summary>Returns the buffer to the pool.</summary>
    public void Dispose()
    {
        if (_buffer is null) return;
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = null;
        _count = 0;
    }
}
