using GoMod.Core.Fetch;
using GoMod.Core.GoEnv;
using GoMod.Core.Module;
using GoMod.Core.Sum;
using GoMod.Core.SumDb;
using GoMod.Core.Zip;
using GoMod.Core.Tests.Fetch.Infrastructure;
using GoMod.Testing;

namespace GoMod.Core.Tests.SumDb.Infrastructure;

/// <summary>A GOPATH, a module cache and a main module whose go.sum is filled by downloads checked with a database.</summary>
public sealed class SumDbSandbox : IDisposable
{
    public SumDbSandbox(string name = "sumdb")
    {
        Dir = new TempDirectory(name);
        Dir.Write("main/go.mod", "module example.com/main\n\ngo 1.17\n");
    }

    public TempDirectory Dir { get; }

    public string GoPath => Dir.Combine("gopath");

    public string ModCache => Dir.Combine("gopath", "pkg", "mod");

    public string Main => Dir.Combine("main");

    public string GoSumPath => Path.Combine(Main, "go.sum");

    public string GoSum => File.Exists(GoSumPath) ? File.ReadAllText(GoSumPath) : "";

    public string LatestPath(string name) => Path.Combine(GoPath, "pkg", "sumdb", name, "latest");

    public string CacheDir(string name) => Path.Combine(ModCache, "cache", "download", "sumdb", name);

    public GoEnvironment Env(string goProxy, string goSumDb, string? goNoSumDb = null, string? goPrivate = null, string? goNoProxy = null) =>
        GoEnvironment.FromVariables(new Dictionary<string, string?>
        {
            ["HOME"] = Dir.Path,
            ["GOENV"] = "off",
            ["GOPATH"] = GoPath,
            ["GOPROXY"] = goProxy,
            ["GOSUMDB"] = goSumDb,
            ["GONOSUMDB"] = goNoSumDb,
            ["GOPRIVATE"] = goPrivate,
            ["GONOPROXY"] = goNoProxy,
            ["GOFLAGS"] = "-mod=mod",
        });

    /// <summary>
    /// Downloads <paramref name="modules"/> (go.mod and zip) under -mod=mod, each new hash checked with the database
    /// GOSUMDB names, then saves go.sum; returns the per-module results.
    /// </summary>
    public async Task<IReadOnlyList<ModuleDownloadResult>> DownloadAsync(GoEnvironment env, params TestModule[] modules)
    {
        var sums = await GoSumChecker.LoadAsync(GoSumPath, ModMode.Mod, default);
        using var db = ChecksumDatabase.Create(env, FetchSandbox.NoRetry);
        using var d = new ModuleDownloader(env, sums, FetchSandbox.NoRetry, db);
        var results = await d.DownloadAsync(modules.Select(m => m.ModuleVersion), DownloadParts.Info | DownloadParts.GoMod | DownloadParts.Zip);
        await d.SaveGoSumAsync();
        return results;
    }

    public void Dispose() => Dir.Dispose();
}
