using GoMod.Testing;

namespace GoMod.EndToEnd.Tests;

/// <summary>samples/hello builds offline with the packed SDK, and go itself accepts its proxy and go.sum.</summary>
[Collection(SdkCollection.Name)]
public sealed class SampleTests(SdkPackage sdk)
{
    [Fact]
    public void Sample_builds_offline_and_prints_its_modules()
    {
        using var dir = CopySample();
        File.WriteAllText(Path.Combine(dir.Path, "NuGet.config"), sdk.NuGetConfig);
        File.WriteAllText(Path.Combine(dir.Path, "global.json"), $$"""{ "msbuild-sdks": { "GoMod.Sdk": "{{sdk.Version}}" } }""");

        var build = Dotnet.Run(dir.Path, new Dictionary<string, string?> { ["GOMODCACHE"] = dir.Combine("gomodcache") }, "build", "-nologo");

        build.EnsureSuccess("dotnet build samples/hello");
        build.StdOut.ShouldContain("hello: main module example.com/hello");
        foreach (var m in new[] { "example.com/Shout v0.2.0", "example.com/greeting v1.1.0", "example.com/punct v1.1.0", "example.com/words v1.0.0" })
            build.StdOut.ShouldContain("hello: uses " + m);
    }

    [GoFact]
    public void Go_builds_the_sample_from_its_proxy_with_the_committed_go_sum()
    {
        using var dir = CopySample();
        using var home = new TempDirectory("gohome");

        var run = GoOracle.Run(dir.Path, home.Path, new Dictionary<string, string?>
        {
            ["GOPROXY"] = GoInputs.Proxy, ["GOFLAGS"] = "-mod=readonly -modcacherw", ["GONOSUMDB"] = "example.com",
        }, "run", ".");

        run.EnsureSuccess("go run . (samples/hello)");
        run.StdOut.ShouldBe("HELLO, GOPHERS!!\n");
    }

    private static TempDirectory CopySample()
    {
        var source = Repo.Combine("samples/hello");
        var target = new TempDirectory("sample");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(source, file);
            if (rel.Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj") continue;
            var dest = Path.Combine(target.Path, rel);
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest);
        }
        return target;
    }
}
