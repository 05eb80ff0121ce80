using GoMod.Testing;
using GoMod.Core.GraphCache;
using GoMod.Core.Restore;
using GoMod.Core.Tests.Mvs;
using GoMod.Core.Tests.Restore;
using GoMod.Core.VerifiedTrees;

namespace GoMod.Core.Tests.VerifiedTrees;

/// <summary>
/// The record of verified trees (<see cref="VerifiedTreeRecord"/>): a warm restore whose modules' stamps are unchanged
/// reads no <c>.ziphash</c> or <c>.info</c>, and nothing recorded is trusted beyond what the reads would have given —
/// a stamp taken too recently is not recorded, a tree or <c>.ziphash</c> that changed is checked (and repaired) as
/// without a record, a wrong <c>.ziphash</c> or go.sum line is still go's SECURITY ERROR word for word, and a damaged
/// record file is ignored and rewritten.
/// </summary>
public sealed class VerifiedTreeRecordTests : IDisposable
{
    private readonly TempDirectory _dir = new("verified-trees");
    private readonly string _proxy;
    private readonly string _main;

    // The scenario's main module has no package, so a restore checks every zip go mod download would (six modules).
    public VerifiedTreeRecordTests() => (_proxy, _main) = ProxyScenario.Parse(RetractionWarningTests.Scenario).Materialize(_dir.Path);

    public void Dispose() => _dir.Dispose();

    private string ModFile => Path.Combine(_main, "go.mod");

    private string ModCache => _dir.Combine("modcache");

    private string RecordFile => VerifiedTreeRecord.DefaultFile(ModCache, ModFile);

    private string FileProxy => new Uri(_proxy + Path.DirectorySeparatorChar).AbsoluteUri.TrimEnd('/');

    /// <summary>One restore with <paramref name="trees"/>; also how many <c>.ziphash</c> files its warm checks read.</summary>
    private (RestoreResult Result, int TreeReads) Restore(string proxy, VerifiedTreeRecord? trees)
    {
        var options = ProxyTreeRestore.Options(ModFile, ModCache, proxy) with { Summaries = ModSummaryStore.InMemory(), Trees = trees };
        var (setup, failures) = RestoreSetup.CreateAsync(options, CancellationToken.None).GetAwaiter().GetResult();
        failures.ShouldBeEmpty();
        var result = new ModuleRestorer().RestoreAsync(setup!, CancellationToken.None).GetAwaiter().GetResult();
        return (result, setup!.Cache.TreeReads);
    }

    private static List<string> Modules(RestoreResult r) => r.Modules.Select(m => $"{m.Path}@{m.Version} {m.Dir} {m.Sum} {m.GoModSum}").ToList();

    private static string Errors(RestoreResult r) => string.Join("\n", r.Diagnostics.Where(d => d.IsError));

    private string VersionDir(string path) => Path.Combine(ModCache, "cache", "download", path, "@v");

    private string CacheFile(string path, string file) => Path.Combine(VersionDir(path), file);

    /// <summary>
    /// Sets the times a stamp reads (each module's <c>@v</c> directory, tree and <c>.ziphash</c>) an hour back, as if
    /// the cache had been filled long before: a stamp is recorded only when it is older than the racy window.
    /// </summary>
    private static void Age(RestoreResult r, string modCache)
    {
        var past = DateTime.UtcNow.AddHours(-1);
        foreach (var m in r.Modules.Where(m => !m.Main))
        {
            var versionDir = Path.Combine(modCache, "cache", "download", m.Path, "@v");
            File.SetLastWriteTimeUtc(Path.Combine(versionDir, m.Version + ".ziphash"), past);
            Directory.SetLastWriteTimeUtc(versionDir, past);
            Directory.SetLastWriteTimeUtc(m.Dir, past);
        }
    }

    /// <summary>A cold restore, the cache aged, then a warm restore that records every module: the record file it saved.</summary>
    private RestoreResult Recorded()
    {
        var (first, _) = Restore(FileProxy, VerifiedTreeRecord.InMemory());
        first.Succeeded.ShouldBeTrue(Errors(first));
        Age(first, ModCache);
        var trees = VerifiedTreeRecord.Open(RecordFile);
        var (second, reads) = Restore("off", trees);
        second.Succeeded.ShouldBeTrue(Errors(second));
        trees.Added.ShouldBe(first.Modules.Count - 1);
        reads.ShouldBe(first.Modules.Count - 1);
        Modules(second).ShouldBe(Modules(first));
        File.Exists(RecordFile).ShouldBeTrue();
        return first;
    }

    [Fact]
    public void A_warm_restore_with_unchanged_stamps_reads_no_ziphash_and_publishes_the_same_modules()
    {
        var first = Recorded();
        File.WriteAllText(ModFile, File.ReadAllText(ModFile) + "// edited\n");

        var trees = VerifiedTreeRecord.Open(RecordFile);
        trees.WasCorrupt.ShouldBeFalse();
        trees.Loaded.ShouldBe(first.Modules.Count - 1);
        var (third, reads) = Restore("off", trees);

        third.Succeeded.ShouldBeTrue(Errors(third));
        reads.ShouldBe(0);
        trees.Hits.ShouldBe(first.Modules.Count - 1);
        trees.Misses.ShouldBe(0);
        Modules(third).ShouldBe(Modules(first));
    }

    [Fact]
    public void Stamps_taken_right_after_the_cache_was_written_are_not_recorded()
    {
        var (first, _) = Restore(FileProxy, VerifiedTreeRecord.InMemory());
        first.Succeeded.ShouldBeTrue(Errors(first));

        var trees = VerifiedTreeRecord.Open(RecordFile);
        var (second, reads) = Restore("off", trees);

        second.Succeeded.ShouldBeTrue(Errors(second));
        reads.ShouldBe(first.Modules.Count - 1);
        trees.Added.ShouldBe(0);
        File.Exists(RecordFile).ShouldBeFalse();
    }

    [Fact]
    public void A_recorded_tree_with_a_partial_marker_or_removed_is_checked_again_and_repaired()
    {
        var first = Recorded();
        var ok = first.Modules.Single(m => m.Path == "example.com/ok").Dir;
        var marker = Path.Combine(ok, "canary");
        var partial = CacheFile("example.com/ok", "v1.0.0.partial");
        var recordedTime = Directory.GetLastWriteTimeUtc(ok);
        File.WriteAllBytes(partial, []);
        MakeWritable(ok, true);
        File.WriteAllText(marker, "left over");
        MakeWritable(ok, false);
        // The tree keeps its recorded time: only the @v directory's stamp (the marker was created there) shows the change.
        Directory.SetLastWriteTimeUtc(ok, recordedTime);
        var n = first.Modules.Single(m => m.Path == "example.com/n").Dir;
        MakeWritable(n, true);
        Directory.Delete(n, recursive: true);

        var trees = VerifiedTreeRecord.Open(RecordFile);
        var (second, reads) = Restore("off", trees);

        second.Succeeded.ShouldBeTrue(Errors(second));
        trees.Misses.ShouldBe(2);
        trees.Hits.ShouldBe(first.Modules.Count - 3);
        // n's tree is gone, so its check stops before the .ziphash; ok's finds the marker, also before reading it.
        reads.ShouldBe(0);
        File.Exists(partial).ShouldBeFalse();
        File.Exists(marker).ShouldBeFalse();
        Directory.Exists(n).ShouldBeTrue();
        Modules(second).ShouldBe(Modules(first));
    }

    [Fact]
    public void A_wrong_ziphash_written_after_it_was_recorded_is_still_go_s_security_error()
    {
        Recorded();
        var ziphash = CacheFile("example.com/n", "v1.0.0.ziphash");
        var good = File.ReadAllText(ziphash);
        // Another valid hash of the same length, written in place as go writes a .ziphash.
        var wrong = "h1:" + Convert.ToBase64String(new byte[32]);
        wrong.Length.ShouldBe(good.Trim().Length);
        File.WriteAllText(ziphash, wrong);

        var trees = VerifiedTreeRecord.Open(RecordFile);
        var (withRecord, _) = Restore("off", trees);

        withRecord.Succeeded.ShouldBeFalse();
        trees.Misses.ShouldBe(1);
        var error = withRecord.Diagnostics.Single(d => d.IsError);
        error.Message.ShouldContain("SECURITY ERROR");
        error.Message.ShouldContain("example.com/n@v1.0.0");
        var (plain, _) = Restore("off", VerifiedTreeRecord.InMemory());
        withRecord.Diagnostics.Select(d => (d.Code, d.Message, d.Line)).ShouldBe(plain.Diagnostics.Select(d => (d.Code, d.Message, d.Line)));
    }

    [Fact]
    public void A_recorded_hash_go_sum_no_longer_lists_is_still_go_s_security_error()
    {
        Recorded();
        var sumFile = Path.Combine(_main, "go.sum");
        var lines = File.ReadAllLines(sumFile);
        var at = Array.FindIndex(lines, l => l.StartsWith("example.com/ok v1.0.0 h1:", StringComparison.Ordinal));
        at.ShouldBeGreaterThanOrEqualTo(0);
        lines[at] = "example.com/ok v1.0.0 h1:" + Convert.ToBase64String(new byte[32]);
        File.WriteAllLines(sumFile, lines);

        var trees = VerifiedTreeRecord.Open(RecordFile);
        var (withRecord, _) = Restore("off", trees);

        withRecord.Succeeded.ShouldBeFalse();
        // The stamps held: the record answered, and its hash met go.sum's check like a read one.
        trees.Misses.ShouldBe(0);
        var error = withRecord.Diagnostics.Single(d => d.IsError);
        error.Message.ShouldContain("SECURITY ERROR");
        var (plain, _) = Restore("off", VerifiedTreeRecord.InMemory());
        withRecord.Diagnostics.Select(d => (d.Code, d.Message, d.Line)).ShouldBe(plain.Diagnostics.Select(d => (d.Code, d.Message, d.Line)));
    }

    [Fact]
    public void A_damaged_record_file_is_ignored_and_rewritten()
    {
        var first = Recorded();
        var good = File.ReadAllBytes(RecordFile);

        foreach (var damaged in new[] { Flip(good, good.Length / 2), good[..(good.Length - 1)], "not a record"u8.ToArray() })
        {
            File.WriteAllBytes(RecordFile, damaged);
            var trees = VerifiedTreeRecord.Open(RecordFile);
            trees.WasCorrupt.ShouldBeTrue();
            trees.Loaded.ShouldBe(0);
            var (again, reads) = Restore("off", trees);
            again.Succeeded.ShouldBeTrue(Errors(again));
            reads.ShouldBe(first.Modules.Count - 1);
            Modules(again).ShouldBe(Modules(first));
            File.ReadAllBytes(RecordFile).ShouldBe(good);
        }

        static byte[] Flip(byte[] data, int at)
        {
            var copy = (byte[])data.Clone();
            copy[at] ^= 0x20;
            return copy;
        }
    }

    private static void MakeWritable(string dir, bool writable)
    {
        if (OperatingSystem.IsWindows()) return;
        foreach (var d in Directory.EnumerateDirectories(dir, "*", SearchOption.AllDirectories).Prepend(dir))
        {
            var mode = File.GetUnixFileMode(d);
            File.SetUnixFileMode(d, writable ? mode | UnixFileMode.UserWrite : mode & ~(UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite));
        }
    }
}
