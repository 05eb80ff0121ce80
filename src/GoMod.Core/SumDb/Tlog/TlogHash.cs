namespace GoMod.Core.SumDb.Tlog;

/// <summary>A SHA-256 hash in the transparency log (32 bytes), compared by value, written in standard base64.</summary>
public readonly struct TlogHash : IEquatable<TlogHash>
{
    /// <summary>The size of a hash in bytes.</summary>
    public const int Size = 32;

    private readonly byte[]? _bytes;

    /// <summary>A hash of exactly <see cref="Size"/> bytes (copied).</summary>
    public TlogHash(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size) throw new ArgumentException("a log hash has 32 bytes", nameof(bytes));
        _bytes = bytes.ToArray();
    }

    /// <summary>The bytes (all zero for the default value, go's empty-tree hash).</summary>
    public ReadOnlySpan<byte> Bytes => _bytes ?? new byte[Size];

    /// <inheritdoc/>
    public bool Equals(TlogHash other) => Bytes.SequenceEqual(other.Bytes);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TlogHash h && Equals(h);

    /// <inheritdoc/>
    public override int GetHashCode() => BitConverter.ToInt32(Bytes);

    /// <summary>Value equality.</summary>
    public static bool operator ==(TlogHash a, TlogHash b) => a.Equals(b);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(TlogHash a, TlogHash b) => !a.Equals(b);

    /// <summary>Standard base64, as in tree notes.</summary>
    public override string ToString() => Convert.ToBase64String(Bytes);
}
