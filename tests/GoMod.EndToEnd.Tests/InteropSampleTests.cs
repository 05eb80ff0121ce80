using GoMod.Testing;

namespace GoMod.EndToEnd.Tests;

/// <summary>
/// samples/interop as a user gets it: the solution builds offline with the packed SDK, go builds the Go project as a
/// C shared library from modules the SDK restored, the reference copies it beside the C# app, and the app calls it.
/// </summary>
[Collection(SdkCollection.Name)]
public sealed class InteropSampleTests(SdkPackage sdk)
{
    [GoFact]
    public void The_interop_sample_builds_and_its_CSharp_app_calls_the_exported_Go_function()
    {
        using var dir = new TempDirectory("interop");
        // The layout of the repository's samples/: interop's Go project reads its modules from ../../hello/proxy.
        Copy(Repo.Combine("samples/interop"), dir.Combine("interop"));
        Copy(Repo.Combine("samples/hello/proxy"), dir.Combine("hello", "proxy"));
        File.WriteAllText(dir.Combine("interop", "NuGet.config"), sdk.NuGetConfig);
        File.WriteAllText(dir.Combine("interop", "global.json"), $$"""{ "msbuild-sdks": { "GoMod.Sdk": "{{sdk.Version}}" } }""");
        var env = new Dictionary<string, string?> { ["GOMODCACHE"] = null };

        var build = Dotnet.Run(dir.Combine("interop"), env, "build", "interop.slnx", "-nologo");

        build.EnsureSuccess("dotnet build samples/interop");
        var appDir = dir.Combine("interop", "app", "bin", "Debug", "net10.0");
        File.Exists(Path.Combine(appDir, "libgreet.so")).ShouldBeTrue(build.StdOut);
        Directory.Exists(dir.Combine("interop", "golib", "obj", "gomodcache", "cache", "download", "example.com", "greeting")).ShouldBeTrue();
        var run = ProcessRunner.Run("dotnet", [Path.Combine(appDir, "app.dll"), "gophers"], appDir, null);
        run.EnsureSuccess("the interop app");
        run.StdOut.ShouldBe("C# got from Go: HELLO, GOPHERS!!\n");
    }

    private static void Copy(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(source, file);
            if (rel.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj")) continue;
            var dest = Path.Combine(target, rel);
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest);
        }
    }
}
