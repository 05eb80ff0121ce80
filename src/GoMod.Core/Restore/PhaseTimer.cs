using System.Diagnostics;
using GoMod.Core.Internal;

namespace GoMod.Core.Restore;

/// <summary>
/// Splits a restore into named phases: each <see cref="Mark"/> reports the time since the previous one under the
/// phase's name to <see cref="RestoreOptions.Phases"/> and to the <c>GOMOD_PHASE_LOG</c> file (<see cref="PhaseLog"/>).
/// Does nothing (and reads no clock) when neither listens.
/// </summary>
internal sealed class PhaseTimer(Action<string, TimeSpan>? sink)
{
    private long _last = sink is null ? 0 : Stopwatch.GetTimestamp();

    /// <summary>The timer of a run with <paramref name="options"/>: its <see cref="RestoreOptions.Phases"/> and its phase log file.</summary>
    public static PhaseTimer For(RestoreOptions options) =>
        new((Action<string, TimeSpan>?)options.Phases + PhaseLog.Sink(options.GetEnvironmentVariable));

    /// <summary>Ends the phase <paramref name="name"/> and starts the next one.</summary>
    public void Mark(string name)
    {
        if (sink is null) return;
        var now = Stopwatch.GetTimestamp();
        sink(name, Stopwatch.GetElapsedTime(_last, now));
        _last = now;
    }

    /// <summary>Reports how long the process had been running (MSBuild start, evaluation, task load) as <paramref name="name"/>.</summary>
    public void MarkProcessAge(string name)
    {
        if (sink is null) return;
        using var process = Process.GetCurrentProcess();
        sink(name, DateTime.Now - process.StartTime);
    }
}
