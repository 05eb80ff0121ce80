using System.Text.Json;
using GoMod.Testing;

namespace GoMod.EndToEnd.Tests;

/// <summary>
/// GoModCollectModules is side-effect free outside a build: called alone in a design-time build it writes no file
/// and makes no request, and still says where every module the module cache holds is.
/// </summary>
[Collection(SdkCollection.Name)]
public sealed class DesignTimeCollectTests(SdkPackage sdk)
{
    [Fact]
    public async Task GoModCollectModules_alone_at_design_time_writes_nothing_requests_nothing_and_fills_Dir_from_the_module_cache()
    {
        using var p = TestProject.Standalone(sdk).WithModules();
        await using var proxy = LoopbackProxy.Start();
        var env = GoInputs.Env(("GOPROXY", proxy.Url));
        p.Dotnet(env, "build").EnsureSuccess("first build");
        proxy.RequestCount.ShouldBeGreaterThan(0);
        // go.mod changed since the restore (a new requirement go.sum does not know yet): the cache file no longer
        // answers, so the design-time build resolves from the module cache.
        p.Write("go.mod", GoInputs.GoMod().Replace("\texample.com/greeting v1.1.0\n", "\texample.com/greeting v1.1.0\n\texample.com/extra v1.0.0\n"));
        var before = Snapshot(p.Directory);
        var requests = proxy.RequestCount;

        var collect = p.Dotnet(env, "msbuild", "-t:GoModCollectModules", "-p:DesignTimeBuild=true", "-p:BuildingProject=false",
            "-getTargetResult:GoModCollectModules");

        collect.EnsureSuccess("dotnet msbuild -t:GoModCollectModules (design time)");
        proxy.RequestCount.ShouldBe(requests, string.Join("\n", proxy.Requests.Skip(requests).Select(r => r.Path)));
        Snapshot(p.Directory).ShouldBe(before);
        var dirs = Items(collect.StdOut).ToDictionary(i => i.GetProperty("Identity").GetString()!, i => i.GetProperty("Dir").GetString());
        dirs["example.com/greeting"].ShouldBe(Path.Combine(p.ModCache, "example.com", "greeting@v1.1.0"));
        dirs["example.com/Shout"].ShouldBe(Path.Combine(p.ModCache, "example.com", "!shout@v0.2.0"));
        dirs["example.com/extra"].ShouldBe("");
    }

    /// <summary>
    /// Every file and folder below <paramref name="root"/> (obj/ and the module cache included) with its size and write
    /// time: a folder's time changes when anything, even a temporary file, is created or removed in it.
    /// </summary>
    private static List<string> Snapshot(string root) =>
        new DirectoryInfo(root).EnumerateFileSystemInfos("*", SearchOption.AllDirectories)
            .Select(f => $"{Path.GetRelativePath(root, f.FullName)}|{(f is FileInfo file ? file.Length : -1)}|{f.LastWriteTimeUtc.Ticks}")
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The items of -getTargetResult's JSON for GoModCollectModules.</summary>
    private static IEnumerable<JsonElement> Items(string stdout)
    {
        using var doc = JsonDocument.Parse(stdout[stdout.IndexOf('{')..]);
        return doc.RootElement.GetProperty("TargetResults").GetProperty("GoModCollectModules").GetProperty("Items")
            .EnumerateArray().Select(e => e.Clone()).ToList();
    }
}
