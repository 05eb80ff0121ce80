using System.Text;

namespace GoMod.Core.Zip;

/// <summary>
/// One central-directory record of a zip file: a view of record <see cref="Index"/> of its <see cref="ZipDirectory"/>
/// (no object per entry). The name stays the raw bytes Go sees; <see cref="Name"/> decodes them on each call, so a
/// loop that needs the text more than once keeps it in a local.
/// </summary>
internal readonly struct ZipEntry
{
    private readonly ZipDirectory _directory;

    internal ZipEntry(ZipDirectory directory, int index)
    {
        _directory = directory;
        Index = index;
    }

    /// <summary>The record's position in the central directory.</summary>
    public int Index { get; }

    private ref readonly ZipDirectory.Record Record => ref _directory.RecordAt(Index);

    /// <summary>The name's bytes as stored in the zip.</summary>
    public ReadOnlySpan<byte> RawName => _directory.NameBytes(Index);

    /// <summary>The name decoded as UTF-8 (invalid sequences replaced; check <see cref="NameIsValidUtf8"/>), a new string per call.</summary>
    public string Name => Encoding.UTF8.GetString(RawName);

    public bool NameIsValidUtf8 => Record.NameIsValidUtf8;
    public ushort CreatorVersion => Record.Creator;
    public ushort Flags => Record.Flags;
    public ushort Method => Record.Method;
    public uint Crc32 => Record.Crc32;
    public ulong CompressedSize => Record.CompressedSize;
    public ulong UncompressedSize => Record.UncompressedSize;
    public long HeaderOffset => Record.HeaderOffset;
    public uint ExternalAttributes => Record.ExternalAttributes;

    /// <summary>Whether the name begins with <paramref name="prefix"/>'s bytes (no string made).</summary>
    public bool NameStartsWith(ReadOnlySpan<byte> prefix) => RawName.StartsWith(prefix);

    /// <summary>The name after its first <paramref name="byteCount"/> bytes, decoded as <see cref="Name"/> is.</summary>
    public string NameAfter(int byteCount) => Encoding.UTF8.GetString(RawName[byteCount..]);

    private const int CreatorUnix = 3, CreatorMacOsX = 19;
    private uint? UnixMode => (CreatorVersion >> 8) is CreatorUnix or CreatorMacOsX ? ExternalAttributes >> 16 : null;

    /// <summary>A symbolic link as recorded by a Unix zip writer (file type bits 0xA000).</summary>
    public bool IsSymlink => UnixMode is { } m && (m & 0xF000) == 0xA000;

    /// <summary>A device, FIFO or socket as recorded by a Unix zip writer: neither a regular file, directory nor link.</summary>
    public bool IsIrregular => UnixMode is { } m && (m & 0xF000) is not (0 or 0x8000 or 0x4000 or 0xA000);

    public bool HasDataDescriptor => (Flags & 0x8) != 0;
}
