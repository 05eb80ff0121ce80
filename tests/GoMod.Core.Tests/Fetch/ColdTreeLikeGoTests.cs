using GoMod.Core.Fetch;
using GoMod.Core.Tests.Fetch.Infrastructure;
using GoMod.Testing;

namespace GoMod.Core.Tests.Fetch;

/// <summary>
/// The cold download's extraction (windowed reads, each directory made once and made read-only from its list, no walk)
/// leaves the tree go leaves: the same files with the same bytes and modes, the same directories with the same modes,
/// for a module whose zip order returns to directories after their subdirectories and holds entries larger than the
/// read window. Differential against <c>go mod download</c> into a second cache.
/// </summary>
public sealed class ColdTreeLikeGoTests
{
    private static TestModule Tree()
    {
        var random = new Random(21);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < 400; i++)
        {
            var dir = (i % 5) switch
            {
                0 => "",
                1 => $"a{i % 3}/",
                2 => $"a{i % 3}/b{i % 2}/",
                3 => $"a{i % 3}/b{i % 2}/c/d/",
                _ => $"internal/x{i % 4}/",
            };
            files[$"{dir}f{i}.go"] = $"package p\n\n// {random.Next()} {new string('x', random.Next(3000))}\n";
        }
        // Larger than the 256 KiB read window even compressed.
        files["data/large.txt"] = string.Concat(Enumerable.Range(0, 60_000).Select(_ => random.Next().ToString("x8") + "\n"));
        return new TestModule("example.com/tree", "v1.3.0", files);
    }

    [GoFact]
    public async Task A_cold_download_extracts_the_tree_go_extracts_with_the_same_file_and_directory_modes()
    {
        var module = Tree();
        using var box = new FetchSandbox();
        var proxy = ProxyContent.WriteTree(box.Dir.Combine("proxy"), [module]);
        box.Dir.Write("main/go.mod", "module example.com/main\n\ngo 1.17\n\nrequire example.com/tree v1.3.0\n");
        var goCache = box.Dir.Combine("go-cache");
        GoOracle.Run(box.Dir.Combine("main"), box.Dir.Path, new Dictionary<string, string?> { ["GOPROXY"] = proxy, ["GOMODCACHE"] = goCache, ["GOFLAGS"] = "" },
            "mod", "download", "example.com/tree").EnsureSuccess("go mod download");
        using (var d = new ModuleDownloader(box.Env(proxy), null, FetchSandbox.FastOptions))
        {
            var result = (await d.DownloadAsync([module.ModuleVersion], DownloadParts.Build)).Single();
            result.Error.ShouldBeNull();
            d.StoredZip(module.ModuleVersion).ShouldBeTrue("a cold download: the single-pass extraction ran");
        }

        var theirs = Snapshot(Path.Combine(goCache, "example.com", "tree@v1.3.0"));
        var ours = Snapshot(Path.Combine(box.ModCache, "example.com", "tree@v1.3.0"));
        theirs.Count.ShouldBeGreaterThan(400);
        ours.Keys.ShouldBe(theirs.Keys);
        foreach (var (name, (content, mode)) in theirs)
        {
            ours[name].Content.ShouldBe(content, name);
            ours[name].Mode.ShouldBe(mode, name);
        }
        MakeWritable(goCache);
        MakeWritable(box.ModCache);
    }

    /// <summary>Every file (content, mode) and directory (mode, the root as ".") of a tree.</summary>
    private static SortedDictionary<string, (byte[] Content, UnixFileMode Mode)> Snapshot(string root)
    {
        var result = new SortedDictionary<string, (byte[], UnixFileMode)>(StringComparer.Ordinal);
        if (OperatingSystem.IsWindows()) return result;
        result["."] = ([], new DirectoryInfo(root).UnixFileMode);
        foreach (var entry in new DirectoryInfo(root).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
            result[Path.GetRelativePath(root, entry.FullName)] = (entry is FileInfo f ? File.ReadAllBytes(f.FullName) : [], entry.UnixFileMode);
        return result;
    }

    private static void MakeWritable(string root)
    {
        if (OperatingSystem.IsWindows() || !Directory.Exists(root)) return;
        foreach (var d in Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories).Prepend(root))
            File.SetUnixFileMode(d, File.GetUnixFileMode(d) | UnixFileMode.UserWrite);
    }
}
