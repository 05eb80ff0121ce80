using System.Security.Cryptography;
using System.Text;
using GoMod.Core.SumDb.Tlog;
using GoMod.Core.Tests.SumDb.Infrastructure;

namespace GoMod.Core.Tests.SumDb;

/// <summary>The tiled transparency log: RFC 6962 hashing, storage indexes, tiles, proofs, tree notes and records.</summary>
public class TlogTests
{
    private static TestLog Log(int n)
    {
        var log = new TestLog();
        for (var i = 0; i < n; i++) log.Append($"record {i}\n");
        return log;
    }

    /// <summary>RFC 6962's MTH, written directly from the RFC as an independent reference.</summary>
    private static byte[] Mth(IReadOnlyList<byte[]> d)
    {
        if (d.Count == 1) return SHA256.HashData([0, .. d[0]]);
        var k = 1;
        while (k * 2 < d.Count) k *= 2;
        return SHA256.HashData([1, .. Mth(d.Take(k).ToList()), .. Mth(d.Skip(k).ToList())]);
    }

    [Fact]
    public void Tree_hashes_are_RFC_6962_and_the_empty_tree_is_all_zeros()
    {
        var log = Log(70);
        log.Tree(0).Hash.Bytes.ToArray().ShouldBe(new byte[32]);
        for (var n = 1; n <= 70; n++)
            log.Tree(n).Hash.Bytes.ToArray().ShouldBe(Mth(log.Records.Take(n).ToList()), $"n={n}");
    }

    [Fact]
    public void Storage_indexes_are_dense_and_invertible()
    {
        var log = Log(100);
        for (long n = 0; n <= 100; n++)
        {
            var count = MerkleTree.StoredHashCount(n);
            if (n > 0) count.ShouldBe(MerkleTree.StoredHashIndex(0, n - 1) + 1 + CountTrailingOnes(n - 1));
        }
        var seen = new HashSet<long>();
        for (var level = 0; level < 7; level++)
        for (long n = 0; (n + 1) << level <= 100; n++)
        {
            var index = MerkleTree.StoredHashIndex(level, n);
            seen.Add(index).ShouldBeTrue();
            MerkleTree.SplitStoredHashIndex(index).ShouldBe((level, n));
        }
        seen.Count.ShouldBe((int)MerkleTree.StoredHashCount(100));
    }

    private static int CountTrailingOnes(long x)
    {
        var c = 0;
        for (; (x & 1) == 1; x >>= 1) c++;
        return c;
    }

    [Fact]
    public async Task Inclusion_proofs_verify_and_fail_for_another_leaf_or_tree()
    {
        var log = Log(40);
        for (long t = 1; t <= 40; t++)
        {
            var tree = log.Tree(t);
            for (long n = 0; n < t; n++)
            {
                var proof = await TlogProofs.ProveRecordAsync(t, n, log, default);
                var leaf = MerkleTree.RecordHash(log.Record(n));
                TlogProofs.CheckRecord(proof, t, tree.Hash, n, leaf);
                Should.Throw<TlogException>(() => TlogProofs.CheckRecord(proof, t, tree.Hash, n, MerkleTree.RecordHash("other\n"u8)))
                    .Reason.ShouldBe(TlogErrorReason.ProofFailed);
                if (t > 1) Should.Throw<TlogException>(() => TlogProofs.CheckRecord(proof, t, log.Tree(t - 1).Hash, n, leaf));
            }
        }
    }

    [Fact]
    public async Task Consistency_proofs_verify_and_fail_for_a_rewritten_history()
    {
        var log = Log(40);
        var forked = new TestLog();
        for (var i = 0; i < 40; i++) forked.Append(i == 5 ? "rewritten\n" : $"record {i}\n");
        for (long t = 1; t <= 40; t++)
        for (long n = 1; n <= t; n++)
        {
            var proof = await TlogProofs.ProveTreeAsync(t, n, log, default);
            TlogProofs.CheckTree(proof, t, log.Tree(t).Hash, n, log.Tree(n).Hash);
            if (n > 5)
                Should.Throw<TlogException>(() => TlogProofs.CheckTree(proof, t, log.Tree(t).Hash, n, forked.Tree(n).Hash));
        }
    }

    [Theory]
    [InlineData(8, 0, 0L, 256, "tile/8/0/000")]
    [InlineData(8, 0, 1L, 44, "tile/8/0/001.p/44")]
    [InlineData(8, 2, 1234067L, 256, "tile/8/2/x001/x234/067")]
    [InlineData(8, -1, 5L, 3, "tile/8/data/005.p/3")]
    [InlineData(3, 10, 999L, 8, "tile/3/10/999")]
    [InlineData(8, 0, 1000L, 1, "tile/8/0/x001/000.p/1")]
    public void Tile_paths_encode_three_digits_per_element(int h, int l, long n, int w, string path)
    {
        var t = new Tile(h, l, n, w);
        t.Path.ShouldBe(path);
        Tile.Parse(path).ShouldBe(t);
    }

    [Theory]
    [InlineData("tile/8/0/x001/234/x067")]
    [InlineData("tile/8/0/001.p/256")]
    [InlineData("tile/8/0/001.p/0")]
    [InlineData("tile/8/0/1")]
    [InlineData("tile/0/0/000")]
    [InlineData("tile/8/-1/000")]
    [InlineData("tiles/8/0/000")]
    [InlineData("tile/8/0/x000/001")]
    public void Non_canonical_tile_paths_are_refused(string path) =>
        Should.Throw<TlogException>(() => Tile.Parse(path)).Reason.ShouldBe(TlogErrorReason.MalformedTilePath);

    [Fact]
    public void A_growing_log_publishes_its_new_full_tiles_and_partial_tiles()
    {
        Tile.NewTiles(8, 0, 300).Select(t => t.Path).ShouldBe(["tile/8/0/000", "tile/8/0/001.p/44", "tile/8/1/000.p/1"]);
        Tile.NewTiles(8, 300, 600).Select(t => t.Path).ShouldBe(["tile/8/0/001", "tile/8/0/002.p/88", "tile/8/1/000.p/2"]);
        Tile.NewTiles(8, 256, 256).ShouldBeEmpty();
    }

    private sealed class LogTiles(TestLog log, long size, Func<Tile, byte[], byte[]>? damage = null) : ITileReader
    {
        public int Height => 8;

        public List<Tile> Saved { get; } = [];

        public Task<byte[][]> ReadTilesAsync(IReadOnlyList<Tile> tiles, CancellationToken ct) =>
            Task.FromResult(tiles.Select(t => damage is null ? log.TileData(t, size)! : damage(t, log.TileData(t, size)!)).ToArray());

        public Task SaveTilesAsync(IReadOnlyList<Tile> tiles, IReadOnlyList<byte[]> data, CancellationToken ct)
        {
            Saved.AddRange(tiles);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Hashes_read_from_tiles_are_authenticated_against_the_tree_hash()
    {
        var log = Log(700);
        var tree = log.Tree();
        var tiles = new LogTiles(log, 700);
        var reader = new TileHashReader(700, tree.Hash, tiles);
        var indexes = new long[] { MerkleTree.StoredHashIndex(0, 3), MerkleTree.StoredHashIndex(0, 699), MerkleTree.StoredHashIndex(8, 1), MerkleTree.StoredHashIndex(3, 40) };
        (await reader.ReadHashesAsync(indexes, default)).ShouldBe(await log.ReadHashesAsync(indexes, default));
        (await MerkleTree.TreeHashAsync(300, reader, default)).ShouldBe(log.Tree(300).Hash);
        tiles.Saved.ShouldContain(new Tile(8, 0, 0, 256));
        tiles.Saved.ShouldContain(new Tile(8, 1, 0, 2));

        // A wrong tree hash, a damaged full tile below a parent, and a short tile are all caught.
        Should.Throw<TlogException>(async () => await new TileHashReader(700, log.Tree(699).Hash, new LogTiles(log, 700)).ReadHashesAsync(indexes, default))
            .Reason.ShouldBe(TlogErrorReason.InconsistentTile);
        var flipFirst = new LogTiles(log, 700, (t, d) =>
        {
            if (t == new Tile(8, 0, 0, 256)) d[0] ^= 1;
            return d;
        });
        Should.Throw<TlogException>(async () => await new TileHashReader(700, tree.Hash, flipFirst).ReadHashesAsync([MerkleTree.StoredHashIndex(0, 3)], default))
            .Reason.ShouldBe(TlogErrorReason.InconsistentTile);
        var shortTiles = new LogTiles(log, 700, (_, d) => d[..^1]);
        Should.Throw<TlogException>(async () => await new TileHashReader(700, tree.Hash, shortTiles).ReadHashesAsync(indexes, default))
            .Reason.ShouldBe(TlogErrorReason.MalformedTile);
    }

    [Fact]
    public void Tree_notes_and_records_round_trip_and_malformed_ones_are_refused()
    {
        var tree = Log(9).Tree();
        var text = tree.Format();
        text.ShouldBe($"go.sum database tree\n9\n{tree.Hash}\n");
        LogTree.Parse(text).ShouldBe(tree);
        LogTree.Parse(text + "extra line\n").ShouldBe(tree);
        foreach (var bad in new[] { "go.sum database tree\n09\n" + tree.Hash + "\n", "go.sum database tree\n9\n" + tree.Hash, "go.sum database tree\n9\nAAAA\n", "sum database tree\n9\n" + tree.Hash + "\n", "go.sum database tree\n-1\n" + tree.Hash + "\n" })
            Should.Throw<TlogException>(() => LogTree.Parse(bad)).Reason.ShouldBe(TlogErrorReason.MalformedTree);

        var record = LogRecord.Format(42, "a b h1:x\na b/go.mod h1:y\n"u8);
        Encoding.UTF8.GetString(record).ShouldBe("42\na b h1:x\na b/go.mod h1:y\n\n");
        var (id, recordText, rest) = LogRecord.Parse([.. record, .. "note"u8]);
        id.ShouldBe(42);
        Encoding.UTF8.GetString(recordText).ShouldBe("a b h1:x\na b/go.mod h1:y\n");
        Encoding.UTF8.GetString(rest).ShouldBe("note");
        foreach (var bad in new[] { "x\na\n\n", "1\na\n", "1\na\tb\n\n", "1 \na\n\n" })
            Should.Throw<TlogException>(() => LogRecord.Parse(Encoding.UTF8.GetBytes(bad))).Reason.ShouldBe(TlogErrorReason.MalformedRecord);
    }
}
