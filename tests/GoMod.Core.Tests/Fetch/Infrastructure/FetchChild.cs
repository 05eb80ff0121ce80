using GoMod.Testing;
using System.Diagnostics;
using GoMod.Core.Tests.Fetch.Infrastructure;

namespace GoMod.Core.Tests.Fetch.Infrastructure;

/// <summary>
/// Runs our downloader in a separate process: the benchmark app's <c>fetch</c> command (built with the tests), so that
/// tests can kill it mid-download or run several at once against one cache.
/// </summary>
public static class FetchChild
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "GoMod.Benchmarks.dll");

    public static string DotNet =>
        Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self
        : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : "dotnet";

    public static List<string> Arguments(string proxy, string modCache, string? goSum, IEnumerable<TestModule> modules, params string[] extra)
    {
        var args = new List<string> { Dll, "fetch", "--proxy", proxy, "--modcache", modCache };
        if (goSum is not null) args.AddRange(["--gosum", goSum, "--mode", "mod"]);
        args.AddRange(extra);
        args.AddRange(modules.Select(m => m.ToString()));
        return args;
    }

    public static ProcessResult Run(string proxy, string modCache, string? goSum, IEnumerable<TestModule> modules, params string[] extra) =>
        ProcessRunner.Run(DotNet, Arguments(proxy, modCache, goSum, modules, extra), AppContext.BaseDirectory, timeout: TimeSpan.FromMinutes(2));

    public static Process Start(string proxy, string modCache, string? goSum, IEnumerable<TestModule> modules, params string[] extra)
    {
        var psi = new ProcessStartInfo(DotNet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in Arguments(proxy, modCache, goSum, modules, extra)) psi.ArgumentList.Add(a);
        var p = Process.Start(psi)!;
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }
}
