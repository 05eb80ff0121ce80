using System.Buffers.Binary;

namespace GoMod.Core.Internal;

/// <summary>
/// Reads a store file's body (<c>data[at..limit]</c>, as <see cref="StoreFile.Open"/> gives it) straight from its bytes
/// in <see cref="BinaryWriter"/>'s layout (little-endian integers): tens of thousands of entries are hundreds of
/// thousands of integers, each a virtual stream call through a <see cref="BinaryReader"/>.
/// </summary>
internal ref struct StoreBodyReader(byte[] data, int at, int limit)
{
    private int _at = at;

    /// <summary>Whether the whole body was read; a store rejects a file with trailing bytes.</summary>
    public readonly bool AtEnd => _at == limit;

    /// <summary>A count read as 32 bits, rejected when negative or larger than the body could hold.</summary>
    public int Count()
    {
        int n = Int32();
        if (n < 0 || n > limit) throw new InvalidDataException("bad count in store file");
        return n;
    }

    public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    public long Int64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > limit - _at) throw new EndOfStreamException("store file ends early");
        var span = data.AsSpan(_at, count);
        _at += count;
        return span;
    }
}
