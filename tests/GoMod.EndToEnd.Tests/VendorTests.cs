using GoMod.Testing;
using static GoMod.EndToEnd.Tests.TestProject;

namespace GoMod.EndToEnd.Tests;

/// <summary>
/// vendor/ through <c>dotnet build</c>: <c>GoVendor=true</c> writes the tree go mod vendor writes, a second build rewrites
/// nothing, a build with vendor/ present runs in vendor mode with no proxy at all, and clean removes only a vendor/ the
/// SDK wrote.
/// </summary>
[Collection(SdkCollection.Name)]
public sealed class VendorTests(SdkPackage sdk)
{
    private const string MainGo = "package main\n\nimport (\n\tshout \"example.com/Shout\"\n\t\"example.com/greeting\"\n)\n\nfunc main() { println(shout.Loud(greeting.Hello(\"x\"))) }\n";

    [Fact]
    public void GoVendor_writes_vendor_then_a_vendor_mode_build_needs_no_proxy()
    {
        using var p = Standalone(sdk).WithModules();
        p.Write("main.go", MainGo);

        p.Dotnet(GoInputs.Env(), "build", "-p:GoVendor=true").EnsureSuccess("build with GoVendor=true");

        var vendor = p.Combine("vendor");
        var modulesTxt = File.ReadAllText(Path.Combine(vendor, "modules.txt"));
        modulesTxt.ShouldContain("# example.com/greeting v1.1.0\n## explicit; go 1.17\nexample.com/greeting\n");
        File.Exists(Path.Combine(vendor, "example.com", "greeting", "greeting.go")).ShouldBeTrue();
        if (GoOracle.Available)
        {
            // The same tree as go mod vendor's, from the module cache our build filled.
            var goCopy = p.Combine("gocopy");
            Directory.CreateDirectory(goCopy);
            foreach (var f in new[] { "go.mod", "go.sum", "main.go" }) File.Copy(p.Combine(f), Path.Combine(goCopy, f));
            using var home = new TempDirectory("gohome");
            GoOracle.Run(goCopy, home.Path, new Dictionary<string, string?> { ["GOPROXY"] = GoInputs.Proxy, ["GONOSUMDB"] = "*" }, "mod", "vendor")
                .EnsureSuccess("go mod vendor");
            Snapshot(Path.Combine(goCopy, "vendor")).ShouldBe(Snapshot(vendor));
        }

        // A second build rewrites nothing (timestamps stay).
        var stamp = new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        foreach (var f in Directory.EnumerateFiles(vendor, "*", SearchOption.AllDirectories)) File.SetLastWriteTimeUtc(f, stamp);
        // Another module cache is another restore: it loads the packages again and writes vendor/ again, same bytes.
        var (second, log) = p.DotnetWithLog(GoInputs.Env(), "build", "-p:GoVendor=true", $"-p:GoModCache={p.Combine("cache2")}");
        second.EnsureSuccess("second build with GoVendor=true");
        log.ShouldContain("Task \"GoModRestore\"");
        Directory.Exists(p.Combine("cache2")).ShouldBeTrue();
        Directory.EnumerateFiles(vendor, "*", SearchOption.AllDirectories).ShouldAllBe(f => File.GetLastWriteTimeUtc(f) == stamp);

        // vendor/ exists and go.mod says go 1.19: go's default is -mod=vendor; no proxy, no module cache needed.
        var offline = p.Dotnet(GoInputs.Env(("GOPROXY", "off"), ("GOMODCACHE", p.Combine("emptycache"))), "build");
        offline.EnsureSuccess("vendor-mode build with GOPROXY=off");
        var greeting = Modules(offline).Single(m => m[0] == "example.com/greeting");
        greeting[2].ShouldBe(Path.Combine(vendor, "example.com", "greeting"));
        // Nothing came into the module cache (go build, which GoBuild runs from vendor/, may create the directory itself).
        if (Directory.Exists(p.Combine("emptycache")))
            Directory.EnumerateFiles(p.Combine("emptycache"), "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".zip", StringComparison.Ordinal) || f.EndsWith(".mod", StringComparison.Ordinal) || f.EndsWith(".info", StringComparison.Ordinal))
                .ShouldBeEmpty();

        // Clean removes the vendor/ the SDK wrote.
        p.Dotnet(GoInputs.Env(), "clean", "-p:GoVendor=true").EnsureSuccess("clean");
        Directory.Exists(vendor).ShouldBeFalse();
    }

    [Fact]
    public void Clean_never_touches_a_hand_made_vendor()
    {
        using var p = Standalone(sdk).WithModules();
        p.Write("vendor/modules.txt", "# example.com/Shout v0.2.0\n## explicit\n# example.com/greeting v1.1.0\n## explicit\n" +
            "# example.com/punct v1.1.0\n## explicit\n# example.com/words v1.0.0\n## explicit\n");
        p.Write("vendor/example.com/greeting/mine.go", "package greeting\n");

        p.Dotnet(GoInputs.Env(("GOPROXY", "off")), "build").EnsureSuccess("vendor-mode build");
        p.Dotnet(GoInputs.Env(), "clean").EnsureSuccess("clean");

        File.Exists(p.Combine("vendor", "example.com", "greeting", "mine.go")).ShouldBeTrue();
        File.Exists(p.Combine("vendor", "modules.txt")).ShouldBeTrue();
    }

    [Fact]
    public void Vendor_mode_reports_inconsistent_vendoring_with_go_s_message()
    {
        using var p = Standalone(sdk).WithModules();
        p.Write("vendor/modules.txt", "# example.com/greeting v1.1.0\n## explicit\n");

        var build = p.Dotnet(GoInputs.Env(("GOPROXY", "off")), "build");

        build.ExitCode.ShouldNotBe(0);
        build.StdOut.ShouldContain("error GOMOD0402: inconsistent vendoring in " + p.Combine(""));
        build.StdOut.ShouldContain("example.com/Shout@v0.2.0: is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt");
    }

    private static List<string> Snapshot(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => Path.GetRelativePath(root, f) + " " + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))))
            .ToList();
}
