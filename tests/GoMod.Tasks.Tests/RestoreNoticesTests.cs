using GoMod.Testing;
using GoMod.Core.Restore;

namespace GoMod.Tasks.Tests;

/// <summary>
/// GoModRestore keeps the restore's retraction/deprecation lookups in the no-op cache and hands them to the next
/// restore (which reuses them for unchanged direct requirements); the g.props is rewritten only when its content changes.
/// </summary>
public sealed class RestoreNoticesTests : IDisposable
{
    private const string GoMod = """
        module example.com/app

        go 1.19

        require example.com/words v1.0.0
        """;

    private static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "GoModSdk.sln"))) return dir.FullName;
            throw new DirectoryNotFoundException("repository root");
        }
    }

    private readonly TempDirectory _dir = new("notices");
    private readonly RecordingBuildEngine _engine = new();

    public void Dispose() => _dir.Dispose();

    private string Cache => _dir.Combine("obj", "app.gomod.cache");
    private string Props => _dir.Combine("obj", "app.gomod.g.props");

    private GoModRestore Task(bool force = false) => new()
    {
        BuildEngine = _engine,
        GoModFile = _dir.Combine("go.mod"),
        GoModCache = _dir.Combine("modcache"),
        GoProxy = "file://" + Path.Combine(RepoRoot, "samples", "hello", "proxy").Replace('\\', '/'),
        GoNoSumDb = "example.com",
        GoFlags = "",
        CacheFile = Cache,
        PropsFile = Props,
        Force = force,
    };

    [Fact]
    public void The_lookups_are_kept_in_the_cache_and_carried_over_a_go_mod_edit_and_the_props_are_not_rewritten()
    {
        _dir.Write("go.mod", GoMod);
        _dir.Write("go.sum", string.Concat(File.ReadAllLines(Path.Combine(RepoRoot, "samples", "hello", "go.sum"))
            .Where(l => l.StartsWith("example.com/words v1.0.0", StringComparison.Ordinal)).Select(l => l + "\n")));
        Task().Execute().ShouldBeTrue(string.Join("\n", _engine.Errors.Select(e => e.Message)));
        var first = RestoreCache.Read(Cache).ShouldNotBeNull().Notices.ShouldNotBeNull();
        first.Notices.Select(n => (n.Path, n.Version)).ShouldBe([("example.com/words", "v1.0.0")]);
        var propsTime = File.GetLastWriteTimeUtc(Props);
        File.SetLastWriteTimeUtc(Props, propsTime.AddHours(-1));

        _dir.Write("go.mod", GoMod + "// edited\n");
        var again = Task();
        again.Execute().ShouldBeTrue();

        again.Restored.ShouldBeTrue();
        var second = RestoreCache.Read(Cache).ShouldNotBeNull().Notices.ShouldNotBeNull();
        second.Source.ShouldBe(first.Source);
        second.Notices.Select(n => (n.Path, n.Version, n.Deprecated, n.Retracted.Count)).ShouldBe(first.Notices.Select(n => (n.Path, n.Version, n.Deprecated, n.Retracted.Count)));
        // Same build list, same g.props content: the file is left alone.
        File.GetLastWriteTimeUtc(Props).ShouldBe(propsTime.AddHours(-1));
    }

    /// <summary>A copy of the sample proxy whose words@v1.1.0 (the latest) can be changed after a restore.</summary>
    private string CopyProxy()
    {
        var source = Path.Combine(RepoRoot, "samples", "hello", "proxy");
        var copy = _dir.Combine("proxy");
        foreach (var f in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(copy, Path.GetRelativePath(source, f));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(f, to);
        }
        return copy;
    }

    private GoModRestore NoticesTask(string proxy, bool force = false)
    {
        var task = Task(force);
        task.GoProxy = "file://" + proxy.Replace('\\', '/');
        task.NoticesFile = _dir.Combine("obj", "app.gomod.notices");
        return task;
    }

    [Fact]
    public void Removing_the_no_op_stamp_keeps_the_lookups_a_forced_restore_makes_them_again()
    {
        _dir.Write("go.mod", GoMod);
        _dir.Write("go.sum", string.Concat(File.ReadAllLines(Path.Combine(RepoRoot, "samples", "hello", "go.sum"))
            .Where(l => l.StartsWith("example.com/words v1.0.0", StringComparison.Ordinal)).Select(l => l + "\n")));
        var proxy = CopyProxy();
        NoticesTask(proxy).Execute().ShouldBeTrue(string.Join("\n", _engine.Errors.Select(e => e.Message)));
        _engine.Warnings.ShouldBeEmpty();
        File.Exists(_dir.Combine("obj", "app.gomod.notices")).ShouldBeTrue();
        // With a notices file, the cache file holds no copy of them.
        RestoreCache.Read(Cache).ShouldNotBeNull().Notices.ShouldBeNull();

        // The module's author publishes v1.2.0, whose go.mod retracts v1.0.0 and deprecates the module: a fresh lookup warns.
        var versions = Path.Combine(proxy, "example.com", "words", "@v");
        File.AppendAllText(Path.Combine(versions, "list"), "v1.2.0\n");
        File.WriteAllText(Path.Combine(versions, "v1.2.0.info"), "{\"Version\":\"v1.2.0\",\"Time\":\"2024-02-01T00:00:00Z\"}");
        File.WriteAllText(Path.Combine(versions, "v1.2.0.mod"),
            "// Deprecated: use example.com/other.\nmodule example.com/words\n\ngo 1.17\n\nretract v1.0.0 // broken\n");

        // The stamp removed by hand (as benchmarks force a restore): the restore runs, and reuses the lookups.
        File.Delete(Cache);
        var again = NoticesTask(proxy);
        again.Execute().ShouldBeTrue();
        again.Restored.ShouldBeTrue();
        _engine.Warnings.ShouldBeEmpty();

        // GoModDownload (Force) asks anew and finds both, and keeps them for the next restore.
        NoticesTask(proxy, force: true).Execute().ShouldBeTrue();
        string.Join(" ", _engine.Warnings.Select(w => w.Code).Order()).ShouldBe("GOMOD0350 GOMOD0351", string.Join("\n", _engine.Warnings.Select(w => w.Message)));
        RequirementNoticesFile.Read(_dir.Combine("obj", "app.gomod.notices")).ShouldNotBeNull().Notices.Single().Retracted.ShouldBe(["broken"]);
    }
}
