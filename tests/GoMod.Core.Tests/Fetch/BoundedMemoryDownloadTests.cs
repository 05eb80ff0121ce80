using System.IO.Compression;
using System.Text;
using GoMod.Core.Fetch;
using GoMod.Core.Module;
using GoMod.Core.Sum;
using GoMod.Core.Tests.Fetch.Infrastructure;
using GoMod.Testing;

namespace GoMod.Core.Tests.Fetch;

/// <summary>
/// The whole cold download of one module — HTTP transfer from a loopback proxy into the temporary zip, the prefix
/// check, the single pass that inflates, hashes and writes every entry, publishing — allocates no more for a 200 MiB
/// module than for a 2 MiB one (issue 15: the restore's memory is flat as zip sizes grow). The zip bytes stream through
/// fixed, pooled buffers; nothing is sized by the body or an entry. Counted with the process's allocated-bytes counter
/// in a collection that runs alone; peak resident memory is measured by benchmarks/run.sh, not here.
/// </summary>
[Collection(nameof(AllocationCountingCollection))]
public sealed class BoundedMemoryDownloadTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const long Slack = 2L << 20;

    /// <summary>A module zip (go.mod, a LICENSE, one data file of <paramref name="size"/> random bytes, stored).</summary>
    private static byte[] ModuleZip(ModuleVersion m, int size)
    {
        var data = new byte[size];
        new Random(size).NextBytes(data);
        using var buffer = new MemoryStream(size + 4096);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var prefix = m.Path + "@" + m.Version + "/";
            using (var s = zip.CreateEntry(prefix + "go.mod").Open()) s.Write(Encoding.UTF8.GetBytes($"module {m.Path}\n"));
            using (var s = zip.CreateEntry(prefix + "LICENSE").Open()) s.Write("license\n"u8);
            using (var s = zip.CreateEntry(prefix + "data/blob.bin", CompressionLevel.NoCompression).Open()) s.Write(data);
        }
        return buffer.ToArray();
    }

    private static void Serve(TestProxyServer server, ModuleVersion m, byte[] zip)
    {
        var root = "/" + ModulePath.EscapePath(m.Path) + "/@v/";
        server.Files[root + m.Version + ".info"] = Encoding.UTF8.GetBytes($"{{\"Version\":\"{m.Version}\",\"Time\":\"2024-01-02T03:04:05Z\"}}");
        server.Files[root + m.Version + ".mod"] = Encoding.UTF8.GetBytes($"module {m.Path}\n");
        server.Files[root + m.Version + ".zip"] = zip;
        server.Files[root + "list"] = Encoding.UTF8.GetBytes(m.Version + "\n");
    }

    /// <summary>Downloads and extracts <paramref name="m"/>; returns the bytes the process allocated meanwhile.</summary>
    private static async Task<long> DownloadAsync(ModuleDownloader d, ModuleVersion m, string expectedHash)
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var result = (await d.DownloadAsync([m], DownloadParts.Build)).Single();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        result.Error.ShouldBeNull();
        result.Sum.ShouldBe(expectedHash);
        return allocated;
    }

    [Fact]
    public async Task A_200_MiB_module_downloads_and_extracts_with_no_more_allocation_than_a_2_MiB_one()
    {
        var warm = new ModuleVersion("example.com/warm", "v1.0.0");
        var small = new ModuleVersion("example.com/small", "v1.0.0");
        var large = new ModuleVersion("example.com/large", "v1.0.0");
        await using var server = new TestProxyServer();
        using var box = new FetchSandbox("bounded-download");
        var hashes = new Dictionary<ModuleVersion, string>();
        foreach (var (m, size) in new[] { (warm, 64 << 10), (small, 2 << 20), (large, 200 << 20) })
        {
            var zip = ModuleZip(m, size);
            Serve(server, m, zip);
            var file = box.Dir.Combine(m.Path.Replace('/', '_') + ".zip");
            await File.WriteAllBytesAsync(file, zip);
            hashes[m] = DirHash.HashZip(file);
            File.Delete(file);
        }
        using var d = box.Downloader(server.Url);

        await DownloadAsync(d, warm, hashes[warm]); // JIT, connection and pools warmed
        var smallAllocated = await DownloadAsync(d, small, hashes[small]);
        var largeAllocated = await DownloadAsync(d, large, hashes[large]);

        output.WriteLine($"allocated: 2 MiB module {smallAllocated:N0} bytes, 200 MiB module {largeAllocated:N0} bytes");
        largeAllocated.ShouldBeLessThan(smallAllocated + Slack,
            $"the 200 MiB module allocated {largeAllocated:N0} bytes, the 2 MiB one {smallAllocated:N0}");
        largeAllocated.ShouldBeLessThan(Slack, $"the 200 MiB module allocated {largeAllocated:N0} bytes");
        new FileInfo(Path.Combine(d.Cache.ModuleDir(large), "data", "blob.bin")).Length.ShouldBe(200 << 20);
    }
}
