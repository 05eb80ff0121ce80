using GoMod.Testing;
using Microsoft.Build.Utilities;
using GoMod.Core.ModFile;

namespace GoMod.Tasks.Tests;

/// <summary>The settings stamp changes exactly when a resolved setting does, and holds no value.</summary>
public sealed class GoModSettingsStampTests : IDisposable
{
    private readonly TempDirectory _dir = new("stamp");
    private readonly RecordingBuildEngine _engine = new();

    public void Dispose() => _dir.Dispose();

    private string Stamp => _dir.Combine("obj", "app.gomod.settings");

    private GoModSettingsStamp Task(string proxy) => new()
    {
        BuildEngine = _engine,
        GoModFile = _dir.Combine("go.mod"),
        File = Stamp,
        Settings = [new TaskItem("GoProxy", new Dictionary<string, string> { ["Value"] = proxy }), new TaskItem("GoModMode", new Dictionary<string, string> { ["Value"] = "readonly" })],
    };

    [Fact]
    public void Stamp_is_rewritten_only_when_a_setting_changes_and_holds_only_a_hash()
    {
        _dir.Write("go.mod", "module example.com/app\n");
        Task("http://user:pw@proxy.example").Execute().ShouldBeTrue();
        var first = File.ReadAllText(Stamp);
        File.SetLastWriteTimeUtc(Stamp, DateTime.UtcNow.AddHours(-1));
        var time = File.GetLastWriteTimeUtc(Stamp);

        Task("http://user:pw@proxy.example").Execute().ShouldBeTrue();
        File.GetLastWriteTimeUtc(Stamp).ShouldBe(time);

        Task("http://user:other@proxy.example").Execute().ShouldBeTrue();
        var second = File.ReadAllText(Stamp);
        second.ShouldNotBe(first);
        first.ShouldMatch("^[0-9A-F]{64}\n$");
        second.ShouldNotContain("proxy");
    }

    [Fact]
    public void A_go_sum_that_appears_changes_the_stamp()
    {
        _dir.Write("go.mod", "module example.com/app\n");
        Task("off").Execute().ShouldBeTrue();
        var before = File.ReadAllText(Stamp);

        _dir.Write("go.sum", "");
        Task("off").Execute().ShouldBeTrue();

        File.ReadAllText(Stamp).ShouldNotBe(before);
    }

    [Fact]
    public void GoImportCommentsExempt_is_a_setting_of_the_stamp()
    {
        _dir.Write("go.mod", "module example.com/app\n");
        GoModSettingsStamp Exempt(string value) => new()
        {
            BuildEngine = _engine,
            GoModFile = _dir.Combine("go.mod"),
            File = Stamp,
            Settings = [new TaskItem("GoImportCommentsExempt", new Dictionary<string, string> { ["Value"] = value })],
        };
        Exempt("").Execute().ShouldBeTrue();
        var before = File.ReadAllText(Stamp);

        Exempt("github.com/rsc").Execute().ShouldBeTrue();

        File.ReadAllText(Stamp).ShouldNotBe(before);
        _engine.Messages.ShouldNotContain(m => (m.Message ?? "").Contains("unknown setting", StringComparison.Ordinal));
    }
}
