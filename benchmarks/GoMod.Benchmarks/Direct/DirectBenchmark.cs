using System.Diagnostics;
using System.Globalization;
using GoMod.Core.Fetch;
using GoMod.Core.GoEnv;
using GoMod.Core.ModGet;
using GoMod.Core.ModSource;
using GoMod.Core.Module;
using GoMod.Core.Tests.Vcs.Infrastructure;

namespace GoMod.Benchmarks.Direct;

/// <summary>
/// <c>direct [--modules N] [--files F] [--no-go]</c>: builds N git repositories (F files of ~4 KiB each, three tagged
/// releases), serves them with <c>git http-backend</c> on 127.0.0.1 as github.com/bench/mNN (a temporary
/// ~/.gitconfig rewrites https://github.com/ to the server), then, with empty module caches, times resolving
/// <c>@latest</c> for all of them and downloading them (info, mod, zip, extraction) in direct mode: ours
/// (<see cref="GoGet"/> then <see cref="ModuleDownloader.DownloadAsync(ModuleVersion, CancellationToken)"/>) against
/// <c>go get</c> + <c>go mod download</c>. One run each, as git's own work dominates.
/// </summary>
public static class DirectBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        int count = 20, files = 10;
        var runGo = true;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--modules": count = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--files": files = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--no-go": runGo = false; break;
                default:
                    Console.Error.WriteLine($"direct: unknown option {args[i]}");
                    return 2;
            }
        }
        var work = Path.Combine(Path.GetTempPath(), "gomod-bench-direct-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        try
        {
            var root = Path.Combine(work, "srv");
            var paths = new List<string>();
            var rnd = new Random(42);
            for (var m = 0; m < count; m++)
            {
                var name = $"m{m:D2}";
                var w = new GitWorkTree(Path.Combine(work, "w", name), new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.Zero));
                w.Write("go.mod", $"module github.com/bench/{name}\n\ngo 1.17\n");
                for (var release = 0; release < 3; release++)
                {
                    for (var f = 0; f < files; f++)
                    {
                        var text = new char[4096];
                        for (var c = 0; c < text.Length; c++) text[c] = (char)('a' + rnd.Next(26));
                        w.Write($"f{f}.go", $"package {name}\n\n// {new string(text)}\nconst F{f} = {release}\n");
                    }
                    w.Commit("release " + release);
                    w.Tag($"v1.{release}.0");
                }
                w.PushTo(Path.Combine(root, "bench", name));
                paths.Add("github.com/bench/" + name);
            }
            await using var server = new GitHttpServer(root);
            var home = Path.Combine(work, "home");
            Directory.CreateDirectory(home);
            File.WriteAllText(Path.Combine(home, ".gitconfig"), $"[url \"{server.Url}\"]\n\tinsteadOf = https://github.com/\n");
            var go = runGo ? FindGo() : null;
            Console.WriteLine($"direct: {count} git repositories x {files} files x 3 releases on {server.Url}, {Environment.ProcessorCount} cores" +
                              (go is null ? ", go not found" : $", {go}"));

            var ours = await OursAsync(work, home, paths);
            Console.WriteLine($"ours  (GoGet @latest + download, in process): {ours,8:F0} ms");
            if (go is not null)
            {
                var goMs = GoRun(go, work, home, paths);
                Console.WriteLine($"go    (go get @latest + go mod download):      {goMs,8:F0} ms");
                Console.WriteLine($"ratio go/ours: {goMs / ours:F2}x");
            }
            return 0;
        }
        finally
        {
            foreach (var d in Directory.EnumerateDirectories(work, "*", SearchOption.AllDirectories))
                if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(d, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            Directory.Delete(work, recursive: true);
        }
    }

    private static string NewMain(string work, string name)
    {
        var main = Path.Combine(work, name);
        Directory.CreateDirectory(main);
        File.WriteAllText(Path.Combine(main, "go.mod"), "module example.com/main\n\ngo 1.17\n");
        return main;
    }

    private static async Task<double> OursAsync(string work, string home, List<string> paths)
    {
        var main = NewMain(work, "ours-main");
        var env = GoEnvironment.FromVariables(new Dictionary<string, string?>
        {
            ["HOME"] = home,
            ["GOENV"] = "off",
            ["GOPATH"] = Path.Combine(work, "ours-gopath"),
            ["GOPROXY"] = "direct",
            ["GOSUMDB"] = "off",
        });
        var sw = Stopwatch.StartNew();
        using var downloader = new ModuleDownloader(env);
        var get = await GoGet.RunAsync(main, new DownloaderModuleSource(downloader), [.. paths.Select(p => p + "@latest")]);
        if (get.ExitCode != 0) throw new InvalidOperationException("our go get failed: " + get.StdErr);
        var versions = get.GoMod!.Split('\n').Select(l => l.Trim().Split(' ')).Where(f => f.Length >= 2 && f[0].StartsWith("github.com/bench/", StringComparison.Ordinal))
            .Select(f => new ModuleVersion(f[0], f[1])).ToList();
        if (versions.Count != paths.Count) throw new InvalidOperationException("our go get resolved " + versions.Count + " modules");
        await Task.WhenAll(versions.Select(m => downloader.DownloadAsync(m)));
        return sw.Elapsed.TotalMilliseconds;
    }

    private static double GoRun(string go, string work, string home, List<string> paths)
    {
        var main = NewMain(work, "go-main");
        var gopath = Path.Combine(work, "go-gopath");
        var sw = Stopwatch.StartNew();
        Run(go, main, home, gopath, ["get", .. paths.Select(p => p + "@latest")]);
        Run(go, main, home, gopath, ["mod", "download", "all"]);
        return sw.Elapsed.TotalMilliseconds;
    }

    private static void Run(string go, string dir, string home, string gopath, string[] args)
    {
        var psi = new ProcessStartInfo(go) { WorkingDirectory = dir, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["HOME"] = home;
        psi.Environment["GOPATH"] = gopath;
        psi.Environment["GOMODCACHE"] = Path.Combine(gopath, "pkg", "mod");
        psi.Environment["GOCACHE"] = Path.Combine(gopath, "gocache");
        psi.Environment["GOPROXY"] = "direct";
        psi.Environment["GOSUMDB"] = "off";
        psi.Environment["GOFLAGS"] = "-modcacherw";
        psi.Environment["GOTOOLCHAIN"] = "local";
        psi.Environment["GOENV"] = "off";
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"go {string.Join(' ', args)} failed: {err.Result}");
    }

    private static string? FindGo()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
            if (dir.Length > 0 && File.Exists(Path.Combine(dir, "go"))) return Path.Combine(dir, "go");
        return null;
    }
}
