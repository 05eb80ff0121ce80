using System.Collections;

namespace GoMod.Core.Zip;

/// <summary>
/// A zip file's central directory in two arrays: every name's bytes one after another in one byte array, and one
/// fixed-size record per entry (offsets, sizes, CRC-32, method, attributes, where its name lies). A module zip of
/// 16,000 files costs about 48 bytes per entry plus its name, and no object per entry; entries are handed out as
/// <see cref="ZipEntry"/> views. Immutable once read, so one directory may serve several readers and threads.
/// </summary>
internal sealed class ZipDirectory : IReadOnlyList<ZipEntry>
{
    /// <summary>One entry's fixed fields; its name is <c>Names[NameStart..NameStart+NameLength]</c>.</summary>
    internal struct Record
    {
        public long HeaderOffset;
        public ulong CompressedSize;
        public ulong UncompressedSize;
        public int NameStart;
        public uint Crc32;
        public uint ExternalAttributes;
        public ushort NameLength;
        public ushort Creator;
        public ushort Flags;
        public ushort Method;
        public bool NameIsValidUtf8;
    }

    private Record[] _records;
    private byte[] _names;
    private int _nameBytes;

    internal ZipDirectory(int recordCapacity, int nameCapacity)
    {
        _records = recordCapacity == 0 ? [] : new Record[recordCapacity];
        _names = nameCapacity == 0 ? [] : new byte[nameCapacity];
    }

    /// <summary>The number of entries.</summary>
    public int Count { get; private set; }

    public ZipEntry this[int index] => (uint)index < (uint)Count ? new ZipEntry(this, index) : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>Bytes held by the two arrays (what the directory costs beyond this object).</summary>
    public long RetainedBytes => (long)_records.Length * System.Runtime.CompilerServices.Unsafe.SizeOf<Record>() + _names.Length;

    internal ref readonly Record RecordAt(int index) => ref _records[index];

    internal ReadOnlySpan<byte> NameBytes(int index)
    {
        ref readonly var r = ref _records[index];
        return _names.AsSpan(r.NameStart, r.NameLength);
    }

    /// <summary>Appends a record whose name is <paramref name="name"/> (copied); only while the directory is being read.</summary>
    internal void Add(in Record record, ReadOnlySpan<byte> name)
    {
        if (Count == _records.Length) Array.Resize(ref _records, Math.Max(16, _records.Length * 2));
        if (_names.Length - _nameBytes < name.Length) Array.Resize(ref _names, Math.Max(_nameBytes + name.Length, Math.Max(1024, _names.Length * 2)));
        name.CopyTo(_names.AsSpan(_nameBytes));
        var r = record;
        r.NameStart = _nameBytes;
        r.NameLength = (ushort)name.Length;
        _records[Count++] = r;
        _nameBytes += name.Length;
    }

    /// <summary>Drops unused capacity over an eighth once the whole directory is read (a lying record count or
    /// directory size must not keep a large array alive).</summary>
    internal void Trim()
    {
        if (_records.Length - Count > _records.Length / 8) Array.Resize(ref _records, Count);
        if (_names.Length - _nameBytes > _names.Length / 8) Array.Resize(ref _names, _nameBytes);
    }

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<ZipEntry> IEnumerable<ZipEntry>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Walks the entries in directory order without allocating.</summary>
    public struct Enumerator(ZipDirectory directory) : IEnumerator<ZipEntry>
    {
        private int _index = -1;

        public readonly ZipEntry Current => new(directory, _index);

        readonly object IEnumerator.Current => Current;

        public bool MoveNext() => ++_index < directory.Count;

        public void Reset() => _index = -1;

        public readonly void Dispose() { }
    }
}
