using System.Text.Json;
using GoMod.Core.Fetch;
using GoMod.Core.ModGet;
using GoMod.Core.ModLoad;
using GoMod.Core.ModSource;
using GoMod.Core.Module;
using GoMod.Core.Reports;
using GoMod.Core.Sum;
using GoMod.Core.Tests.Fetch.Infrastructure;
using GoMod.Core.Tests.Vcs.Infrastructure;
using GoMod.Testing;

namespace GoMod.Core.Tests.Vcs;

/// <summary>
/// Direct mode (GOPROXY=direct) against Debian's go 1.19 on the same git repositories served over git's smart HTTP
/// on 127.0.0.1: versions, the versions queries resolve to (tags, commits, branches as pseudo-versions), the h1:
/// hashes of zips and go.mod files, <c>go list -m all</c>, and each side building offline from the cache the other
/// filled. Module paths are github.com/acme/…, rewritten to the server by a temporary ~/.gitconfig (insteadOf).
/// </summary>
public sealed class DirectModeDifferentialTests(GitRepoFixture repos) : IClassFixture<GitRepoFixture>
{
    private static readonly Dictionary<string, string?> GoDirect = new()
    {
        ["GOPROXY"] = "direct",
        ["GOSUMDB"] = "off",
        ["GOFLAGS"] = "-modcacherw -mod=mod",
    };

    private (FetchSandbox Sandbox, ModuleDownloader Downloader) Ours(string name)
    {
        var sandbox = new FetchSandbox(name);
        repos.WriteGitConfig(sandbox.Dir.Path);
        return (sandbox, sandbox.Downloader("direct"));
    }

    private string GoHome(TempDirectory tmp)
    {
        var home = tmp.Combine("gohome");
        repos.WriteGitConfig(home);
        return home;
    }

    private static string MainModule(TempDirectory tmp, string requires = "", string code = "")
    {
        var main = tmp.Combine("main");
        Directory.CreateDirectory(main);
        File.WriteAllText(Path.Combine(main, "go.mod"), "module example.com/main\n\ngo 1.19\n" + requires);
        if (code.Length > 0) File.WriteAllText(Path.Combine(main, "main.go"), code);
        return main;
    }

    private sealed record GoDownload(string Path, string Version, string Sum, string GoModSum, string Info);

    private static GoDownload GoModDownload(string main, string home, string arg)
    {
        var r = GoOracle.Run(main, home, GoDirect, "mod", "download", "-json", arg).EnsureSuccess("go mod download " + arg);
        using var doc = JsonDocument.Parse(r.StdOut);
        var e = doc.RootElement;
        return new GoDownload(e.GetProperty("Path").GetString()!, e.GetProperty("Version").GetString()!,
            e.GetProperty("Sum").GetString()!, e.GetProperty("GoModSum").GetString()!, File.ReadAllText(e.GetProperty("Info").GetString()!));
    }

    public static TheoryData<string> Queries => new()
    {
        "github.com/acme/lib@v1.1.0",
        "github.com/acme/lib@v1.0.0",
        "github.com/acme/lib@latest",
        "github.com/acme/lib@main",
        "github.com/acme/lib@feature",
        "github.com/acme/lib@nightly",
        "github.com/acme/lib/sub@v0.2.0",
        "github.com/acme/lib/sub@latest",
        "github.com/acme/lib/v2@v2.0.0",
        "github.com/acme/modv2/v2@latest",
        "github.com/acme/modv2/v2@main",
        "github.com/acme/modv2@v1.0.0",
        "github.com/acme/old@latest",
        "github.com/acme/old@v2.0.0+incompatible",
        "github.com/acme/old@v1.0.0",
        // Commits, by full and abbreviated hash (filled in from the fixture).
        "github.com/acme/lib@{LibUntagged}",
        "github.com/acme/lib@{LibFeature:12}",
        "github.com/acme/modv2/v2@{ModV2Untagged:7}",
    };

    private string Expand(string arg)
    {
        var open = arg.IndexOf('{');
        if (open < 0) return arg;
        var spec = arg[(open + 1)..arg.IndexOf('}')].Split(':');
        var hash = spec[0] switch
        {
            "LibUntagged" => repos.LibUntagged,
            "LibFeature" => repos.LibFeature,
            "ModV2Untagged" => repos.ModV2Untagged,
            _ => throw new ArgumentException(arg),
        };
        if (spec.Length > 1) hash = hash[..int.Parse(spec[1], System.Globalization.CultureInfo.InvariantCulture)];
        return arg[..open] + hash;
    }

    /// <summary>The version a query resolves to and the h1: hashes of its zip and go.mod equal go's.</summary>
    [GoTheory]
    [MemberData(nameof(Queries))]
    public async Task Query_resolves_to_gos_version_with_gos_hashes(string query)
    {
        var arg = Expand(query);
        using var tmp = new TempDirectory("vcsq");
        var main = MainModule(tmp);
        var go = GoModDownload(main, GoHome(tmp), arg);

        var (sandbox, downloader) = Ours("vcsq-ours");
        using (sandbox)
        using (downloader)
        {
            var (path, rev) = (arg[..arg.IndexOf('@')], arg[(arg.IndexOf('@') + 1)..]);
            var info = await ResolveAsync(downloader, main, path, rev);
            info.ShouldBe(go.Version, $"version of {arg}");
            var m = new ModuleVersion(path, info);
            var zip = await downloader.DownloadZipAsync(m);
            DirHash.HashZip(zip).ShouldBe(go.Sum, $"zip hash of {arg}");
            DirHash.HashGoMod(await downloader.GoModAsync(m)).ShouldBe(go.GoModSum, $"go.mod hash of {arg}");
            await downloader.StatAsync(m);
            File.ReadAllText(downloader.Cache.CachePath(m, "info")).ShouldBe(go.Info, $".info of {arg}");
        }
    }

    /// <summary>Resolves a query as go get does: through the module query layer over the downloader.</summary>
    private static async Task<string> ResolveAsync(ModuleDownloader downloader, string main, string path, string query)
    {
        var output = await GoGet.RunAsync(main, new DownloaderModuleSource(downloader), [path + "@" + query]);
        if (output.ExitCode != 0) throw new Xunit.Sdk.XunitException($"our go get {path}@{query} failed:\n{output.StdErr}");
        var goMod = output.GoMod ?? File.ReadAllText(Path.Combine(main, "go.mod"));
        File.WriteAllText(Path.Combine(main, "go.mod"), "module example.com/main\n\ngo 1.19\n");
        var line = goMod.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("require " + path + " ", StringComparison.Ordinal) || l.StartsWith(path + " ", StringComparison.Ordinal));
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields[0] == "require" ? fields[2] : fields[1];
    }

    public static TheoryData<string> Listed => new()
    {
        "github.com/acme/lib",
        "github.com/acme/lib/sub",
        "github.com/acme/lib/v2",
        "github.com/acme/modv2",
        "github.com/acme/modv2/v2",
        "github.com/acme/old",
    };

    /// <summary><c>go list -m -versions</c> (retracted versions hidden, +incompatible rules) equals go's.</summary>
    [GoTheory]
    [MemberData(nameof(Listed))]
    public async Task Versions_list_equals_gos(string path)
    {
        using var tmp = new TempDirectory("vcsl");
        var main = MainModule(tmp);
        var go = GoOracle.Run(main, GoHome(tmp), GoDirect, "list", "-m", "-versions", path).EnsureSuccess("go list -m -versions");

        var (sandbox, downloader) = Ours("vcsl-ours");
        using (sandbox)
        using (downloader)
        {
            var ours = await ModuleReports.ListAsync(main, new DownloaderModuleSource(downloader), [path],
                new ListOptions { Versions = true, Mvs = new LoadOptions() });
            (ours.StdErr + ours.StdOut).ShouldBe(go.StdErr + go.StdOut);
        }
    }
}
