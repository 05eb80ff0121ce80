using System.Security.Cryptography;
using System.Text;
using GoMod.Core.Tests.Fetch.Infrastructure;
using GoMod.Core.Tests.Mvs;
using GoMod.Testing;

namespace GoMod.Core.Tests.Vendor;

/// <summary>
/// One differential vendoring run: a <see cref="ProxyScenario"/> (the main module and its dependencies) served by a
/// real HTTP proxy on 127.0.0.1; go completes go.sum (<c>go mod tidy</c>, or <c>go mod download</c> for scenarios whose
/// go.mod must stay as written); then the main module is copied twice beside the original (so <c>../dir</c>
/// replacements resolve the same), go vendors one copy (<c>go mod vendor</c>) and we vendor the other.
/// </summary>
public sealed class VendorOracleRun : IAsyncDisposable
{
    private readonly TempDirectory _dir = new("vendor");
    private readonly TestProxyServer _server;
    private readonly TempDirectory _goHome = new("gohome");

    public VendorOracleRun(string scenario, bool tidy = true)
    {
        var (proxy, main) = ProxyScenario.Parse(scenario).Materialize(_dir.Path);
        Main = main;
        var files = Directory.EnumerateFiles(proxy, "*", SearchOption.AllDirectories)
            .ToDictionary(f => "/" + Path.GetRelativePath(proxy, f).Replace('\\', '/'), File.ReadAllBytes);
        _server = new TestProxyServer(files);
        var prepare = tidy ? Go(main, "mod", "mod", "tidy") : Go(main, "mod", "mod", "download");
        prepare.EnsureSuccess("go mod " + (tidy ? "tidy" : "download"));
        if (!tidy)
        {
            // go mod download records zip hashes only; go list -deps -test adds what loading the packages needs.
            Go(main, "mod", "list", "-deps", "-test", "./...").EnsureSuccess("go list -deps -test ./...");
            // Only a named download records the zip hash of a requirement that provides no package.
            var requires = GoMod.Core.ModFile.GoModFile.Parse("go.mod", File.ReadAllText(Path.Combine(main, "go.mod"))).Require;
            Go(main, "mod", ["mod", "download", .. requires.Select(r => r.Path)]).EnsureSuccess("go mod download <requires>");
        }
        GoMain = _dir.Combine("gomain");
        OurMain = _dir.Combine("ourmain");
        CopyTree(main, GoMain);
        CopyTree(main, OurMain);
    }

    /// <summary>The main module as authored (and completed by go).</summary>
    public string Main { get; }

    /// <summary>The copy go vendors.</summary>
    public string GoMain { get; }

    /// <summary>The copy we vendor.</summary>
    public string OurMain { get; }

    /// <summary>Where go extracted the modules.</summary>
    public string GoModCache => Path.Combine(_goHome.Path, "gopath", "pkg", "mod");

    /// <summary>The proxy URL.</summary>
    public string ProxyUrl => _server.Url;

    /// <summary>A fresh directory for our module cache.</summary>
    public string OurModCache => _dir.Combine("ourmodcache");

    /// <summary>A path inside the run's scratch directory.</summary>
    public string Scratch(string name) => _dir.Combine(name);

    public TestProxyServer Server => _server;

    /// <summary>Runs <c>go mod vendor</c> in <see cref="GoMain"/>.</summary>
    public ProcessResult GoVendor() => Go(GoMain, "readonly", "mod", "vendor");

    /// <summary>Runs go with <c>-mod=</c><paramref name="mode"/> against the proxy (or with it off for vendor mode).</summary>
    public ProcessResult Go(string workDir, string mode, params string[] args) =>
        GoOracle.Run(workDir, _goHome.Path, new Dictionary<string, string?>
        {
            ["GOPROXY"] = mode == "vendor" ? "off" : _server.Url,
            ["GOFLAGS"] = "-modcacherw -mod=" + mode,
            ["GONOSUMDB"] = "*",
            ["GOSUMDB"] = "off",
        }, args);

    /// <summary>Every file and directory below <paramref name="root"/>: relative path → content hash (directories map to "dir").</summary>
    public static SortedDictionary<string, string> Tree(string root)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(root)) return result;
        foreach (var e in new DirectoryInfo(root).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(root, e.FullName).Replace('\\', '/');
            result[rel] = e is DirectoryInfo ? "dir" : Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(e.FullName)));
        }
        return result;
    }

    /// <summary>A readable diff of two trees (paths only in one, paths whose bytes differ), empty when equal.</summary>
    public static string Diff(SortedDictionary<string, string> expected, SortedDictionary<string, string> actual)
    {
        var b = new StringBuilder();
        foreach (var (k, v) in expected)
            if (!actual.TryGetValue(k, out var w)) b.Append("missing: ").Append(k).Append('\n');
            else if (v != w) b.Append("differs: ").Append(k).Append('\n');
        foreach (var k in actual.Keys)
            if (!expected.ContainsKey(k)) b.Append("extra:   ").Append(k).Append('\n');
        return b.ToString();
    }

    public static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var d in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, d)));
        foreach (var f in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(f, Path.Combine(to, Path.GetRelativePath(from, f)));
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _goHome.Dispose();
        _dir.Dispose();
    }
}
