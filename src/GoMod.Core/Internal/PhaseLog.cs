using System.Globalization;

namespace GoMod.Core.Internal;

/// <summary>
/// The file named by the environment variable <c>GOMOD_PHASE_LOG</c>, to which a run's phases are appended as
/// <c>phase seconds</c> lines (for the benchmarks: where a forced build spends its time). Without the variable there is
/// no sink. Never part of a result: a failure to append is ignored.
/// </summary>
internal static class PhaseLog
{
    /// <summary>The environment variable naming the file the phases are appended to.</summary>
    public const string Variable = "GOMOD_PHASE_LOG";

    /// <summary>A sink appending to <paramref name="getEnvironmentVariable"/>'s <c>GOMOD_PHASE_LOG</c> file, or null when it is unset.</summary>
    public static Action<string, TimeSpan>? Sink(Func<string, string?> getEnvironmentVariable) =>
        getEnvironmentVariable(Variable) is { Length: > 0 } file ? (phase, time) => Append(file, phase, time) : null;

    private static void Append(string file, string phase, TimeSpan time)
    {
        try
        {
            File.AppendAllText(file, phase + " " + time.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture) + "\n");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
