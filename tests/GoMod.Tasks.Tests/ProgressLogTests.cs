using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using GoMod.Core.Restore;

namespace GoMod.Tasks.Tests;

/// <summary>Download progress is visible at normal verbosity, at most about once a second, and the last step always shows.</summary>
public sealed class ProgressLogTests
{
    [Fact]
    public void Progress_is_high_importance_throttled_and_always_shows_the_last_step()
    {
        var engine = new RecordingBuildEngine();
        var progress = new ProgressLog(new TaskLoggingHelper(engine, "GoModRestore"));

        progress.Report(new RestoreProgress(1, 48, 1_000));
        progress.Report(new RestoreProgress(2, 48, 2_000));
        progress.Report(new RestoreProgress(48, 48, 3_100_000));

        engine.Messages.Select(m => (m.Importance, m.Message)).ShouldBe(
        [
            (MessageImportance.High, "GoMod: downloading 1 of 48 modules (1.0 kB)…"),
            (MessageImportance.High, "GoMod: downloading 48 of 48 modules (3.1 MB)…"),
        ]);
    }

    [Theory]
    [InlineData(0, "0 B")]
    [InlineData(999, "999 B")]
    [InlineData(3_100, "3.1 kB")]
    [InlineData(3_100_000, "3.1 MB")]
    [InlineData(2_500_000_000, "2.5 GB")]
    public void Sizes_are_printed_in_decimal_units(long bytes, string expected) => ProgressLog.Size(bytes).ShouldBe(expected);
}
