using System.Diagnostics;
using GoMod.Testing;
using GoMod.Core.GoEnv;
using GoMod.Core.Restore;

namespace GoMod.Core.Tests.Restore;

/// <summary>
/// The restore and the go commands (list, graph, get, verify) share one setup: the same validation of the properties,
/// the same default -mod, the same warnings; and go.mod/go.sum are written as go writes them, under its lock.
/// </summary>
public sealed class RestoreSetupTests : IDisposable
{
    private readonly TempDirectory _dir = new("setup");

    public void Dispose() => _dir.Dispose();

    private RestoreOptions Options(string modMode = "", string go = "1.19")
    {
        Directory.CreateDirectory(_dir.Combine("m"));
        File.WriteAllText(_dir.Combine("m", "go.mod"), $"module example.com/m\n\ngo {go}\n");
        return new RestoreOptions
        {
            ModFile = _dir.Combine("m", "go.mod"),
            ModMode = modMode,
            Settings = new Dictionary<string, string?> { ["GOMODCACHE"] = _dir.Combine("modcache"), ["GOPROXY"] = "off", ["GOSUMDB"] = "off" },
            GetEnvironmentVariable = name => name == "GOENV" ? "off" : null,
        };
    }

    [Fact]
    public async Task GOFLAGS_modfile_is_reported_as_not_applied_by_the_restore_and_the_commands_alike()
    {
        // go would read alt.mod (and alt.sum) instead of go.mod; the SDK keeps to go.mod and says so.
        var options = Options();
        options = options with { Settings = new Dictionary<string, string?>(options.Settings) { ["GOFLAGS"] = "-modcacherw -modfile=alt.mod" } };
        var restore = await new ModuleRestorer().RestoreAsync(options, CancellationToken.None);
        var list = await ModuleCommands.ListAsync(options, json: false, CancellationToken.None);

        restore.Succeeded.ShouldBeTrue(string.Join("\n", restore.Diagnostics));
        var d = restore.Diagnostics.ShouldHaveSingleItem();
        (d.Code, d.IsError).ShouldBe(("GOMOD0050", false));
        d.Message.ShouldContain("GOFLAGS -modfile=alt.mod is not applied: the SDK reads and writes " + options.ModFile);
        list.Diagnostics.ShouldBe(restore.Diagnostics);
    }

    [Fact]
    public async Task Report_commands_reject_an_invalid_GoModMode_exactly_as_the_restore_does()
    {
        var options = Options(modMode: "bogus");
        var restore = await new ModuleRestorer().RestoreAsync(options, CancellationToken.None);
        var list = await ModuleCommands.ListAsync(options, json: false, CancellationToken.None);
        var graph = await ModuleCommands.GraphAsync(options, CancellationToken.None);

        restore.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe("GOMOD0004");
        list.Diagnostics.ShouldBe(restore.Diagnostics);
        graph.Diagnostics.ShouldBe(restore.Diagnostics);
        list.Succeeded.ShouldBeFalse();
    }

    [Theory]
    [InlineData("1.19", ModMode.Vendor)]
    [InlineData("1.13", ModMode.ReadOnly)]
    public async Task Report_commands_default_to_vendor_mode_when_vendor_exists_as_the_restore_does(string go, ModMode expected)
    {
        var options = Options(go: go);
        Directory.CreateDirectory(_dir.Combine("m", "vendor"));
        var restore = await new ModuleRestorer().RestoreAsync(options, CancellationToken.None);
        var list = await ModuleCommands.ListAsync(options, json: false, CancellationToken.None);

        restore.Mode.ShouldBe(expected);
        list.Mode.ShouldBe(expected);
        list.Diagnostics.Where(d => !d.IsError).ShouldBe(restore.Diagnostics.Where(d => !d.IsError));
    }

    [Fact]
    public async Task A_go_sum_write_waits_while_another_process_holds_go_s_lock_on_it()
    {
        var sum = _dir.Combine("go.sum");
        var released = _dir.Combine("released");
        File.WriteAllText(sum, "example.com/a v1.0.0/go.mod h1:old=\n");
        // The holder marks the moment it is about to release the lock; a write that did not wait finds no mark.
        // (Timing the wait instead was flaky under load: reading "locked" could itself take most of the sleep.)
        using var holder = Process.Start(new ProcessStartInfo("flock", ["--exclusive", sum, "sh", "-c", $"echo locked; sleep 1; touch '{released}'"])
        {
            RedirectStandardOutput = true,
        })!;
        (await holder.StandardOutput.ReadLineAsync()).ShouldBe("locked");

        await RestoreSetup.WriteModuleFileAsync(sum, "example.com/a v1.0.0/go.mod h1:new=\n", CancellationToken.None);

        File.Exists(released).ShouldBeTrue("the write must wait for the other process to release go's lock");
        File.ReadAllText(sum).ShouldBe("example.com/a v1.0.0/go.mod h1:new=\n");
    }
}
