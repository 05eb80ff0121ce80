using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using GoMod.Testing;
using GoMod.Core.Sum;

namespace GoMod.Core.Tests.Sum;

public class DirHashTests
{
    private static byte[] B(string s) => Encoding.UTF8.GetBytes(s);

    /// <summary>The summary rule written out directly: hex(sha256) two spaces name newline, in the given order.</summary>
    private static string Expected(params (string Name, byte[] Content)[] filesInOrder)
    {
        var sb = new StringBuilder();
        foreach (var (name, content) in filesInOrder)
            sb.Append(Convert.ToHexStringLower(SHA256.HashData(content))).Append("  ").Append(name).Append('\n');
        return "h1:" + Convert.ToBase64String(SHA256.HashData(B(sb.ToString())));
    }

    [Fact]
    public void Hash1_is_sha256_of_the_summary_of_sorted_names()
    {
        var files = new Dictionary<string, byte[]> { ["b"] = B("second"), ["a/x"] = B("first"), ["a"] = [] };
        var h = DirHash.Hash1(files.Keys, n => new MemoryStream(files[n]));
        h.ShouldBe(Expected(("a", []), ("a/x", B("first")), ("b", B("second"))));
    }

    [Fact]
    public void Hash1_sorts_names_by_utf8_bytes_not_utf16_code_units()
    {
        // U+FF21 is EF BC A1 in UTF-8 and sorts before U+1F600 (F0 9F 98 80); in UTF-16 the surrogate D83D sorts first.
        var fullwidth = "\uFF21";
        var emoji = "\U0001F600";
        var files = new Dictionary<string, byte[]> { [emoji] = B("e"), [fullwidth] = B("f") };
        DirHash.Hash1(files.Keys, n => new MemoryStream(files[n]))
            .ShouldBe(Expected((fullwidth, B("f")), (emoji, B("e"))));
    }

    [Fact]
    public void Hash1_refuses_names_with_newlines()
    {
        var ex = Should.Throw<InvalidDataException>(() => DirHash.Hash1(["ok", "bad\nname"], _ => new MemoryStream()));
        ex.Message.ShouldBe("dirhash: filenames with newlines are not supported");
    }

    [Fact]
    public void Hash1_disposes_each_stream_it_opens()
    {
        var opened = new List<MemoryStream>();
        DirHash.Hash1(["a", "b"], _ => { var m = new MemoryStream([1, 2]); opened.Add(m); return m; });
        opened.Count.ShouldBe(2);
        opened.ShouldAllBe(m => !m.CanRead);
    }

    [Fact]
    public void The_known_bad_go_sum_hash_is_the_hash_of_an_empty_go_mod()
    {
        DirHash.HashGoMod([]).ShouldBe(GoSumFile.EmptyGoModHash);
    }

    [Fact]
    public void HashGoMod_names_the_single_file_go_mod()
    {
        var content = B("module example.com/m\n\ngo 1.19\n");
        DirHash.HashGoMod(content).ShouldBe(Expected(("go.mod", content)));
        DirHash.HashGoMod(new MemoryStream(content)).ShouldBe(DirHash.HashGoMod(content));
    }

    [Fact]
    public void HashZip_ignores_compression_order_and_timestamps()
    {
        using var tmp = new TempDirectory("dirhash");
        var entries = new List<KeyValuePair<string, byte[]>>
        {
            new("m@v1.0.0/go.mod", B("module m\n")),
            new("m@v1.0.0/a/b.go", B("package b\n")),
            new("m@v1.0.0/empty", []),
            new("m@v1.0.0/big.bin", RandomNumberGenerator.GetBytes(300_000)),
        };
        var stored = tmp.Combine("stored.zip");
        var deflated = tmp.Combine("deflated.zip");
        FileProxy.WriteZip(stored, entries, CompressionLevel.NoCompression);
        FileProxy.WriteZip(deflated, Enumerable.Reverse(entries), CompressionLevel.SmallestSize);

        var expected = Expected(entries.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => (e.Key, e.Value)).ToArray());
        DirHash.HashZip(stored).ShouldBe(expected);
        DirHash.HashZip(deflated).ShouldBe(expected);
    }

    [Fact]
    public void HashZip_hashes_every_copy_of_a_repeated_name_with_the_last_copy()
    {
        using var tmp = new TempDirectory("dirhash");
        var zip = tmp.Combine("dup.zip");
        FileProxy.WriteZip(zip, [new("m@v1.0.0/x", B("first")), new("m@v1.0.0/x", B("last")), new("m@v1.0.0/y", B("y"))]);
        DirHash.HashZip(zip).ShouldBe(Expected(("m@v1.0.0/x", B("last")), ("m@v1.0.0/x", B("last")), ("m@v1.0.0/y", B("y"))));
    }

    [Fact]
    public void HashZip_refuses_an_entry_whose_crc_does_not_match_its_content()
    {
        using var tmp = new TempDirectory("dirhash");
        var zip = tmp.Combine("crc.zip");
        FileProxy.WriteZip(zip, [new("m@v1.0.0/file.txt", B("hello, world"))], CompressionLevel.NoCompression);
        var bytes = File.ReadAllBytes(zip);
        var at = bytes.AsSpan().IndexOf("hello, world"u8);
        bytes[at] ^= 0x20; // same size, different content: only the CRC can tell
        File.WriteAllBytes(zip, bytes);

        var ex = Should.Throw<InvalidDataException>(() => DirHash.HashZip(zip));
        ex.Message.ShouldContain("checksum error");
        ex.Message.ShouldContain("m@v1.0.0/file.txt");
    }

    [Fact]
    public void HashDir_names_files_under_the_prefix_like_the_zip_it_mirrors()
    {
        using var tmp = new TempDirectory("dirhash");
        tmp.Write("tree/go.mod", "module m\n");
        tmp.Write("tree/sub/dir/x.go", "package dir\n");
        tmp.Write("tree/.hidden", "");
        var zip = tmp.Combine("m.zip");
        FileProxy.WriteZip(zip, [
            new("m@v1.0.0/go.mod", B("module m\n")),
            new("m@v1.0.0/sub/dir/x.go", B("package dir\n")),
            new("m@v1.0.0/.hidden", []),
        ]);
        DirHash.HashDir(tmp.Combine("tree"), "m@v1.0.0").ShouldBe(DirHash.HashZip(zip));
    }

    [Fact]
    public void HashZip_in_parallel_equals_HashZip_in_sequence()
    {
        using var tmp = new TempDirectory("dirhash");
        var zip = tmp.Combine("many.zip");
        FileProxy.WriteZip(zip, Enumerable.Range(0, 200).Select(i => new KeyValuePair<string, byte[]>($"m@v1.0.0/f{i}", B(new string('x', i * 37)))));
        DirHash.HashZip(zip, 1, default).ShouldBe(DirHash.HashZip(zip, 2, default));
    }

    [GoFact]
    public void Go_mod_download_reports_the_same_h1_for_zips_go_mod_files_and_extracted_dirs()
    {
        using var tmp = new TempDirectory("dirhash-go");
        var proxy = new FileProxy(tmp.Combine("proxy"));
        var modules = new List<(string Path, string Version, string GoMod)>();

        void Add(string path, string version, Dictionary<string, byte[]> files, CompressionLevel level)
        {
            var goMod = $"module {path}\n\ngo 1.16\n";
            files.TryAdd("go.mod", B(goMod));
            proxy.Add(path, version, goMod, files, level);
            modules.Add((path, version, goMod));
        }

        Add("example.com/plain", "v1.0.0", new() { ["a.go"] = B("package a\n"), ["sub/b.go"] = B("package sub\n") }, CompressionLevel.Optimal);
        Add("example.com/stored", "v1.2.3", new() { ["LICENSE"] = B("license text\n"), ["data/empty.txt"] = [] }, CompressionLevel.NoCompression);
        Add("example.com/Upper/Case", "v0.1.0-rc.1", new()
        {
            ["README.md"] = B("# readme\n"),
            ["docs/日本語.txt"] = B("unicode letters are allowed in file names\n"),
            ["A-B.txt"] = B("dash"), ["a.b"] = B("dot"), ["a/b"] = B("slash"), ["Z"] = B("upper"),
            ["bin/random.dat"] = RandomNumberGenerator.GetBytes(1 << 20),
        }, CompressionLevel.SmallestSize);
        Add("example.com/major/v2", "v2.0.1", new() { ["x.go"] = B("package major\n") }, CompressionLevel.Fastest);

        var main = tmp.Combine("main");
        Directory.CreateDirectory(main);
        File.WriteAllText(Path.Combine(main, "go.mod"),
            "module example.com/main\n\ngo 1.19\n\nrequire (\n" + string.Concat(modules.Select(m => $"\t{m.Path} {m.Version}\n")) + ")\n");

        var (downloaded, process) = GoDownload.Run(main, tmp.Combine("home"), proxy, modules.Select(m => $"{m.Path}@{m.Version}").ToArray());
        process.EnsureSuccess("go mod download");
        downloaded.Count.ShouldBe(modules.Count);
        foreach (var m in modules)
        {
            var d = downloaded.Single(x => x.Path == m.Path);
            d.Error.ShouldBeNull();
            DirHash.HashZip(proxy.ZipPath(m.Path, m.Version)).ShouldBe(d.Sum, m.Path);
            DirHash.HashZip(d.Zip!).ShouldBe(d.Sum, m.Path);
            DirHash.HashGoMod(File.ReadAllBytes(proxy.ModPath(m.Path, m.Version))).ShouldBe(d.GoModSum, m.Path);
            DirHash.HashDir(d.Dir!, $"{m.Path}@{m.Version}").ShouldBe(d.Sum, m.Path);
        }
    }
}
