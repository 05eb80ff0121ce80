using GoMod.Testing;
using GoMod.Core.GoEnv;
using GoMod.Core.Internal;
using GoMod.Core.Restore;
using GoMod.Core.Tests.Mvs;

namespace GoMod.Core.Tests.Internal;

/// <summary>
/// The go command rewrites go.mod and go.sum under an exclusive lock on the files themselves (lockedfile.Transform).
/// A restore running at that moment (say, `go get` in a terminal while the IDE builds) waits for the lock, as go's own
/// readers do, instead of failing on .NET's non-blocking lock.
/// </summary>
public sealed class LockedFileTests : IDisposable
{
    private const string Scenario = """
        -- go.mod --
        module example.com/m

        go 1.19

        require example.com/a v1.0.0
        -- example.com/a@v1.0.0 --
        go 1.19
        -- example.com/a@v1.0.0/a.go --
        package a
        """;

    private readonly TempDirectory _dir = new("locked");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_restore_waits_while_another_process_holds_go_s_lock_on_go_mod_and_go_sum()
    {
        var (proxy, main) = ProxyScenario.Parse(Scenario).Materialize(_dir.Path);
        var options = new RestoreOptions
        {
            ModFile = Path.Combine(main, "go.mod"),
            ModMode = "mod",
            Settings = new Dictionary<string, string?>
            {
                ["GOMODCACHE"] = _dir.Combine("modcache"),
                ["GOPROXY"] = new Uri(proxy + Path.DirectorySeparatorChar).AbsoluteUri.TrimEnd('/'),
                ["GOSUMDB"] = "off",
            },
            GetEnvironmentVariable = name => name == "GOENV" ? "off" : null,
        };
        var first = await new ModuleRestorer().RestoreAsync(options, CancellationToken.None);
        first.Succeeded.ShouldBeTrue(string.Join("\n", first.Diagnostics));
        File.Exists(Path.Combine(main, "go.sum")).ShouldBeTrue();

        Task<RestoreResult> restore;
        using (await FileLock.AcquireAsync(Path.Combine(main, "go.mod"), exclusive: true, create: false, CancellationToken.None))
        using (await FileLock.AcquireAsync(Path.Combine(main, "go.sum"), exclusive: true, create: false, CancellationToken.None))
        {
            restore = Task.Run(() => new ModuleRestorer().RestoreAsync(options, CancellationToken.None));
            await Task.Delay(TimeSpan.FromMilliseconds(700));
            restore.IsCompleted.ShouldBeFalse("the restore should wait for the lock, not fail or read around it");
        }

        var second = await restore.WaitAsync(TimeSpan.FromSeconds(60));
        second.Succeeded.ShouldBeTrue(string.Join("\n", second.Diagnostics));
        second.Modules.Select(m => m.Path).ShouldBe(["example.com/m", "example.com/a"]);
    }
}
