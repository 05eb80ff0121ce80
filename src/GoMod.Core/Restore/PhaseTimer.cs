using System.Diagnostics;

namespace GoMod.Core.Restore;

/// <summary>
/// Splits a restore into named phases for <see cref="RestoreOptions.Phases"/>: each <see cref="Mark"/> reports the time
/// since the previous one under the phase's name. Does nothing (and reads no clock) without a sink.
/// </summary>
internal sealed class PhaseTimer(Action<string, TimeSpan>? sink)
{
    private long _last = sink is null ? 0 : Stopwatch.GetTimestamp();

    /// <summary>Ends the phase <paramref name="name"/> and starts the next one.</summary>
    public void Mark(string name)
    {
        if (sink is null) return;
        var now = Stopwatch.GetTimestamp();
        sink(name, Stopwatch.GetElapsedTime(_last, now));
        _last = now;
    }
}
