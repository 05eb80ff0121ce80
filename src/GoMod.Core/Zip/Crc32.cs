using System.Runtime.CompilerServices;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using ArmCrc = System.Runtime.Intrinsics.Arm.Crc32;

namespace GoMod.Core.Zip;

/// <summary>
/// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), the checksum zip entries carry. The go command refuses an
/// entry whose content does not match it, so we check it on every byte we inflate; to keep that nearly free it folds
/// 64 bytes at a time with carry-less multiplication on x64 (PCLMULQDQ), uses the CRC32 instructions on Arm64, and
/// falls back to slicing-by-8 tables elsewhere and for short tails.
/// </summary>
internal static class Crc32
{
    private static readonly uint[] Table = BuildTable();

    private static uint[] BuildTable()
    {
        var t = new uint[8 * 256];
        for (uint i = 0; i < 256; i++)
        {
            var c = i;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        for (var i = 0; i < 256; i++)
            for (var s = 1; s < 8; s++)
                t[s * 256 + i] = (t[(s - 1) * 256 + i] >> 8) ^ t[t[(s - 1) * 256 + i] & 0xFF];
        return t;
    }

    /// <summary>Continues a CRC (start with 0) over <paramref name="data"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot over every inflated byte: optimized at once, never run instrumented
    public static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        var state = ~crc;
        if (data.Length >= 64 && Pclmulqdq.IsSupported && Sse2.IsSupported)
        {
            var folded = data.Length & ~15;
            state = Fold(state, data[..folded]);
            data = data[folded..];
        }
        else if (ArmCrc.Arm64.IsSupported)
        {
            while (data.Length >= 8)
            {
                state = ArmCrc.Arm64.ComputeCrc32(state, BinaryPrimitives.ReadUInt64LittleEndian(data));
                data = data[8..];
            }
            foreach (var b in data) state = ArmCrc.ComputeCrc32(state, b);
            return ~state;
        }
        return ~Tables(state, data);
    }

    /// <summary>Slicing-by-8 over the pre-inverted state.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot over every inflated byte: optimized at once, never run instrumented
    internal static uint Tables(uint crc, ReadOnlySpan<byte> data)
    {
        var t = Table;
        while (data.Length >= 8)
        {
            var lo = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(data) ^ crc;
            var hi = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
            crc = t[7 * 256 + (lo & 0xFF)] ^ t[6 * 256 + ((lo >> 8) & 0xFF)] ^
                  t[5 * 256 + ((lo >> 16) & 0xFF)] ^ t[4 * 256 + (lo >> 24)] ^
                  t[3 * 256 + (hi & 0xFF)] ^ t[2 * 256 + ((hi >> 8) & 0xFF)] ^
                  t[1 * 256 + ((hi >> 16) & 0xFF)] ^ t[hi >> 24];
            data = data[8..];
        }
        foreach (var b in data) crc = t[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc;
    }

    // Folding constants for the reflected IEEE polynomial (x^n mod P for the fold distances), Barrett constants last.
    private static readonly Vector128<ulong> K1K2 = Vector128.Create(0x154442bd4UL, 0x1c6e41596UL); // fold by 512 bits
    private static readonly Vector128<ulong> K3K4 = Vector128.Create(0x1751997d0UL, 0x0ccaa009eUL); // fold by 128 bits
    private static readonly Vector128<ulong> K5 = Vector128.Create(0x163cd6124UL, 0UL);             // 64 -> 32 bits
    private static readonly Vector128<ulong> PolyMu = Vector128.Create(0x1db710641UL, 0x1f7011641UL); // P' and mu
    private static readonly Vector128<ulong> Mask32 = Vector128.Create(0xFFFFFFFFUL, 0UL);

    /// <summary>
    /// Carry-less folding (Intel, "Fast CRC Computation for Generic Polynomials Using PCLMULQDQ"): four 128-bit lanes
    /// are folded forward 512 bits at a time, merged into one, folded 128 bits at a time, then reduced to 32 bits by a
    /// Barrett reduction. <paramref name="data"/> is at least 64 bytes and a multiple of 16.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot over every inflated byte: optimized at once, never run instrumented
    private static uint Fold(uint state, ReadOnlySpan<byte> data)
    {
        static Vector128<ulong> Load(ReadOnlySpan<byte> d, int offset) => Vector128.Create<byte>(d.Slice(offset, 16)).AsUInt64();
        static Vector128<ulong> FoldInto(Vector128<ulong> x, Vector128<ulong> k, Vector128<ulong> next)
            => Pclmulqdq.CarrylessMultiply(x, k, 0x00) ^ Pclmulqdq.CarrylessMultiply(x, k, 0x11) ^ next;

        var x1 = Load(data, 0) ^ Vector128.CreateScalar(state).AsUInt64();
        var x2 = Load(data, 16);
        var x3 = Load(data, 32);
        var x4 = Load(data, 48);
        var offset = 64;
        for (; data.Length - offset >= 64; offset += 64)
        {
            x1 = FoldInto(x1, K1K2, Load(data, offset));
            x2 = FoldInto(x2, K1K2, Load(data, offset + 16));
            x3 = FoldInto(x3, K1K2, Load(data, offset + 32));
            x4 = FoldInto(x4, K1K2, Load(data, offset + 48));
        }
        x1 = FoldInto(x1, K3K4, x2);
        x1 = FoldInto(x1, K3K4, x3);
        x1 = FoldInto(x1, K3K4, x4);
        for (; offset < data.Length; offset += 16) x1 = FoldInto(x1, K3K4, Load(data, offset));

        // 128 -> 64 bits (appending 32 zero bits), then 64 -> 32 bits, then Barrett.
        x1 = Pclmulqdq.CarrylessMultiply(K3K4, x1, 0x01) ^ Sse2.ShiftRightLogical128BitLane(x1, 8);
        var x2r = Pclmulqdq.CarrylessMultiply(x1 & Mask32, K5, 0x00);
        x1 = Sse2.ShiftRightLogical128BitLane(x1, 4) ^ x2r;
        var t = Pclmulqdq.CarrylessMultiply(x1 & Mask32, PolyMu, 0x10) & Mask32;
        t = Pclmulqdq.CarrylessMultiply(t, PolyMu, 0x00);
        x1 ^= t;
        return x1.AsUInt32().GetElement(1);
    }
}
