using GoMod.Testing;

namespace GoMod.EndToEnd.Tests;

/// <summary>
/// <c>dotnet build -t:GoModInit</c> creates the go.mod that go 1.19's <c>go mod init</c> creates for the same
/// directory and proxy, converting a glide.lock's pins (a commit, a tag of a package below its module's root, a pin
/// no proxy has), and refuses to replace an existing go.mod.
/// </summary>
[Collection(SdkCollection.Name)]
public sealed class ModInitTests(SdkPackage sdk) : IDisposable
{
    private const string Commit = "abcdefabcdef0123456789abcdefabcdef012345";
    private const string Pseudo = "v0.0.0-20190102030405-abcdefabcdef";

    private const string GlideLock = $"""
        hash: 0
        imports:
        - name: example.net/lib
          version: {Commit}
        - name: example.net/tagged/sub
          version: v1.2.0
        - name: example.net/missing
          version: 1111111111111111111111111111111111111111

        """;

    private readonly TempDirectory _proxy = CreateProxy();

    public void Dispose() => _proxy.Dispose();

    private string Proxy => "file://" + _proxy.Path.Replace('\\', '/');

    private static TempDirectory CreateProxy()
    {
        using var src = new TempDirectory("init-src");
        src.Write($"example.net/lib@{Pseudo}/go.mod", "module example.net/lib\n");
        src.Write($"example.net/lib@{Pseudo}/lib.go", "package lib\n");
        src.Write("example.net/tagged@v1.2.0/go.mod", "module example.net/tagged\n\ngo 1.16\n");
        src.Write("example.net/tagged@v1.2.0/sub/sub.go", "package sub\n");
        var proxy = new TempDirectory("init-proxy");
        SampleProxy.Write(src.Path, proxy.Path);
        // What a proxy answers for the commit: its pseudo-version.
        File.WriteAllText(proxy.Combine("example.net", "lib", "@v", Commit + ".info"), $"{{\"Version\":\"{Pseudo}\",\"Time\":\"2019-01-02T03:04:05Z\"}}");
        return proxy;
    }

    private Dictionary<string, string?> Env() => new() { ["GOPROXY"] = Proxy, ["GONOSUMDB"] = "example.net" };

    [GoFact]
    public void GoModInit_converts_glide_lock_as_go_mod_init_does_and_keeps_an_existing_go_mod()
    {
        using var p = TestProject.Standalone(sdk, body: "");
        using var goCopy = new TempDirectory("gocopy");
        using var home = new TempDirectory("gohome");
        p.Write("glide.lock", GlideLock);
        p.Write("main.go", "package main\n");
        File.WriteAllText(goCopy.Combine("glide.lock"), GlideLock);
        File.WriteAllText(goCopy.Combine("main.go"), "package main\n");

        var init = p.Dotnet(Env(), "build", "-t:GoModInit", "-p:GoModulePath=example.com/inited");
        var go = GoOracle.Run(goCopy.Path, home.Path, new Dictionary<string, string?>
        {
            ["GOMODCACHE"] = home.Combine("modcache"), ["GOPROXY"] = Proxy, ["GONOSUMDB"] = "example.net",
        }, "mod", "init", "example.com/inited");

        go.EnsureSuccess("go mod init");
        init.EnsureSuccess("dotnet build -t:GoModInit");
        var goMod = File.ReadAllText(goCopy.Combine("go.mod"));
        goMod.ShouldContain($"example.net/lib {Pseudo}");
        goMod.ShouldContain("example.net/tagged v1.2.0");
        File.ReadAllText(p.Combine("go.mod")).ShouldBe(goMod);
        File.Exists(p.Combine("go.sum")).ShouldBe(File.Exists(goCopy.Combine("go.sum")));
        foreach (var line in go.StdErr.Split('\n').Where(l => l.StartsWith("go: ", StringComparison.Ordinal) && !l.StartsWith("go: downloading ", StringComparison.Ordinal)))
            init.StdOut.ShouldContain(line.Replace(goCopy.Path, p.Directory));
        init.StdOut.ShouldContain("go: copying requirements from glide.lock");
        init.StdOut.ShouldNotContain("error GOMOD");

        // Again: go.mod exists now, which go mod init refuses; the file is left as it is.
        var again = p.Dotnet(Env(), "build", "-t:GoModInit", "-p:GoModulePath=example.com/other");
        again.ExitCode.ShouldNotBe(0);
        again.StdOut.ShouldContain($"error GOMOD0020: {p.Combine("go.mod")} already exists");
        File.ReadAllText(p.Combine("go.mod")).ShouldBe(goMod);
    }
}
