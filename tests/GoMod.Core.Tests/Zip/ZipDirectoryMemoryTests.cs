using System.IO.Compression;
using System.Text;
using GoMod.Core.Module;
using GoMod.Core.Sum;
using GoMod.Core.Zip;
using GoMod.Testing;

namespace GoMod.Core.Tests.Zip;

/// <summary>
/// A module zip's central directory is held compactly (issue 15, memory): one byte array for the names and one
/// fixed-size record per entry, no object per entry. The largest module of the benchmark corpus has about 16,000
/// entries, whose directory stays alive while the module is extracted; at the former ~0.5 KB an entry (an object, a
/// name string and a name array each) that was 8 MB per such zip, promoted garbage once the extraction ended.
/// Counted with the calling thread's allocated-bytes counter (the directory is read on the calling thread).
/// </summary>
public sealed class ZipDirectoryMemoryTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Entries = 16_000;
    private const int RecordBytes = 48;

    private static readonly ModuleVersion Module = new("example.com/big", "v1.0.0");

    /// <summary>A module zip of <see cref="Entries"/> small stored files spread over 160 directories; returns the total length of the names.</summary>
    private static long WriteZip(string path)
    {
        long nameBytes = 0;
        using var file = File.Create(path);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        var prefix = Module.Path + "@" + Module.Version + "/";
        for (var i = 0; i < Entries; i++)
        {
            var name = i == 0 ? prefix + "go.mod" : $"{prefix}pkg{i / 100:D3}/file{i:D5}.go";
            nameBytes += Encoding.UTF8.GetByteCount(name);
            using var s = zip.CreateEntry(name, CompressionLevel.NoCompression).Open();
            s.Write(i == 0 ? Encoding.UTF8.GetBytes($"module {Module.Path}\n") : Encoding.UTF8.GetBytes($"package pkg{i / 100:D3}\n"));
        }
        return nameBytes;
    }

    [Fact]
    public void A_16000_entry_central_directory_is_read_into_about_48_bytes_an_entry_plus_its_names()
    {
        using var dir = new TempDirectory("zipdir");
        var zipPath = Path.Combine(dir.Path, "big.zip");
        var nameBytes = WriteZip(zipPath);
        using (ZipReader.Open(zipPath)) { } // the first read may rent the pool's buffers; count the second

        var before = GC.GetAllocatedBytesForCurrentThread();
        using var reader = ZipReader.Open(zipPath);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var limit = (long)Entries * RecordBytes + nameBytes + 16 * 1024;
        output.WriteLine($"{Entries} entries, {nameBytes} name bytes: read allocated {allocated} bytes, retained {reader.Entries.RetainedBytes} (limit {limit})");

        reader.Entries.Count.ShouldBe(Entries);
        reader.Entries.RetainedBytes.ShouldBeLessThanOrEqualTo((long)Entries * RecordBytes + nameBytes);
        allocated.ShouldBeLessThanOrEqualTo(limit, "one record array, one name array and small fixed buffers; nothing per entry");
        // The views read back what the zip holds.
        reader.Entries[0].Name.ShouldBe("example.com/big@v1.0.0/go.mod");
        reader.Entries[Entries - 1].Name.ShouldBe($"example.com/big@v1.0.0/pkg159/file{Entries - 1:D5}.go");
        reader.Entries[Entries - 1].NameIsValidUtf8.ShouldBeTrue();
        reader.Entries[Entries - 1].UncompressedSize.ShouldBe((ulong)"package pkg159\n".Length);
    }

    [Fact]
    public void Walking_the_directory_and_comparing_names_as_bytes_allocates_nothing_per_entry()
    {
        using var dir = new TempDirectory("zipdir");
        var zipPath = Path.Combine(dir.Path, "big.zip");
        WriteZip(zipPath);
        using var reader = ZipReader.Open(zipPath);
        var prefix = Encoding.UTF8.GetBytes(Module.Path + "@" + Module.Version + "/");

        var before = GC.GetAllocatedBytesForCurrentThread();
        var matching = 0;
        long declared = 0;
        foreach (var e in reader.Entries)
        {
            if (e.NameStartsWith(prefix)) matching++;
            declared += (long)e.UncompressedSize;
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        matching.ShouldBe(Entries);
        declared.ShouldBeGreaterThan(0);
        allocated.ShouldBe(0, "entries are views into the directory's arrays, walked with a struct enumerator");
    }

    [Fact]
    public void The_single_pass_over_a_16000_entry_zip_hashes_as_the_zip_and_the_extracted_tree_hash()
    {
        using var dir = new TempDirectory("zipdir");
        var zipPath = Path.Combine(dir.Path, "big.zip");
        WriteZip(zipPath);
        var target = Path.Combine(dir.Path, "out");

        using var tree = HashedUnzip.Extract(target, Module, zipPath);
        tree.TryPublish().ShouldBeTrue();

        tree.Hash.ShouldBe(DirHash.HashZip(zipPath));
        tree.Hash.ShouldBe(DirHash.HashDir(target, Module.Path + "@" + Module.Version));
        Directory.GetFiles(target, "*", SearchOption.AllDirectories).Length.ShouldBe(Entries);
    }
}
