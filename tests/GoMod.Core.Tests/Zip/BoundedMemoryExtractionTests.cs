using System.IO.Compression;
using GoMod.Core.Module;
using GoMod.Core.Sum;
using GoMod.Core.Zip;
using GoMod.Testing;

namespace GoMod.Core.Tests.Zip;

/// <summary>
/// Extraction memory does not grow with the module: the single-pass unzip reads every entry through one fixed buffer
/// (no read asks for more than it, however large the entry) and allocates the same few kilobytes for a 32 MiB entry as
/// for a 1 MiB one. This is the mechanism behind the restore's flat peak memory (issue 15: a 200 MB module adds no more
/// than a 2 MB one); the figures themselves are measured by benchmarks/run.sh, not here.
/// </summary>
public sealed class BoundedMemoryExtractionTests
{
    private const int MaxRead = 256 * 1024;

    private sealed class RecordingStream(Stream inner) : Stream
    {
        public int LargestRequest { get; private set; }

        public long Total { get; private set; }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            LargestRequest = Math.Max(LargestRequest, buffer.Length);
            var n = inner.Read(buffer);
            Total += n;
            return n;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A module zip with one data entry of <paramref name="size"/> bytes that deflate cannot shrink much.</summary>
    private static string WriteZip(TempDirectory dir, ModuleVersion m, int size)
    {
        var block = new byte[64 * 1024];
        new Random(7).NextBytes(block);
        var path = dir.Combine(m.Path.Replace('/', '_') + ".zip");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            var prefix = m.Path + "@" + m.Version + "/";
            using (var s = zip.CreateEntry(prefix + "go.mod").Open()) s.Write(System.Text.Encoding.UTF8.GetBytes("module " + m.Path + "\n"));
            using (var s = zip.CreateEntry(prefix + "data.bin", CompressionLevel.Fastest).Open())
                for (var written = 0; written < size; written += block.Length)
                    s.Write(block, 0, Math.Min(block.Length, size - written));
        }
        return path;
    }

    /// <summary>Extracts and hashes <paramref name="zipFile"/>; returns the bytes this thread allocated and the data entry's stream.</summary>
    private static (long Allocated, RecordingStream Data) Extract(TempDirectory dir, ModuleVersion m, string zipFile)
    {
        RecordingStream? data = null;
        var target = dir.Combine("cache", m.Path.Replace('/', '_'));
        var before = GC.GetAllocatedBytesForCurrentThread();
        using (var unzip = HashedUnzip.Extract(target, m, zipFile, (name, s) => name.EndsWith("data.bin", StringComparison.Ordinal) ? data = new RecordingStream(s) : s))
        {
            unzip.Hash.ShouldBe(DirHash.HashZip(zipFile));
            unzip.TryPublish().ShouldBeTrue();
        }
        return (GC.GetAllocatedBytesForCurrentThread() - before, data!);
    }

    [Fact]
    public void A_large_entry_is_read_through_a_fixed_buffer_and_allocates_no_more_than_a_small_one()
    {
        using var dir = new TempDirectory("bounded");
        var small = new ModuleVersion("example.com/small", "v1.0.0");
        var large = new ModuleVersion("example.com/large", "v1.0.0");
        var smallZip = WriteZip(dir, small, 1 << 20);
        var largeZip = WriteZip(dir, large, 32 << 20);
        Extract(dir, new ModuleVersion("example.com/warm", "v1.0.0"), WriteZip(dir, new ModuleVersion("example.com/warm", "v1.0.0"), 4096)); // JIT and pools warmed

        var (smallAllocated, smallData) = Extract(dir, small, smallZip);
        var (largeAllocated, largeData) = Extract(dir, large, largeZip);

        smallData.Total.ShouldBe(1 << 20);
        largeData.Total.ShouldBe(32 << 20, "the entry is read in full, once");
        largeData.LargestRequest.ShouldBeLessThanOrEqualTo(MaxRead, "no read is sized by the entry");
        largeAllocated.ShouldBeLessThan(smallAllocated + 256 * 1024, $"32 MiB entry allocated {largeAllocated} bytes, 1 MiB entry {smallAllocated}");
        largeAllocated.ShouldBeLessThan(1 << 20, "well under one MiB for a 32 MiB entry");
        new FileInfo(Path.Combine(dir.Combine("cache", "example.com_large"), "data.bin")).Length.ShouldBe(32 << 20);
    }
}
