using System.Security.Cryptography;
using GoMod.Core.Tests.Fetch.Infrastructure;
using GoMod.Testing;

namespace GoMod.Core.Tests.Vendor;

/// <summary>
/// vendor/ depends on go.mod and go.sum only: two <c>GoVendor=true</c> restores of the same main module, in different
/// directories, with different module caches, in processes running under umask 022 and 077, give trees identical in
/// paths, bytes and modes (and modules.txt holds no absolute path).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class VendorReproducibilityTests
{
    [GoFact]
    public async Task Two_restores_in_other_directories_under_umask_022_and_077_give_identical_trees()
    {
        var scenario = VendorScenarios.Text("replacement_directory_with_embed_and_license_levels")
            .Replace("-- main.go --\npackage main\n\nimport (\n", "-- main.go --\npackage main\n\nimport (\n\t_ \"example.com/emb\"\n\t_ \"example.com/lic/x/y/z\"\n")
            .Replace("require (\n", "require (\n\texample.com/emb v1.0.0\n\texample.com/lic v1.0.0\n")
            + Modules("embed_patterns_files_globs_and_directories") + Modules("subpackage_with_licenses_at_every_level");
        await using var run = new VendorOracleRun(scenario);
        var a = run.Scratch("first/main");
        var b = run.Scratch("second/deeper/main");
        VendorOracleRun.CopyTree(run.OurMain, a);
        VendorOracleRun.CopyTree(run.OurMain, b);
        // The replacement ../lr must resolve from both copies.
        VendorOracleRun.CopyTree(run.Scratch("lr"), run.Scratch("first/lr"));
        VendorOracleRun.CopyTree(run.Scratch("lr"), run.Scratch("second/deeper/lr"));

        RestoreUnder("022", a, run.ProxyUrl, run.Scratch("cache-a"));
        RestoreUnder("077", b, run.ProxyUrl, run.Scratch("cache-b"));

        var treeA = Hashes(Path.Combine(a, "vendor"));
        treeA.Count.ShouldBeGreaterThan(20);
        Hashes(Path.Combine(b, "vendor")).ShouldBe(treeA);
        File.ReadAllText(Path.Combine(a, "vendor", "modules.txt")).ShouldNotContain(run.Scratch(""));
    }

    /// <summary>The dependency sections of a scenario (everything after its main module's files).</summary>
    private static string Modules(string name)
    {
        var text = VendorScenarios.Text(name);
        var at = text.IndexOf("-- example.com/", StringComparison.Ordinal);
        return text[at..];
    }

    private static void RestoreUnder(string umask, string main, string proxy, string modCache)
    {
        var command = $"umask {umask} && exec \"$0\" \"$@\"";
        var result = ProcessRunner.Run("sh", ["-c", command, FetchChild.DotNet, FetchChild.Dll, "vendor-restore",
            "--mod", Path.Combine(main, "go.mod"), "--proxy", proxy, "--modcache", modCache], AppContext.BaseDirectory, timeout: TimeSpan.FromMinutes(3));
        result.EnsureSuccess($"vendor-restore under umask {umask}");
    }

    /// <summary>Relative path → mode and content hash, for every file and directory.</summary>
    private static SortedDictionary<string, string> Hashes(string root)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in new DirectoryInfo(root).EnumerateFileSystemInfos("*", SearchOption.AllDirectories).Append(new DirectoryInfo(root)))
        {
            var rel = Path.GetRelativePath(root, e.FullName);
            var mode = Convert.ToString((int)File.GetUnixFileMode(e.FullName), 8);
            result[rel] = e is FileInfo f ? mode + " " + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f.FullName))) : mode + " dir";
        }
        return result;
    }
}
