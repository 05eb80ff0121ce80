using System.Collections.Concurrent;
using GoMod.Core.Fetch;
using GoMod.Core.GoEnv;
using GoMod.Core.ModCache;
using GoMod.Core.Module;
using GoMod.Core.Sum;
using GoMod.Core.Tests.Fetch.Infrastructure;
using GoMod.Core.Zip;
using GoMod.Testing;

namespace GoMod.Core.Tests.Fetch;

/// <summary>
/// A cold download inflates each zip entry once: the tree is written and the go.sum hash computed in the same pass
/// (counted through an instrumented entry stream), and only a matching hash publishes anything; a mismatch leaves no
/// directory, no .ziphash, no .partial and no zip behind.
/// </summary>
public sealed class SinglePassExtractionTests
{
    private static readonly TestModule Big = new("example.com/big", "v1.2.0", new Dictionary<string, string>
    {
        ["big.go"] = "package big\n\n// " + new string('x', 300_000) + "\n",
        ["sub/sub.go"] = "package sub\n",
        ["sub/deeper/data.txt"] = string.Concat(Enumerable.Range(0, 20_000).Select(i => i + "\n")),
        ["LICENSE"] = "license\n",
    });

    private static (byte[] Zip, string Hash) ZipAndHash(TestModule m)
    {
        using var dir = new TempDirectory("sp");
        var path = dir.Combine("m.zip");
        File.WriteAllBytes(path, m.Zip());
        return (File.ReadAllBytes(path), DirHash.HashZip(path));
    }

    private sealed class CountingStream(Stream inner, Action<int> onRead) : Stream
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            onRead(n);
            return n;
        }

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            onRead(n);
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
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public async Task A_cold_download_inflates_each_entry_once_and_hashes_as_go_does()
    {
        await using var server = TestProxyServer.For(Big);
        using var box = new FetchSandbox();
        var opened = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var bytes = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var onPool = 0;
        var options = FetchSandbox.FastOptions with
        {
            EntryStreamWrapper = (name, s) =>
            {
                opened.AddOrUpdate(name, 1, (_, n) => n + 1);
                if (Thread.CurrentThread.IsThreadPoolThread) Interlocked.Increment(ref onPool);
                return new CountingStream(s, n => bytes.AddOrUpdate(name, n, (_, t) => t + n));
            },
        };
        using var d = box.Downloader(server.Url, options: options);

        var result = (await d.DownloadAsync([Big.ModuleVersion], DownloadParts.Build)).Single();

        result.Error.ShouldBeNull();
        var (_, hash) = ZipAndHash(Big);
        result.Sum.ShouldBe(hash, "the single-pass hash is the zip's h1 hash");
        using (var zip = ZipReader.Open(result.Zip!))
        {
            opened.Keys.Order(StringComparer.Ordinal).ShouldBe(zip.Entries.Select(e => e.Name).Order(StringComparer.Ordinal), "every entry is read");
            foreach (var e in zip.Entries)
            {
                opened[e.Name].ShouldBe(1, e.Name + " inflated once");
                bytes[e.Name].ShouldBe((long)e.UncompressedSize, e.Name + " read in full, once");
            }
        }
        File.ReadAllText(Path.Combine(result.Dir!, "sub", "deeper", "data.txt")).ShouldBe(Big.Files["sub/deeper/data.txt"]);
        new ModuleCache(box.ModCache).GetExtractedState(Big.ModuleVersion).ShouldBe(ExtractedState.Complete);
        (await ModuleCacheVerifier.VerifyAllAsync(new ModuleCache(box.ModCache))).Output.ShouldBe("all modules verified\n");
        server.Paths.Count(p => p.EndsWith(".zip", StringComparison.Ordinal)).ShouldBe(1);
        onPool.ShouldBe(0, "the extraction runs on the downloader's own threads, never holding a thread-pool thread");
    }

    [Fact]
    public async Task A_hash_mismatch_during_single_pass_extraction_leaves_nothing_behind()
    {
        await using var server = TestProxyServer.For(Big);
        using var box = new FetchSandbox();
        var goSum = box.Dir.Write("main/go.sum",
            $"{Big.Path} {Big.Version} h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n{Big.Path} {Big.Version}/go.mod {DirHash.HashGoMod(Big.GoModBytes)}\n");
        var sums = await GoSumChecker.LoadAsync(goSum, ModMode.ReadOnly, default);
        using var d = box.Downloader(server.Url, sums);

        var result = (await d.DownloadAsync([Big.ModuleVersion], DownloadParts.Build)).Single();

        result.Exception.ShouldBeOfType<ChecksumMismatchException>();
        result.Error!.ShouldContain("SECURITY ERROR");
        var cache = new ModuleCache(box.ModCache);
        Directory.Exists(cache.ModuleDir(Big.ModuleVersion)).ShouldBeFalse("no directory");
        File.Exists(cache.CachePath(Big.ModuleVersion, "ziphash")).ShouldBeFalse("no .ziphash");
        File.Exists(cache.CachePath(Big.ModuleVersion, "partial")).ShouldBeFalse("no .partial");
        File.Exists(cache.ZipPath(Big.ModuleVersion)).ShouldBeFalse("no zip");
        var parent = Path.GetDirectoryName(cache.ModuleDir(Big.ModuleVersion))!;
        (Directory.Exists(parent) ? Directory.EnumerateFileSystemEntries(parent) : []).ShouldBeEmpty("no temporary tree");
        Directory.EnumerateFiles(Path.GetDirectoryName(cache.ZipPath(Big.ModuleVersion))!).Where(f => !f.EndsWith(".lock", StringComparison.Ordinal)
            && !f.EndsWith(".mod", StringComparison.Ordinal) && !f.EndsWith(".info", StringComparison.Ordinal) && Path.GetFileName(f) != "list").ShouldBeEmpty("no temporary zip");
    }

    /// <summary>What happens to the checked tree between the zip's publication and the tree's rename.</summary>
    public enum Mishap
    {
        /// <summary>The temporary tree is removed; nothing stands at the target.</summary>
        TreeRemoved,

        /// <summary>The temporary tree is removed and a directory with a stray file stands at the target.</summary>
        TreeRemovedStrayDirectoryAtTarget,

        /// <summary>The temporary tree is renamed to the target by somebody else.</summary>
        TreeMovedToTarget,

        /// <summary>The temporary tree stays; a directory with a stray file stands at the target.</summary>
        StrayDirectoryAtTarget,
    }

    /// <summary>Takes the module's temporary extraction trees away the moment its zip is published (before the tree's rename).</summary>
    private sealed class DisturbTreeWhenZipPublished(ModuleCache cache, ModuleVersion m, Mishap mishap) : IProgress<DownloadProgress>
    {
        public int Disturbed;

        public void Report(DownloadProgress value)
        {
            if (value.Module != m || value.Stage != DownloadStage.Downloaded) return;
            var dir = cache.ModuleDir(m);
            foreach (var temp in Directory.EnumerateDirectories(Path.GetDirectoryName(dir)!, Path.GetFileName(dir) + ".tmp-*"))
            {
                switch (mishap)
                {
                    case Mishap.StrayDirectoryAtTarget:
                        Directory.CreateDirectory(Path.Combine(dir, "sub"));
                        File.WriteAllText(Path.Combine(dir, "sub", "stray.go"), "package stray\n");
                        break;
                    case Mishap.TreeMovedToTarget:
                        Directory.Move(temp, dir);
                        break;
                    case Mishap.TreeRemovedStrayDirectoryAtTarget:
                        TempDirectory.DeleteTree(temp);
                        Directory.CreateDirectory(Path.Combine(dir, "sub"));
                        File.WriteAllText(Path.Combine(dir, "sub", "stray.go"), "package stray\n");
                        break;
                    default:
                        TempDirectory.DeleteTree(temp);
                        break;
                }
                Disturbed++;
            }
        }
    }

    [Theory]
    [InlineData(Mishap.TreeRemoved)]
    [InlineData(Mishap.TreeRemovedStrayDirectoryAtTarget)]
    [InlineData(Mishap.TreeMovedToTarget)]
    [InlineData(Mishap.StrayDirectoryAtTarget)]
    public async Task A_checked_tree_disturbed_before_its_rename_still_ends_complete_without_a_second_fetch(Mishap mishap)
    {
        await using var server = TestProxyServer.For(Big);
        using var box = new FetchSandbox();
        var traces = new ConcurrentQueue<string>();
        using var d = box.Downloader(server.Url, options: FetchSandbox.FastOptions with { Trace = traces.Enqueue });
        var cache = new ModuleCache(box.ModCache);
        var disturber = new DisturbTreeWhenZipPublished(cache, Big.ModuleVersion, mishap);

        var result = (await d.DownloadAsync([Big.ModuleVersion], DownloadParts.Build, disturber)).Single();

        disturber.Disturbed.ShouldBe(1, "the single-pass tree was there to disturb");
        result.Error.ShouldBeNull();
        // A stray directory alone is a partial extraction: removed, and the checked tree takes its place.
        traces.Any(t => t.Contains("could not be moved into place", StringComparison.Ordinal)).ShouldBe(mishap != Mishap.StrayDirectoryAtTarget);
        cache.GetExtractedState(Big.ModuleVersion).ShouldBe(ExtractedState.Complete);
        File.ReadAllText(Path.Combine(result.Dir!, "sub", "deeper", "data.txt")).ShouldBe(Big.Files["sub/deeper/data.txt"]);
        File.Exists(Path.Combine(result.Dir!, "sub", "stray.go")).ShouldBeFalse("what stood at the target is gone");
        (await ModuleCacheVerifier.VerifyAllAsync(cache)).Output.ShouldBe("all modules verified\n");
        var parent = Path.GetDirectoryName(cache.ModuleDir(Big.ModuleVersion))!;
        Directory.EnumerateFileSystemEntries(parent).Select(Path.GetFileName).ShouldBe([Path.GetFileName(cache.ModuleDir(Big.ModuleVersion))], "no temporary tree left");
        File.Exists(cache.CachePath(Big.ModuleVersion, "partial")).ShouldBeFalse("no .partial");
        server.Paths.Count(p => p.EndsWith(".zip", StringComparison.Ordinal)).ShouldBe(1, "the published zip is extracted, not fetched again");
    }
}
