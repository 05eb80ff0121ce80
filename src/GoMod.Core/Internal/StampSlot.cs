namespace GoMod.Core.Internal;

/// <summary>
/// A store entry's stamp (sizes and times of its cache files) taken ahead by a warm-up thread while the run does other
/// work, or by the entry's consumer when it gets there first: whichever comes first owns the slot, and the consumer
/// never waits for the warm-up. A stamp taken ahead is one this run took of the files before using the entry, which
/// is all a store's check asks of it. Lives in a field of the entry (a mutable struct, used in place).
/// </summary>
internal struct StampSlot<T> where T : struct
{
    private const int Empty = 0, Ready = 1, Claimed = 2;
    private int _state;
    private T? _value;

    /// <summary>For the warm-up: whether nobody has stamped or claimed the slot yet.</summary>
    public bool IsEmpty => Volatile.Read(ref _state) == Empty;

    /// <summary>For the warm-up: records <paramref name="stamp"/> (null: a file was missing) unless the consumer claimed the slot meanwhile.</summary>
    public void Fill(T? stamp)
    {
        _value = stamp;
        Interlocked.CompareExchange(ref _state, Ready, Empty);
    }

    /// <summary>
    /// For the consumer: the warm-up's stamp when it is ready (true); otherwise false, with the slot claimed so the
    /// warm-up leaves it, and the consumer takes the stamp itself.
    /// </summary>
    public bool TryUse(out T? stamp)
    {
        if (Interlocked.CompareExchange(ref _state, Claimed, Empty) != Empty && Volatile.Read(ref _state) == Ready)
        {
            stamp = _value;
            return true;
        }
        stamp = null;
        return false;
    }
}
