using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace GoMod.Core.Internal;

/// <summary>
/// The envelope of the SDK's own cache files under <c>$GOMODCACHE/cache/gomod-sdk/</c> (the go.mod summary store, the
/// source facts store): an ASCII magic, a format number (little-endian 32-bit), a string table (a 32-bit count, then
/// each string as <see cref="BinaryWriter"/> writes it: a 7-bit length prefix and UTF-8), the store's own body, and a
/// SHA-256 of everything before it. A file that is short, foreign, of another format or fails its checksum is
/// rejected as a whole, so a store never trusts a byte of a damaged file.
/// </summary>
internal static class StoreFile
{
    private const int HashSize = 32;

    /// <summary>
    /// The file of store <paramref name="kind"/> (a folder under <c>$GOMODCACHE/cache/gomod-sdk/</c>) for the main module
    /// whose go.mod is <paramref name="goModFile"/>: one file per main module, named by a hash of the go.mod's full path.
    /// </summary>
    public static string PathFor(string modCache, string kind, string goModFile)
    {
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(goModFile))))[..16];
        return Path.Combine(modCache, "cache", "gomod-sdk", kind, key);
    }

    /// <summary>
    /// The bytes of <paramref name="file"/>, or null when there is none or it cannot be read (a store is only a cache).
    /// A missing file is the common first run: answered without an exception, since a restore throws none on its warm path.
    /// </summary>
    public static byte[]? ReadIfPresent(string? file)
    {
        if (file is null || !File.Exists(file)) return null;
        try
        {
            return File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Whether <paramref name="e"/>, thrown while decoding a store file, means the file is damaged or foreign (then it is ignored and rewritten).</summary>
    public static bool IsDamage(Exception e) =>
        e is InvalidDataException or EndOfStreamException or FormatException or ArgumentException or OverflowException or IndexOutOfRangeException;

    /// <summary>The file bytes: the envelope around <paramref name="table"/> and the bytes written to <paramref name="body"/>.</summary>
    public static byte[] Seal(string magic, int formatVersion, IReadOnlyList<string> table, MemoryStream body)
    {
        var file = new MemoryStream();
        var w = new BinaryWriter(file, Encoding.UTF8);
        w.Write(Encoding.ASCII.GetBytes(magic));
        w.Write(formatVersion);
        w.Write(table.Count);
        foreach (var s in table) w.Write(s);
        w.Write(body.GetBuffer(), 0, (int)body.Length);
        w.Flush();
        w.Write(SHA256.HashData(file.GetBuffer().AsSpan(0, (int)file.Length)));
        w.Flush();
        return file.ToArray();
    }

    /// <summary>
    /// Writes a store's file atomically when it is stale — damaged on disk, entries added, or a different number of
    /// entries used than were loaded — and something is worth keeping; false when it was not written or the write
    /// failed (a store is only a cache, so its write failures are ignored).
    /// </summary>
    public static bool WriteWhenStale(string file, int used, int persisted, bool added, bool corrupt, Func<byte[]> encode)
    {
        if (!corrupt && !added && used == persisted) return false;
        if (used == 0 && !corrupt) return false;
        try
        {
            AtomicFile.WriteIfChanged(file, encode());
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// The string table of a sealed file and where its body lies (<c>data[BodyStart..BodyEnd]</c>); throws
    /// <see cref="InvalidDataException"/>, <see cref="EndOfStreamException"/> or <see cref="FormatException"/> for a
    /// damaged or foreign file.
    /// </summary>
    public static (string[] Table, int BodyStart, int BodyEnd) Open(byte[] data, string magic, int formatVersion)
    {
        if (data.Length < magic.Length + 8 + HashSize) throw new InvalidDataException("short store file");
        int limit = data.Length - HashSize;
        if (!SHA256.HashData(data.AsSpan(0, limit)).AsSpan().SequenceEqual(data.AsSpan(limit)))
            throw new InvalidDataException("store file checksum mismatch");
        if (!data.AsSpan(0, magic.Length).SequenceEqual(Encoding.ASCII.GetBytes(magic))
            || BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(magic.Length)) != formatVersion)
            throw new InvalidDataException("not a store file of this kind and format");
        int at = magic.Length + 4;
        int count = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(at));
        at += 4;
        if (count < 0 || count > limit) throw new InvalidDataException("bad string count");
        var table = new string[count];
        for (int i = 0; i < count; i++)
        {
            int length = 0, shift = 0;
            byte b;
            do
            {
                if (shift > 28) throw new FormatException("bad string length");
                if (at >= limit) throw new EndOfStreamException("store file ends early");
                b = data[at++];
                length |= (b & 0x7F) << shift;
                shift += 7;
            }
            while ((b & 0x80) != 0);
            if (length < 0 || length > limit - at) throw new EndOfStreamException("store file ends early");
            table[i] = Encoding.UTF8.GetString(data, at, length);
            at += length;
        }
        return (table, at, limit);
    }
}
