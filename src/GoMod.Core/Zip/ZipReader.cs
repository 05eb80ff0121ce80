using System.Runtime.CompilerServices;
using System.Buffers.Binary;
using System.IO.Compression;
using Microsoft.Win32.SafeHandles;

namespace GoMod.Core.Zip;

/// <summary>
/// A zip reader with Go's <c>archive/zip</c> reading rules, written for module zips: names stay raw bytes, entries
/// are read by position (so several threads may read one archive), and every entry stream counts the bytes it
/// inflates and checks them against the declared size and CRC-32, so a lying header can never make us inflate more
/// than it declared. Only "store" and "deflate" are accepted, as in Go.
/// </summary>
internal sealed class ZipReader : IDisposable
{
    private const uint EndSignature = 0x06054b50, End64LocatorSignature = 0x07064b50, End64Signature = 0x06064b50;
    private const uint DirectorySignature = 0x02014b50, LocalSignature = 0x04034b50, DescriptorSignature = 0x08074b50;
    private const int EndLength = 22, End64LocatorLength = 20, End64Length = 56, DirectoryHeaderLength = 46, LocalHeaderLength = 30;

    private readonly SafeFileHandle _handle;
    private long _reads;

    private ZipReader(SafeFileHandle handle, long length, ZipDirectory entries)
    {
        _handle = handle;
        Length = length;
        Entries = entries;
    }

    public long Length { get; }

    /// <summary>The central directory, compact (see <see cref="ZipDirectory"/>); it stays valid after the reader is disposed.</summary>
    public ZipDirectory Entries { get; }

    /// <summary>Opens <paramref name="path"/> and reads its central directory (not the entries' data).</summary>
    /// <exception cref="InvalidDataException">The file is not a zip file Go could read.</exception>
    public static ZipReader Open(string path) => Open(path, null);

    /// <summary>
    /// Opens <paramref name="path"/> with a central directory read from it before (<paramref name="directory"/>, when
    /// given, for a file that does not change, such as a module zip in the cache): nothing is read until an entry is
    /// opened. The file must still have the <paramref name="length"/> it had then.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not a zip file Go could read, or its length changed.</exception>
    public static ZipReader Open(string path, ZipDirectory? directory, long length = -1)
    {
        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
        try
        {
            var size = RandomAccess.GetLength(handle);
            if (directory is not null && size != length) throw NotValid();
            return new ZipReader(handle, size, directory ?? ReadDirectory(handle, size));
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    public void Dispose() => _handle.Dispose();

    /// <summary>How many reads of the file entries' headers and data took since the reader was opened (the central directory not counted).</summary>
    internal long Reads => Interlocked.Read(ref _reads);

    /// <summary>One positioned read of the file, counted in <see cref="Reads"/>.</summary>
    internal int ReadAt(Span<byte> buffer, long offset)
    {
        Interlocked.Increment(ref _reads);
        return RandomAccess.Read(_handle, buffer, offset);
    }

    /// <summary>Fills <paramref name="buffer"/> from <paramref name="offset"/>; a file ending first is not a valid zip.</summary>
    internal void ReadExactlyAt(Span<byte> buffer, long offset)
    {
        while (buffer.Length > 0)
        {
            var n = ReadAt(buffer, offset);
            if (n <= 0) throw NotValid();
            buffer = buffer[n..];
            offset += n;
        }
    }

    private static InvalidDataException NotValid() => new("zip: not a valid zip file");

    private static void ReadExactly(SafeFileHandle handle, Span<byte> buffer, long offset)
    {
        while (buffer.Length > 0)
        {
            var n = RandomAccess.Read(handle, buffer, offset);
            if (n <= 0) throw NotValid();
            buffer = buffer[n..];
            offset += n;
        }
    }

    private static ZipDirectory ReadDirectory(SafeFileHandle handle, long size)
    {
        // Find the end-of-central-directory record: in the last 1 KiB, else in the last 65 KiB (a comment may precede it).
        byte[]? buf = null;
        long endOffset = -1;
        foreach (var tail in new long[] { 1024, 65 * 1024 })
        {
            var len = Math.Min(tail, size);
            buf = new byte[len];
            ReadExactly(handle, buf, size - len);
            var p = FindEndSignature(buf);
            if (p >= 0)
            {
                buf = buf[p..];
                endOffset = size - len + p;
                break;
            }
            if (len == size) break;
        }
        if (endOffset < 0 || buf is null) throw NotValid();

        var b = buf.AsSpan(4);
        ulong records = BinaryPrimitives.ReadUInt16LittleEndian(b[6..]);
        ulong dirSize = BinaryPrimitives.ReadUInt32LittleEndian(b[8..]);
        ulong dirOffset = BinaryPrimitives.ReadUInt32LittleEndian(b[12..]);
        int commentLength = BinaryPrimitives.ReadUInt16LittleEndian(b[16..]);
        if (commentLength > b.Length - 18) throw new InvalidDataException("zip: invalid comment length");

        if (records == 0xFFFF || dirSize == 0xFFFF || dirOffset == 0xFFFFFFFF)
        {
            var end64 = FindEnd64(handle, endOffset);
            if (end64 >= 0)
            {
                endOffset = end64;
                Span<byte> e = stackalloc byte[End64Length];
                ReadExactly(handle, e, end64);
                if (BinaryPrimitives.ReadUInt32LittleEndian(e) != End64Signature) throw NotValid();
                records = BinaryPrimitives.ReadUInt64LittleEndian(e[32..]);
                dirSize = BinaryPrimitives.ReadUInt64LittleEndian(e[40..]);
                dirOffset = BinaryPrimitives.ReadUInt64LittleEndian(e[48..]);
            }
        }
        if (dirSize > (ulong)size || dirOffset > (ulong)size) throw NotValid();

        // Data may be preceded by other bytes (a self-extracting stub); the directory's position tells by how many.
        var baseOffset = endOffset - (long)dirSize - (long)dirOffset;
        if (baseOffset + (long)dirOffset < 0 || baseOffset + (long)dirOffset >= size) throw NotValid();

        // Sized from the end record: one record per declared entry, and the names within the declared directory
        // size (each record takes 46 bytes of it besides its name); both bounded by the file's size, trimmed after.
        var capacity = records <= (ulong)(size / DirectoryHeaderLength) ? (int)records : 0;
        var nameCapacity = (long)Math.Min(dirSize, (ulong)size) - (long)capacity * DirectoryHeaderLength;
        var entries = new ZipDirectory(capacity, (int)Math.Clamp(nameCapacity, 0, int.MaxValue / 2));
        var window = new DirectoryWindow(handle, size);
        try
        {
            var retried = false;
            var position = baseOffset + (long)dirOffset;
            while (true)
            {
                var read = ReadDirectoryHeader(window, entries, ref position, baseOffset);
                if (!read && baseOffset != 0 && entries.Count == 0 && !retried)
                {
                    // Some writers record offsets from the start of the file even with a prefix: try again without it.
                    retried = true;
                    baseOffset = 0;
                    position = (long)dirOffset;
                    continue;
                }
                if (!read) break;
            }
        }
        finally
        {
            window.Dispose();
        }
        // The 16-bit record count wraps in large archives, so only its low bits are compared.
        if ((ushort)entries.Count != (ushort)records) throw NotValid();
        entries.Trim();
        return entries;
    }

    /// <summary>
    /// Sequential reads of the central directory through one pooled buffer (a record is 46 bytes plus its name, extra
    /// field and comment; one read from the file serves hundreds of them).
    /// </summary>
    private sealed class DirectoryWindow(SafeFileHandle handle, long size) : IDisposable
    {
        public long Size => size;

        private const int Chunk = 64 * 1024;
        private byte[] _buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(Chunk);
        private long _start;
        private int _count;

        /// <summary>The <paramref name="length"/> bytes at <paramref name="offset"/>, which the caller has checked lie within the file.</summary>
        public ReadOnlySpan<byte> Read(long offset, int length)
        {
            if (offset >= _start && offset + length <= _start + _count) return _buffer.AsSpan((int)(offset - _start), length);
            if (length > _buffer.Length)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(length);
            }
            var want = (int)Math.Min(_buffer.Length, size - offset);
            _start = offset;
            _count = 0;
            ReadExactly(handle, _buffer.AsSpan(0, want), offset);
            _count = want;
            return _buffer.AsSpan(0, length);
        }

        public void Dispose() => System.Buffers.ArrayPool<byte>.Shared.Return(_buffer);
    }

    private static int FindEndSignature(ReadOnlySpan<byte> b)
    {
        for (var i = b.Length - EndLength; i >= 0; i--)
        {
            if (b[i] == 'P' && b[i + 1] == 'K' && b[i + 2] == 5 && b[i + 3] == 6)
            {
                var n = b[i + EndLength - 2] | (b[i + EndLength - 1] << 8);
                if (n + EndLength + i <= b.Length) return i;
            }
        }
        return -1;
    }

    private static long FindEnd64(SafeFileHandle handle, long endOffset)
    {
        var loc = endOffset - End64LocatorLength;
        if (loc < 0) return -1;
        Span<byte> b = stackalloc byte[End64LocatorLength];
        ReadExactly(handle, b, loc);
        if (BinaryPrimitives.ReadUInt32LittleEndian(b) != End64LocatorSignature) return -1;
        if (BinaryPrimitives.ReadUInt32LittleEndian(b[4..]) != 0) return -1;
        var p = BinaryPrimitives.ReadUInt64LittleEndian(b[8..]);
        if (BinaryPrimitives.ReadUInt32LittleEndian(b[16..]) != 1) return -1;
        return p > long.MaxValue ? throw NotValid() : (long)p;
    }

    /// <summary>Reads the record at <paramref name="position"/> into <paramref name="entries"/>; false where the directory ends.</summary>
    private static bool ReadDirectoryHeader(DirectoryWindow window, ZipDirectory entries, ref long position, long baseOffset)
    {
        var size = window.Size;
        if (position + DirectoryHeaderLength > size) return false;
        var h = window.Read(position, DirectoryHeaderLength);
        if (BinaryPrimitives.ReadUInt32LittleEndian(h) != DirectorySignature) return false;
        var record = new ZipDirectory.Record
        {
            Creator = BinaryPrimitives.ReadUInt16LittleEndian(h[4..]),
            Flags = BinaryPrimitives.ReadUInt16LittleEndian(h[8..]),
            Method = BinaryPrimitives.ReadUInt16LittleEndian(h[10..]),
            Crc32 = BinaryPrimitives.ReadUInt32LittleEndian(h[16..]),
            CompressedSize = BinaryPrimitives.ReadUInt32LittleEndian(h[20..]),
            UncompressedSize = BinaryPrimitives.ReadUInt32LittleEndian(h[24..]),
            ExternalAttributes = BinaryPrimitives.ReadUInt32LittleEndian(h[38..]),
            HeaderOffset = BinaryPrimitives.ReadUInt32LittleEndian(h[42..]),
        };
        int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(h[28..]);
        int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(h[30..]);
        int commentLength = BinaryPrimitives.ReadUInt16LittleEndian(h[32..]);
        var variable = nameLength + extraLength + commentLength;
        if (position + DirectoryHeaderLength + variable > size) return false;
        // Name and extra field in one read (the comment is skipped); the name is copied into the directory's name bytes.
        var rest = window.Read(position + DirectoryHeaderLength, nameLength + extraLength);
        var name = rest[..nameLength];
        ParseZip64(ref record, rest[nameLength..]);
        record.HeaderOffset += baseOffset;
        record.NameIsValidUtf8 = System.Text.Unicode.Utf8.IsValid(name);
        entries.Add(record, name);
        position += DirectoryHeaderLength + variable;
        return true;
    }

    /// <summary>Takes the 64-bit sizes and offset from the zip64 extra field where the 32-bit fields are saturated.</summary>
    private static void ParseZip64(ref ZipDirectory.Record record, ReadOnlySpan<byte> extra)
    {
        var needU = record.UncompressedSize == 0xFFFFFFFF;
        var needC = record.CompressedSize == 0xFFFFFFFF;
        var needOffset = record.HeaderOffset == 0xFFFFFFFF;
        while (extra.Length >= 4)
        {
            var tag = BinaryPrimitives.ReadUInt16LittleEndian(extra);
            int fieldSize = BinaryPrimitives.ReadUInt16LittleEndian(extra[2..]);
            extra = extra[4..];
            if (extra.Length < fieldSize) break;
            var field = extra[..fieldSize];
            extra = extra[fieldSize..];
            if (tag != 0x0001) continue; // zip64: the 64-bit values appear in this order, each only if its 32-bit field is saturated
            if (needU) { needU = false; if (field.Length < 8) throw NotValid(); record.UncompressedSize = BinaryPrimitives.ReadUInt64LittleEndian(field); field = field[8..]; }
            if (needC) { needC = false; if (field.Length < 8) throw NotValid(); record.CompressedSize = BinaryPrimitives.ReadUInt64LittleEndian(field); field = field[8..]; }
            if (needOffset)
            {
                needOffset = false;
                if (field.Length < 8) throw NotValid();
                var o = BinaryPrimitives.ReadUInt64LittleEndian(field);
                record.HeaderOffset = o > long.MaxValue ? throw NotValid() : (long)o;
            }
        }
        // An uncompressed size of 2^32-1 without zip64 data is plausible; a saturated compressed size or offset is not.
        if (needC || needOffset) throw NotValid();
    }

    /// <summary>
    /// Opens the content of <paramref name="entry"/>. The stream throws <see cref="InvalidDataException"/> as soon as
    /// the content exceeds the declared size, and at its end if the size or CRC-32 differ from the directory's.
    /// </summary>
    public Stream OpenEntry(ZipEntry entry) => OpenEntry(entry, null);

    /// <summary>
    /// Opens the content of <paramref name="entry"/> as <see cref="OpenEntry(ZipEntry)"/> does; with a
    /// <paramref name="window"/> of this reader, the local header and as much of the data as it holds are served from
    /// it (entries read in file order then cost one read of the file per window, not one or two each). The stream must
    /// be read to its end or disposed before the next entry is opened through the same window.
    /// </summary>
    public Stream OpenEntry(ZipEntry entry, ZipWindow? window)
    {
        if (window is not null && window.Reader != this) throw new ArgumentException("the window belongs to another reader", nameof(window));
        if (entry.HeaderOffset < 0 || entry.HeaderOffset + LocalHeaderLength > Length) throw NotValid();
        Span<byte> local = stackalloc byte[LocalHeaderLength];
        scoped ReadOnlySpan<byte> h;
        if (window is not null)
        {
            h = window.Get(entry.HeaderOffset, LocalHeaderLength).Span;
        }
        else
        {
            ReadExactlyAt(local, entry.HeaderOffset);
            h = local;
        }
        if (BinaryPrimitives.ReadUInt32LittleEndian(h) != LocalSignature) throw NotValid();
        var bodyOffset = entry.HeaderOffset + LocalHeaderLength +
                         BinaryPrimitives.ReadUInt16LittleEndian(h[26..]) + BinaryPrimitives.ReadUInt16LittleEndian(h[28..]);
        if (entry.CompressedSize > (ulong)Length || bodyOffset + (long)entry.CompressedSize > Length) throw NotValid();
        var compressed = (long)entry.CompressedSize;
        Stream raw;
        if (window is null)
        {
            raw = new SectionStream(this, bodyOffset, compressed);
        }
        else
        {
            // What the window holds of the data (all of it for small entries, loading the window at the header if needed).
            var inWindow = window.Holding(entry.HeaderOffset, bodyOffset, compressed);
            raw = inWindow.Length == compressed
                ? new WindowStream(inWindow, null)
                : new WindowStream(inWindow, new SectionStream(this, bodyOffset + inWindow.Length, compressed - inWindow.Length));
        }
        Stream content = entry.Method switch
        {
            0 => raw,
            8 => new DeflateStream(raw, CompressionMode.Decompress, leaveOpen: false),
            _ => throw new InvalidDataException($"zip: unsupported compression algorithm (method {entry.Method}) for {entry.Name}"),
        };
        return new CheckedStream(content, entry, entry.HasDataDescriptor ? (this, window, bodyOffset + compressed) : null);
    }

    /// <summary>Bytes held in a window first, then (for data larger than the window) the rest from the file.</summary>
    private sealed class WindowStream(ReadOnlyMemory<byte> held, Stream? rest) : Stream
    {
        private ReadOnlyMemory<byte> _held = held;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot over every inflated byte: optimized at once, never run instrumented
        public override int Read(Span<byte> buffer)
        {
            if (!_held.IsEmpty)
            {
                var n = Math.Min(buffer.Length, _held.Length);
                _held.Span[..n].CopyTo(buffer);
                _held = _held[n..];
                return n;
            }
            return rest?.Read(buffer) ?? 0;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) rest?.Dispose();
            base.Dispose(disposing);
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>
    /// A read-only window of the file, read by position so that streams of one archive are independent. Small reads
    /// (the inflater asks for 8 KiB at a time) are served from a read-ahead buffer; large ones go straight to the file.
    /// </summary>
    private sealed class SectionStream(ZipReader reader, long start, long length) : Stream
    {
        private const int ReadAhead = 128 * 1024;
        private byte[]? _buffer;
        private int _bufferOffset, _bufferCount;
        private long _position; // of the next byte handed out

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_bufferCount > 0)
            {
                var n = Math.Min(buffer.Length, _bufferCount);
                _buffer.AsSpan(_bufferOffset, n).CopyTo(buffer);
                _bufferOffset += n;
                _bufferCount -= n;
                _position += n;
                return n;
            }
            var left = length - _position;
            if (left <= 0 || buffer.Length == 0) return 0;
            if (buffer.Length >= ReadAhead || left <= buffer.Length)
            {
                var direct = reader.ReadAt(buffer[..(int)Math.Min(buffer.Length, left)], start + _position);
                _position += direct;
                return direct;
            }
            _buffer ??= System.Buffers.ArrayPool<byte>.Shared.Rent(ReadAhead);
            _bufferCount = reader.ReadAt(_buffer.AsSpan(0, (int)Math.Min(ReadAhead, left)), start + _position);
            _bufferOffset = 0;
            return _bufferCount == 0 ? 0 : Read(buffer);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && _buffer is not null)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = null;
                _bufferCount = 0;
            }
            base.Dispose(disposing);
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Counts and checksums what the inner stream yields; the zip-bomb guard lives here.</summary>
    private sealed class CheckedStream(Stream inner, ZipEntry entry, (ZipReader Reader, ZipWindow? Window, long Offset)? descriptor) : Stream
    {
        private ulong _read;
        private uint _crc;
        private bool _done;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot over every inflated byte: optimized at once, never run instrumented
        public override int Read(Span<byte> buffer)
        {
            if (_done || buffer.Length == 0) return 0;
            // Never ask for more than one byte past the declared size: a lying header cannot make us inflate more.
            var allowed = entry.UncompressedSize - _read + 1;
            if ((ulong)buffer.Length > allowed) buffer = buffer[..(int)allowed];
            var n = inner.Read(buffer);
            _read += (ulong)n;
            if (_read > entry.UncompressedSize)
                throw new InvalidDataException($"uncompressed size of file {entry.Name} is larger than declared size ({entry.UncompressedSize} bytes)");
            _crc = Crc32.Update(_crc, buffer[..n]);
            if (n == 0) Finish();
            return n;
        }

        private void Finish()
        {
            _done = true;
            if (_read != entry.UncompressedSize)
                throw new InvalidDataException($"uncompressed size of file {entry.Name} is smaller than declared size ({entry.UncompressedSize} bytes)");
            if (descriptor is { } d)
            {
                // The descriptor's CRC must agree with the directory's; its sizes are ambiguous (32 or 64 bits) and ignored, as Go does.
                Span<byte> b = stackalloc byte[8];
                if (d.Window is not null && d.Window.TryCopyHeld(d.Offset, b)) { }
                else if (d.Reader.ReadAt(b, d.Offset) < 8) throw NotValid();
                var crc = BinaryPrimitives.ReadUInt32LittleEndian(b) == DescriptorSignature ? BinaryPrimitives.ReadUInt32LittleEndian(b[4..]) : BinaryPrimitives.ReadUInt32LittleEndian(b);
                if (crc != entry.Crc32 || _crc != entry.Crc32) throw ChecksumError();
            }
            else if (entry.Crc32 != 0 && _crc != entry.Crc32)
            {
                throw ChecksumError();
            }
        }

        private InvalidDataException ChecksumError() => new($"zip: checksum error in file {entry.Name}");

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => (long)entry.UncompressedSize;
        public override long Position { get => (long)_read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
