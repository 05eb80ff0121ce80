using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using GoMod.Core.Zip;

namespace GoMod.Core.Tests.Zip;

/// <summary>One entry of a hand-made zip: every header field can lie.</summary>
internal sealed record RawEntry(byte[] Name, byte[] Data, ushort Method = 8)
{
    public RawEntry(string name, string content) : this(Encoding.UTF8.GetBytes(name), Encoding.UTF8.GetBytes(content)) { }

    /// <summary>When set, the data is already compressed (Method 8) and Data is written as is.</summary>
    public bool Precompressed { get; init; }
    public uint? Crc { get; init; }
    public ulong? DeclaredSize { get; init; }
    /// <summary>Upper 16 bits of the external attributes (Unix mode) with a Unix "version made by".</summary>
    public ushort? UnixMode { get; init; }
}

/// <summary>
/// Writes zip files byte by byte, so tests can produce archives no well-behaved writer would: lying sizes and CRCs,
/// link entries, duplicate and hostile names.
/// </summary>
internal static class RawZip
{
    /// <summary>
    /// Writes the entries; with <paramref name="zip64"/> every size and offset is stored in zip64 extra fields and the
    /// directory is found through a zip64 end record, as writers do for archives over 4 GiB.
    /// </summary>
    public static void Write(string path, IEnumerable<RawEntry> entries, bool zip64 = false)
    {
        using var fs = File.Create(path);
        var central = new MemoryStream();
        var count = 0;
        foreach (var e in entries)
        {
            count++;
            var data = e.Method == 8 && !e.Precompressed ? Deflate(e.Data) : e.Data;
            var crc = e.Crc ?? (e.Precompressed ? 0 : Crc32(e.Data));
            var size = e.DeclaredSize ?? (ulong)e.Data.Length;
            var offset = (uint)fs.Position;
            var h = new byte[30].AsSpan();
            BinaryPrimitives.WriteUInt32LittleEndian(h, 0x04034b50);
            BinaryPrimitives.WriteUInt16LittleEndian(h[4..], 20);
            BinaryPrimitives.WriteUInt16LittleEndian(h[6..], 0x800);
            BinaryPrimitives.WriteUInt16LittleEndian(h[8..], e.Method);
            BinaryPrimitives.WriteUInt32LittleEndian(h[14..], crc);
            BinaryPrimitives.WriteUInt32LittleEndian(h[18..], (uint)data.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(h[22..], (uint)Math.Min(size, uint.MaxValue));
            BinaryPrimitives.WriteUInt16LittleEndian(h[26..], (ushort)e.Name.Length);
            fs.Write(h);
            fs.Write(e.Name);
            fs.Write(data);

            var c = new byte[46].AsSpan();
            BinaryPrimitives.WriteUInt32LittleEndian(c, 0x02014b50);
            BinaryPrimitives.WriteUInt16LittleEndian(c[4..], (ushort)(e.UnixMode is null ? 20 : (3 << 8) | 20));
            BinaryPrimitives.WriteUInt16LittleEndian(c[6..], 20);
            BinaryPrimitives.WriteUInt16LittleEndian(c[8..], 0x800);
            BinaryPrimitives.WriteUInt16LittleEndian(c[10..], e.Method);
            BinaryPrimitives.WriteUInt32LittleEndian(c[16..], crc);
            BinaryPrimitives.WriteUInt32LittleEndian(c[20..], zip64 ? uint.MaxValue : (uint)data.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(c[24..], zip64 ? uint.MaxValue : (uint)Math.Min(size, uint.MaxValue));
            BinaryPrimitives.WriteUInt16LittleEndian(c[28..], (ushort)e.Name.Length);
            BinaryPrimitives.WriteUInt16LittleEndian(c[30..], (ushort)(zip64 ? 28 : 0));
            BinaryPrimitives.WriteUInt32LittleEndian(c[38..], (uint)(e.UnixMode ?? 0) << 16);
            BinaryPrimitives.WriteUInt32LittleEndian(c[42..], zip64 ? uint.MaxValue : offset);
            central.Write(c);
            central.Write(e.Name);
            if (zip64)
            {
                var x = new byte[28].AsSpan();
                BinaryPrimitives.WriteUInt16LittleEndian(x, 0x0001);
                BinaryPrimitives.WriteUInt16LittleEndian(x[2..], 24);
                BinaryPrimitives.WriteUInt64LittleEndian(x[4..], size);
                BinaryPrimitives.WriteUInt64LittleEndian(x[12..], (ulong)data.Length);
                BinaryPrimitives.WriteUInt64LittleEndian(x[20..], offset);
                central.Write(x);
            }
        }
        var dirOffset = (uint)fs.Position;
        central.Position = 0;
        central.CopyTo(fs);
        if (zip64)
        {
            var end64Offset = (ulong)fs.Position;
            var e64 = new byte[56].AsSpan();
            BinaryPrimitives.WriteUInt32LittleEndian(e64, 0x06064b50);
            BinaryPrimitives.WriteUInt64LittleEndian(e64[4..], 44);
            BinaryPrimitives.WriteUInt16LittleEndian(e64[12..], 45);
            BinaryPrimitives.WriteUInt16LittleEndian(e64[14..], 45);
            BinaryPrimitives.WriteUInt64LittleEndian(e64[24..], (ulong)count);
            BinaryPrimitives.WriteUInt64LittleEndian(e64[32..], (ulong)count);
            BinaryPrimitives.WriteUInt64LittleEndian(e64[40..], (ulong)central.Length);
            BinaryPrimitives.WriteUInt64LittleEndian(e64[48..], dirOffset);
            fs.Write(e64);
            var locator = new byte[20].AsSpan();
            BinaryPrimitives.WriteUInt32LittleEndian(locator, 0x07064b50);
            BinaryPrimitives.WriteUInt64LittleEndian(locator[8..], end64Offset);
            BinaryPrimitives.WriteUInt32LittleEndian(locator[16..], 1);
            fs.Write(locator);
        }
        Span<byte> end = stackalloc byte[22];
        BinaryPrimitives.WriteUInt32LittleEndian(end, 0x06054b50);
        BinaryPrimitives.WriteUInt16LittleEndian(end[8..], zip64 ? ushort.MaxValue : (ushort)count);
        BinaryPrimitives.WriteUInt16LittleEndian(end[10..], zip64 ? ushort.MaxValue : (ushort)count);
        BinaryPrimitives.WriteUInt32LittleEndian(end[12..], zip64 ? uint.MaxValue : (uint)central.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(end[16..], zip64 ? uint.MaxValue : dirOffset);
        fs.Write(end);
    }

    public static byte[] Deflate(byte[] data)
    {
        var ms = new MemoryStream();
        using (var d = new DeflateStream(ms, CompressionLevel.Optimal, leaveOpen: true)) d.Write(data);
        return ms.ToArray();
    }

    /// <summary>
    /// A raw deflate stream that inflates to <paramref name="mebibytes"/> MiB of zeros while being about a thousandth of
    /// that: one steady-state flushed block of a MiB of zeros, repeated, then an empty final block.
    /// </summary>
    public static byte[] ZeroBomb(int mebibytes)
    {
        var zeros = new byte[1 << 20];
        var ms = new MemoryStream();
        using var d = new DeflateStream(ms, CompressionLevel.Optimal, leaveOpen: true);
        d.Write(zeros);
        d.Flush();
        var first = ms.Length;
        d.Write(zeros);
        d.Flush();
        var block = ms.ToArray()[(int)first..];
        var bomb = new MemoryStream();
        bomb.Write(ms.ToArray(), 0, (int)first);
        for (var i = 1; i < mebibytes; i++) bomb.Write(block);
        bomb.Write([0x03, 0x00]); // final block, fixed Huffman, end-of-block only
        return bomb.ToArray();
    }

    public static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
