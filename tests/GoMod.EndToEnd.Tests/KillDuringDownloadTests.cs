using System.Diagnostics;
using GoMod.Testing;

namespace GoMod.EndToEnd.Tests;

/// <summary>
/// <c>kill -9</c> of a real <c>dotnet build</c> while it downloads modules (a throttled loopback proxy keeps every zip
/// in flight for seconds) leaves a module cache that the next build completes — cleaning the killed build's temporary
/// files — and that <c>go mod verify</c> accepts.
/// </summary>
[Collection(SdkCollection.Name)]
public sealed class KillDuringDownloadTests(SdkPackage sdk)
{
    private static readonly string[] Zips =
        ["example.com/!shout/@v/v0.2.0.zip", "example.com/greeting/@v/v1.1.0.zip", "example.com/punct/@v/v1.1.0.zip", "example.com/words/@v/v1.0.0.zip"];

    /// <summary>Starts <c>dotnet build</c> with the environment <see cref="Dotnet.Run(string, IReadOnlyDictionary{string, string?}?, string[])"/> uses.</summary>
    private static Process StartBuild(TestProject p, IReadOnlyDictionary<string, string?> extra)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = p.Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "build", p.ProjectFile, "-nologo" }) psi.ArgumentList.Add(a);
        foreach (var key in psi.Environment.Keys.ToList())
            if (key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || key.StartsWith("GO", StringComparison.Ordinal) ||
                key is "NUGET_PACKAGES" or "DOTNET_HOST_PATH" || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
                psi.Environment.Remove(key);
        psi.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        psi.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        psi.Environment["GOENV"] = "off";
        foreach (var (k, v) in extra) psi.Environment[k] = v;
        var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    [GoFact]
    public async Task Kill_9_mid_download_then_a_build_completes_the_cache_and_go_mod_verify_accepts_it()
    {
        using var p = TestProject.Standalone(sdk).WithModules();
        using var home = new TempDirectory("gohome");
        await using var proxy = new ThrottledProxy(Repo.Combine("samples/hello/proxy")) { ChunkBytes = 16, ChunkDelay = TimeSpan.FromMilliseconds(100) };
        var env = new Dictionary<string, string?> { ["GOMODCACHE"] = p.ModCache, ["GOPROXY"] = proxy.Url, ["GONOSUMDB"] = "example.com" };
        var download = Path.Combine(p.ModCache, "cache", "download");

        using (var build = StartBuild(p, env))
        {
            try
            {
                var started = await Task.WhenAny(proxy.ZipBodyStarted, build.WaitForExitAsync(), Task.Delay(TimeSpan.FromMinutes(3)));
                started.ShouldBe(proxy.ZipBodyStarted, "the build never started downloading a zip");
                await Task.Delay(300);
            }
            finally
            {
                build.Kill(entireProcessTree: true); // SIGKILL: no cleanup runs
                await build.WaitForExitAsync();
            }
            build.ExitCode.ShouldNotBe(0);
        }

        // The kill landed mid-download: zips are missing and the temporary files they were being written to remain.
        Zips.Select(z => Path.Combine(download, z)).ShouldContain(z => !File.Exists(z));
        Directory.EnumerateFiles(download, "*.zip*.tmp", SearchOption.AllDirectories).ShouldNotBeEmpty();

        proxy.Throttled = false;
        var again = p.Dotnet(env, "build");
        again.EnsureSuccess("dotnet build after kill -9");
        foreach (var m in TestProject.Modules(again))
            Directory.Exists(m[2]).ShouldBeTrue(string.Join("|", m));
        Zips.Select(z => Path.Combine(download, z)).ShouldAllBe(z => File.Exists(z));
        Directory.EnumerateFiles(download, "*.tmp", SearchOption.AllDirectories).ShouldBeEmpty("the next build removes the killed build's temporary files");

        GoOracle.Run(p.Directory, home.Path, new Dictionary<string, string?>
            {
                ["GOMODCACHE"] = p.ModCache, ["GOFLAGS"] = "-mod=mod", ["GOPROXY"] = "off",
            }, "mod", "verify")
            .EnsureSuccess("go mod verify after kill -9 and rebuild").StdOut.ShouldBe("all modules verified\n");
    }
}
