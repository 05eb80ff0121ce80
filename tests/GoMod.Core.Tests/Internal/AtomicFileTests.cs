using GoMod.Core.Internal;
using GoMod.Testing;

namespace GoMod.Core.Tests.Internal;

/// <summary>
/// <see cref="AtomicFile.WriteIfChanged"/>: equal bytes are never rewritten, and a file written with
/// <c>afterPreviousWriteTime</c> (the restore's g.props) takes a write time just after the one it replaces rather than
/// the current time, so it does not become newer than what MSBuild built after the replaced file.
/// </summary>
public sealed class AtomicFileTests
{
    private static readonly DateTime Old = new(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    /// <summary>A file in <paramref name="dir"/> holding <paramref name="text"/>, last written at <see cref="Old"/>.</summary>
    private static string WrittenLongAgo(TempDirectory dir, string name, string text)
    {
        var path = dir.Combine(name);
        File.WriteAllText(path, text);
        File.SetLastWriteTimeUtc(path, Old);
        return path;
    }

    [Fact]
    public void Changed_bytes_after_the_previous_write_time_get_a_time_1_ms_after_it()
    {
        using var dir = new TempDirectory();
        var path = WrittenLongAgo(dir, "app.csproj.gomod.g.props", "<Project />");

        AtomicFile.WriteIfChanged(path, "<Project><!-- v2 --></Project>"u8.ToArray(), afterPreviousWriteTime: true).ShouldBeTrue();

        File.ReadAllText(path).ShouldBe("<Project><!-- v2 --></Project>");
        File.GetLastWriteTimeUtc(path).ShouldBe(Old.AddMilliseconds(1));
        Directory.GetFiles(dir.Path).Length.ShouldBe(1);
    }

    [Fact]
    public void Without_the_option_or_without_a_previous_file_a_write_takes_the_current_time()
    {
        using var dir = new TempDirectory();
        var plain = WrittenLongAgo(dir, "plain", "a");
        var before = DateTime.UtcNow.AddSeconds(-1);

        AtomicFile.WriteIfChanged(plain, "b"u8.ToArray()).ShouldBeTrue();
        AtomicFile.WriteIfChanged(dir.Combine("new"), "c"u8.ToArray(), afterPreviousWriteTime: true).ShouldBeTrue();

        File.GetLastWriteTimeUtc(plain).ShouldBeGreaterThan(before);
        File.GetLastWriteTimeUtc(dir.Combine("new")).ShouldBeGreaterThan(before);
    }

    [Fact]
    public void Equal_bytes_keep_the_file_and_its_time()
    {
        using var dir = new TempDirectory();
        var path = WrittenLongAgo(dir, "same", "x");

        AtomicFile.WriteIfChanged(path, "x"u8.ToArray(), afterPreviousWriteTime: true).ShouldBeFalse();

        File.GetLastWriteTimeUtc(path).ShouldBe(Old);
    }

    [Fact]
    public void The_time_after_the_previous_one_is_never_in_the_future()
    {
        var now = new DateTime(2026, 12, 7, 10, 0, 0, DateTimeKind.Utc);
        AtomicFile.AfterPrevious(now.AddSeconds(-5), now).ShouldBe(now.AddSeconds(-5).AddMilliseconds(1));
        // A replaced file dated ahead of the clock (a skewed clock, a copied tree): the new one takes the current time.
        AtomicFile.AfterPrevious(now.AddHours(1), now).ShouldBe(now);
    }
}
