using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace GoMod.Core.Zip;

/// <summary>One central-directory record of a zip file, with its name kept as the raw bytes Go sees.</summary>
internal sealed class ZipEntry
{
    public required int Index { get; init; }
    public required byte[] RawName { get; init; }
    /// <summary>The name decoded as UTF-8 (invalid sequences replaced); check <see cref="NameIsValidUtf8"/>.</summary>
    public required string Name { get; init; }
    public required bool NameIsValidUtf8 { get; init; }
    public required ushort CreatorVersion { get; init; }
    public required ushort Flags { get; init; }
    public required ushort Method { get; init; }
    public required uint Crc32 { get; init; }
    public required ulong CompressedSize { get; init; }
    public required ulong UncompressedSize { get; init; }
    public required long HeaderOffset { get; init; }
    public required uint ExternalAttributes { get; init; }

    private const int CreatorUnix = 3, CreatorMacOsX = 19;
    private uint? UnixMode => (CreatorVersion >> 8) is CreatorUnix or CreatorMacOsX ? ExternalAttributes >> 16 : null;

    /// <summary>A symbolic link as recorded by a Unix zip writer (file type bits 0xA000).</summary>
    public bool IsSymlink => UnixMode is { } m && (m & 0xF000) == 0xA000;

    /// <summary>A device, FIFO or socket as recorded by a Unix zip writer: neither a regular file, directory nor link.</summary>
    public bool IsIrregular => UnixMode is { } m && (m & 0xF000) is not (0 or 0x8000 or 0x4000 or 0xA000);

    public bool HasDataDescriptor => (Flags & 0x8) != 0;
}

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

    private ZipReader(SafeFileHandle handle, long length, List<ZipEntry> entries)
    {
        _handle = handle;
        Length = length;
        Entries = entries;
    }

    public long Length { get; }

    public IReadOnlyList<ZipEntry> Entries { get; }

    /// <summary>Opens <paramref name="path"/> and reads its central directory (not the entries' data).</summary>
    /// <exception cref="InvalidDataException">The file is not a zip file Go could read.</exception>
    public static ZipReader Open(string path)
    {
        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
        try
        {
            var length = RandomAccess.GetLength(handle);
            var entries = ReadDirectory(handle, length);
            return new ZipReader(handle, length, entries);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    public void Dispose() => _handle.Dispose();

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

    private static List<ZipEntry> ReadDirectory(SafeFileHandle handle, long size)
    {
        // Find the end-of-central-directory record: in the last 1 KiB, else in the last 65 KiB (a comment may precede it).
        byte[]? buf = null;
        long endOffset = -1;
        foreach (var window in new long[] { 1024, 65 * 1024 })
        {
            var len = Math.Min(window, size);
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

        var entries = new List<ZipEntry>(records <= (ulong)(size / DirectoryHeaderLength) ? (int)records : 0);
        var retried = false;
        var position = baseOffset + (long)dirOffset;
        while (true)
        {
            var entry = ReadDirectoryHeader(handle, size, ref position, entries.Count, baseOffset);
            if (entry is null && baseOffset != 0 && entries.Count == 0 && !retried)
            {
                // Some writers record offsets from the start of the file even with a prefix: try again without it.
                retried = true;
                baseOffset = 0;
                position = (long)dirOffset;
                continue;
            }
            if (entry is null) break;
            entries.Add(entry);
        }
        // The 16-bit record count wraps in large archives, so only its low bits are compared.
        if ((ushort)entries.Count != (ushort)records) throw NotValid();
        return entries;
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

    private static ZipEntry? ReadDirectoryHeader(SafeFileHandle handle, long size, ref long position, int index, long baseOffset)
    {
        if (position + DirectoryHeaderLength > size) return null;
        Span<byte> h = stackalloc byte[DirectoryHeaderLength];
        ReadExactly(handle, h, position);
        if (BinaryPrimitives.ReadUInt32LittleEndian(h) != DirectorySignature) return null;
        var creator = BinaryPrimitives.ReadUInt16LittleEndian(h[4..]);
        var flags = BinaryPrimitives.ReadUInt16LittleEndian(h[8..]);
        var method = BinaryPrimitives.ReadUInt16LittleEndian(h[10..]);
        var crc = BinaryPrimitives.ReadUInt32LittleEndian(h[16..]);
        ulong csize = BinaryPrimitives.ReadUInt32LittleEndian(h[20..]);
        ulong usize = BinaryPrimitives.ReadUInt32LittleEndian(h[24..]);
        int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(h[28..]);
        int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(h[30..]);
        int commentLength = BinaryPrimitives.ReadUInt16LittleEndian(h[32..]);
        var external = BinaryPrimitives.ReadUInt32LittleEndian(h[38..]);
        long offset = BinaryPrimitives.ReadUInt32LittleEndian(h[42..]);
        var variable = nameLength + extraLength + commentLength;
        if (position + DirectoryHeaderLength + variable > size) return null;
        // The name is kept; the extra field is only parsed, so it is read into a stack or pooled buffer.
        var raw = new byte[nameLength];
        ReadExactly(handle, raw, position + DirectoryHeaderLength);
        byte[]? rented = null;
        Span<byte> extraBytes = extraLength <= 256 ? stackalloc byte[256] : (rented = System.Buffers.ArrayPool<byte>.Shared.Rent(extraLength));
        extraBytes = extraBytes[..extraLength];
        try
        {
            if (extraLength > 0) ReadExactly(handle, extraBytes, position + DirectoryHeaderLength + nameLength);
            position += DirectoryHeaderLength + variable;
            return ParseDirectoryRecord(raw, extraBytes, index, baseOffset, creator, flags, method, crc, csize, usize, external, offset);
        }
        finally
        {
            if (rented is not null) System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static ZipEntry ParseDirectoryRecord(byte[] raw, ReadOnlySpan<byte> extra, int index, long baseOffset, ushort creator, ushort flags,
        ushort method, uint crc, ulong csize, ulong usize, uint external, long offset)
    {
        var needU = usize == 0xFFFFFFFF;
        var needC = csize == 0xFFFFFFFF;
        var needOffset = offset == 0xFFFFFFFF;
        while (extra.Length >= 4)
        {
            var tag = BinaryPrimitives.ReadUInt16LittleEndian(extra);
            int fieldSize = BinaryPrimitives.ReadUInt16LittleEndian(extra[2..]);
            extra = extra[4..];
            if (extra.Length < fieldSize) break;
            var field = extra[..fieldSize];
            extra = extra[fieldSize..];
            if (tag != 0x0001) continue; // zip64: the 64-bit values appear in this order, each only if its 32-bit field is saturated
            if (needU) { needU = false; if (field.Length < 8) throw NotValid(); usize = BinaryPrimitives.ReadUInt64LittleEndian(field); field = field[8..]; }
            if (needC) { needC = false; if (field.Length < 8) throw NotValid(); csize = BinaryPrimitives.ReadUInt64LittleEndian(field); field = field[8..]; }
            if (needOffset)
            {
                needOffset = false;
                if (field.Length < 8) throw NotValid();
                var o = BinaryPrimitives.ReadUInt64LittleEndian(field);
                offset = o > long.MaxValue ? throw NotValid() : (long)o;
            }
        }
        // An uncompressed size of 2^32-1 without zip64 data is plausible; a saturated compressed size or offset is not.
        if (needC || needOffset) throw NotValid();

        bool valid;
        try { _ = StrictUtf8.GetCharCount(raw); valid = true; }
        catch (DecoderFallbackException) { valid = false; }
        return new ZipEntry
        {
            Index = index,
            RawName = raw,
            Name = Encoding.UTF8.GetString(raw),
            NameIsValidUtf8 = valid,
            CreatorVersion = creator,
            Flags = flags,
            Method = method,
            Crc32 = crc,
            CompressedSize = csize,
            UncompressedSize = usize,
            HeaderOffset = offset + baseOffset,
            ExternalAttributes = external,
        };
    }

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <summary>
    /// Opens the content of <paramref name="entry"/>. The stream throws <see cref="InvalidDataException"/> as soon as
    /// the content exceeds the declared size, and at its end if the size or CRC-32 differ from the directory's.
    /// </summary>
    public Stream OpenEntry(ZipEntry entry)
    {
        Span<byte> h = stackalloc byte[LocalHeaderLength];
        if (entry.HeaderOffset < 0 || entry.HeaderOffset + LocalHeaderLength > Length) throw NotValid();
        ReadExactly(_handle, h, entry.HeaderOffset);
        if (BinaryPrimitives.ReadUInt32LittleEndian(h) != LocalSignature) throw NotValid();
        var bodyOffset = entry.HeaderOffset + LocalHeaderLength +
                         BinaryPrimitives.ReadUInt16LittleEndian(h[26..]) + BinaryPrimitives.ReadUInt16LittleEndian(h[28..]);
        if (entry.CompressedSize > (ulong)Length || bodyOffset + (long)entry.CompressedSize > Length) throw NotValid();
        Stream raw = new SectionStream(_handle, bodyOffset, (long)entry.CompressedSize);
        Stream content = entry.Method switch
        {
            0 => raw,
            8 => new DeflateStream(raw, CompressionMode.Decompress, leaveOpen: false),
            _ => throw new InvalidDataException($"zip: unsupported compression algorithm (method {entry.Method}) for {entry.Name}"),
        };
        return new CheckedStream(content, entry, entry.HasDataDescriptor ? (_handle, bodyOffset + (long)entry.CompressedSize) : null);
    }

    /// <summary>
    /// A read-only window of the file, read by position so that streams of one archive are independent. Small reads
    /// (the inflater asks for 8 KiB at a time) are served from a read-ahead buffer; large ones go straight to the file.
    /// </summary>
    private sealed class SectionStream(SafeFileHandle handle, long start, long length) : Stream
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
                var direct = RandomAccess.Read(handle, buffer[..(int)Math.Min(buffer.Length, left)], start + _position);
                _position += direct;
                return direct;
            }
            _buffer ??= System.Buffers.ArrayPool<byte>.Shared.Rent(ReadAhead);
            _bufferCount = RandomAccess.Read(handle, _buffer.AsSpan(0, (int)Math.Min(ReadAhead, left)), start + _position);
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
    private sealed class CheckedStream(Stream inner, ZipEntry entry, (SafeFileHandle Handle, long Offset)? descriptor) : Stream
    {
        private ulong _read;
        private uint _crc;
        private bool _done;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

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
                if (RandomAccess.Read(d.Handle, b, d.Offset) < 8) throw NotValid();
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
