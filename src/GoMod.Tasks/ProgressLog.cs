using System.Globalization;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using GoMod.Core.Restore;

namespace GoMod.Tasks;

/// <summary>
/// Shows long work at normal verbosity — "GoMod: downloading 12 of 48 modules (3.1 MB)…" — at most about once a second,
/// plus the last step; called synchronously from the download threads (TaskLoggingHelper is thread-safe).
/// </summary>
internal sealed class ProgressLog(TaskLoggingHelper log) : IProgress<RestoreProgress>
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private readonly Lock _gate = new();
    private DateTime _last = DateTime.MinValue;

    public void Report(RestoreProgress value)
    {
        lock (_gate)
        {
            var now = DateTime.UtcNow;
            if (value.Done < value.Total && now - _last < Interval) return;
            _last = now;
        }
        log.LogMessage(MessageImportance.High, "GoMod: downloading {0} of {1} modules ({2})…", value.Done, value.Total, Size(value.Bytes));
    }

    /// <summary>Bytes as go-style short sizes: 512 B, 3.1 kB, 3.1 MB.</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1000 => bytes.ToString(CultureInfo.InvariantCulture) + " B",
        < 1_000_000 => (bytes / 1e3).ToString("0.0", CultureInfo.InvariantCulture) + " kB",
        < 1_000_000_000 => (bytes / 1e6).ToString("0.0", CultureInfo.InvariantCulture) + " MB",
        _ => (bytes / 1e9).ToString("0.0", CultureInfo.InvariantCulture) + " GB",
    };
}
