using System.IO.Compression;
using System.Text;
using GoMod.Core.Module;
using GoMod.Core.Sum;
using GoMod.Core.Zip;
using GoMod.Testing;

namespace GoMod.Core.Tests.Zip;

/// <summary>
/// The single-pass extraction reads a zip in large windows (issue 15: a cold restore read the corpus's zips in ~950-byte
/// reads, one for each local header and one for each small entry's data): a module of many small entries costs a few
/// reads of the file, counted by the reader itself, and every byte, hash and failure is what the per-entry reader gives.
/// Directories are created once each (a repeated creation fails on Unix, as <c>mkdir</c> refuses an existing path).
/// </summary>
public sealed class WindowedExtractionTests
{
    private static readonly ModuleVersion M = new("example.com/many", "v1.0.0");
    private static readonly string P = M.Path + "@" + M.Version + "/";

    /// <summary>Deterministic Go-like text of about <paramref name="size"/> bytes.</summary>
    private static string Text(Random random, int size)
    {
        var sb = new StringBuilder("package p\n\n");
        while (sb.Length < size) sb.Append("// line ").Append(random.Next()).Append(" of some source text\nfunc F").Append(random.Next()).Append("() {}\n");
        return sb.ToString();
    }

    /// <summary>A module directory of <paramref name="count"/> small files spread over nested directories that the zip order revisits.</summary>
    private static Dictionary<string, string> ManyFiles(int count)
    {
        var random = new Random(15);
        var files = new Dictionary<string, string>(StringComparer.Ordinal) { ["go.mod"] = "module " + M.Path + "\n" };
        for (var i = 0; i < count; i++)
        {
            var dir = (i % 7) switch
            {
                0 => "",
                1 => $"a{i % 5}/",
                2 => $"a{i % 5}/b{i % 3}/",
                3 => $"a{i % 5}/b{i % 3}/c{i % 2}/",
                4 => $"z/y/x{i % 4}/",
                5 => $"a{i % 5}/zz/",
                _ => $"internal/p{i % 9}/",
            };
            files[$"{dir}f{i}.go"] = Text(random, 200 + random.Next(1800));
        }
        return files;
    }

    private static string WriteModuleZip(TempDirectory tmp, IReadOnlyDictionary<string, string> files)
    {
        var src = tmp.Combine("src");
        foreach (var (name, content) in files) tmp.Write(Path.Combine("src", name), content);
        var zip = tmp.Combine("m.zip");
        using (var s = File.Create(zip)) ModuleZip.Create(s, M, src);
        return zip;
    }

    private static void ShouldHoldExactly(string root, IReadOnlyDictionary<string, string> files)
    {
        var found = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/')).Order(StringComparer.Ordinal).ToList();
        found.ShouldBe(files.Keys.Order(StringComparer.Ordinal).ToList());
        foreach (var (name, content) in files) File.ReadAllText(Path.Combine(root, name)).ShouldBe(content, name);
    }

    [Fact]
    public void A_module_of_thousands_of_small_entries_is_read_in_a_few_window_sized_reads()
    {
        using var tmp = new TempDirectory("window");
        var files = ManyFiles(3000);
        var zipFile = WriteModuleZip(tmp, files);
        ZipReader? reader = null;
        var target = tmp.Combine("out");
        using (var unzip = HashedUnzip.Extract(target, M, zipFile, checkFirst: r => reader = r))
        {
            unzip.Hash.ShouldBe(DirHash.HashZip(zipFile));
            unzip.TryPublish().ShouldBeTrue();
        }
        ShouldHoldExactly(target, files);

        var entries = reader!.Entries.Count;
        var length = new FileInfo(zipFile).Length;
        // Each load of the window starts at a local header and serves every entry that ends inside it; the largest
        // entry here is under 4 KiB, so each read moves at least Size - 4 KiB on.
        var bound = length / (ZipWindow.Size - 4096) + 2;
        reader.Reads.ShouldBeLessThanOrEqualTo(bound, $"{entries} entries, {length} bytes");
        reader.Reads.ShouldBeLessThan(entries / 50, "per-entry reads cost one or two reads an entry");
    }

    [Fact]
    public void Without_a_window_each_entry_costs_its_own_reads()
    {
        // The reader's count is real: reading the same entries one by one costs a read or more each.
        using var tmp = new TempDirectory("nowindow");
        var zipFile = WriteModuleZip(tmp, ManyFiles(300));
        using var zip = ZipReader.Open(zipFile);
        foreach (var e in zip.Entries)
        {
            using var s = zip.OpenEntry(e);
            s.CopyTo(Stream.Null);
        }
        zip.Reads.ShouldBeGreaterThanOrEqualTo(zip.Entries.Count);
    }

    [Fact]
    public void Entries_larger_than_the_window_stored_entries_and_data_descriptors_read_the_same_through_the_window()
    {
        using var tmp = new TempDirectory("window-large");
        var random = new Random(3);
        var large = new byte[3 * ZipWindow.Size + 12345];
        random.NextBytes(large); // incompressible: its compressed data spans several windows
        var contents = new List<(string Name, byte[] Data, CompressionLevel Level)>
        {
            ("go.mod", Encoding.UTF8.GetBytes("module " + M.Path + "\n"), CompressionLevel.Optimal),
        };
        for (var i = 0; i < 200; i++)
            contents.Add(($"small/s{i:D3}.go", Encoding.UTF8.GetBytes(Text(random, 100 + random.Next(3000))), i % 3 == 0 ? CompressionLevel.NoCompression : CompressionLevel.Fastest));
        contents.Insert(77, ("big/large.bin", large, CompressionLevel.Fastest));
        contents.Insert(150, ("big/text.txt", Encoding.UTF8.GetBytes(Text(random, 900_000)), CompressionLevel.Optimal));

        var zipFile = tmp.Combine("m.zip");
        // Written to a stream that cannot seek back, every entry gets a data descriptor after its data.
        using (var file = File.Create(zipFile))
        using (var forwardOnly = new ForwardOnly(file))
        using (var archive = new ZipArchive(forwardOnly, ZipArchiveMode.Create))
        {
            foreach (var (name, data, level) in contents)
            {
                using var s = archive.CreateEntry(P + name, level).Open();
                s.Write(data);
            }
        }
        using (var check = ZipReader.Open(zipFile))
        {
            check.Entries.ShouldAllBe(e => e.HasDataDescriptor);
            check.Entries.Count(e => e.Method == 0).ShouldBeGreaterThan(0);
        }

        var target = tmp.Combine("out");
        ZipReader? reader = null;
        using (var unzip = HashedUnzip.Extract(target, M, zipFile, checkFirst: r => reader = r))
        {
            unzip.Hash.ShouldBe(DirHash.HashZip(zipFile), "the windowed pass hashes what the per-entry reader reads");
            unzip.TryPublish().ShouldBeTrue();
        }
        foreach (var (name, data, _) in contents) File.ReadAllBytes(Path.Combine(target, name)).ShouldBe(data, name);
        reader!.Reads.ShouldBeLessThan(contents.Count / 4);
    }

    [Fact]
    public void A_corrupt_small_entry_inside_a_window_fails_the_extraction_and_leaves_nothing()
    {
        using var tmp = new TempDirectory("window-crc");
        var entries = new List<RawEntry> { new(P + "go.mod", "module " + M.Path + "\n") };
        for (var i = 0; i < 50; i++) entries.Add(new RawEntry(P + $"d/f{i:D2}.go", $"package d // {i}\n") { Crc = i == 31 ? 12345u : null });
        var zipFile = tmp.Combine("m.zip");
        RawZip.Write(zipFile, entries);

        var target = tmp.Combine("cache", "out");
        var e = Should.Throw<ModuleZipException>(() => HashedUnzip.Extract(target, M, zipFile));
        e.Message.ShouldContain("checksum error in file " + P + "d/f31.go");
        Directory.Exists(target).ShouldBeFalse();
        Directory.EnumerateFileSystemEntries(tmp.Combine("cache")).ShouldBeEmpty("the temporary tree is removed");
    }

    [Fact]
    public void Each_directory_is_created_once_parents_first_however_often_the_entries_return_to_it()
    {
        using var tmp = new TempDirectory("dirs");
        var dirs = new ExtractedDirectories(tmp.Path);
        foreach (var file in new[] { "go.mod", "a/b/c/x.go", "a/y.go", "a/b/z.go", "a/b/c/w.go", "d/e/f/g.go", "a/q.go", "d/e/h.go" })
            dirs.EnsureParentOf(file); // on Unix a second mkdir of a directory would throw
        dirs.Created.ShouldBe(["a", "a/b", "a/b/c", "d", "d/e", "d/e/f"]);
        foreach (var d in dirs.Created) Directory.Exists(Path.Combine(tmp.Path, d)).ShouldBeTrue(d);
        if (OperatingSystem.IsWindows()) return;

        dirs.MakeReadOnly(tmp.Path);
        var writeBits = UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;
        foreach (var d in dirs.Created.Append(""))
            (File.GetUnixFileMode(Path.Combine(tmp.Path, d)) & writeBits).ShouldBe((UnixFileMode)0, d);
        foreach (var d in dirs.Created.Append("")) File.SetUnixFileMode(Path.Combine(tmp.Path, d), File.GetUnixFileMode(Path.Combine(tmp.Path, d)) | UnixFileMode.UserWrite);
    }

    /// <summary>A write-only stream that cannot seek, so the zip writer puts sizes and CRCs in data descriptors.</summary>
    private sealed class ForwardOnly(Stream inner) : Stream
    {
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
        public override void Write(ReadOnlySpan<byte> buffer) => inner.Write(buffer);
        public override void Flush() => inner.Flush();
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
