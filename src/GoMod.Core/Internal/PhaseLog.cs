using System.Diagnostics;
using System.Globalization;

namespace GoMod.Core.Internal;

/// <summary>
/// Wall-clock times of a run's phases, appended as <c>phase seconds</c> lines to the file named by the environment
/// variable <c>GOMOD_PHASE_LOG</c> (for the benchmarks: where a forced build spends its time). Without the variable it
/// does nothing. Never part of a result: a failure to append is ignored.
/// </summary>
internal sealed class PhaseLog
{
    /// <summary>The environment variable naming the file the phases are appended to.</summary>
    public const string Variable = "GOMOD_PHASE_LOG";

    private readonly string? _file;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _last;

    private PhaseLog(string? file) => _file = file;

    /// <summary>A log for <paramref name="getEnvironmentVariable"/>'s <c>GOMOD_PHASE_LOG</c> (inactive when unset).</summary>
    public static PhaseLog From(Func<string, string?> getEnvironmentVariable) =>
        new(getEnvironmentVariable(Variable) is { Length: > 0 } f ? f : null);

    /// <summary>Whether phases are recorded.</summary>
    public bool Active => _file is not null;

    /// <summary>Records the time since the previous mark (or since creation) as <paramref name="phase"/>.</summary>
    public void Mark(string phase)
    {
        if (_file is null) return;
        var now = _clock.Elapsed;
        Append(phase, now - _last);
        _last = now;
    }

    /// <summary>Records how long the process had been running when this log was created (MSBuild start, evaluation, task load).</summary>
    public void MarkProcessAge(string phase)
    {
        if (_file is null) return;
        Append(phase, DateTime.Now - Process.GetCurrentProcess().StartTime);
    }

    private void Append(string phase, TimeSpan time)
    {
        try
        {
            File.AppendAllText(_file!, phase + " " + time.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture) + "\n");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
