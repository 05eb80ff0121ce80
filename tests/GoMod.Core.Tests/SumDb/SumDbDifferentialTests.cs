using GoMod.Core.Sum;
using GoMod.Core.SumDb;
using GoMod.Core.SumDb.Tlog;
using GoMod.Core.Tests.Fetch.Infrastructure;
using GoMod.Core.Tests.SumDb.Infrastructure;
using GoMod.Testing;

namespace GoMod.Core.Tests.SumDb;

/// <summary>
/// Differential tests against the go command (Debian go 1.19) on the same loopback database: go and we accept the
/// same databases and reject the same misbehaviours (with a SECURITY ERROR exactly when go reports one), ask for the
/// same tiles, and each finds in the other's caches ($GOMODCACHE/cache/download/sumdb, $GOPATH/pkg/sumdb/…/latest)
/// everything it needs to verify without the network.
/// </summary>
public class SumDbDifferentialTests
{
    private static readonly TestModule A = TestModule.Simple("example.com/a", "v1.0.0");
    private static readonly TestModule B = TestModule.Simple("example.com/b", "v1.2.0");
    private static readonly TestModule Upper = TestModule.Simple("example.com/Upper", "v1.1.0-RC1", package: "upper");
    private static readonly TestModule[] All = [A, B, Upper];

    private sealed record Outcome(bool Ok, bool SecurityError, string Text, IReadOnlyList<string> Tiles);

    /// <summary>A fresh server and database set up for <paramref name="m"/>; <paramref name="secondStep"/> runs after a first, honest download of A.</summary>
    private static (TestProxyServer Server, TestSumDb Db) Serve(Misbehaviour m)
    {
        var server = TestProxyServer.For(All);
        var db = new TestSumDb().On(server);
        db.Grow(7);
        if (m == Misbehaviour.MismatchedContent)
        {
            var genuine = TestModule.Simple("example.com/b", "v1.2.0", goVersion: "1.18");
            db.Add(A);
            db.Add(genuine.Path, genuine.Version, TestSumDb.ZipHash(genuine), GoMod.Core.Sum.DirHash.HashGoMod(B.GoModBytes));
            db.Add(Upper);
        }
        else
        {
            foreach (var mod in All) db.Add(mod);
        }
        db.Grow(260); // two levels of tiles, partial and full
        return (server, db);
    }

    private static void Break(TestSumDb db, Misbehaviour m)
    {
        switch (m)
        {
            case Misbehaviour.HonestPlusUnknownSigner: db.Signing = TreeSigning.HonestPlusUnknown; break;
            case Misbehaviour.GrowBetweenRequests: db.GrowAfterLookup = 100; break;
            // Not a misbehaviour: completed partial tiles disappear, clients fall back to the full tile's prefix.
            case Misbehaviour.GrowAndDropPartialTiles: db.GrowAfterLookup = 300; db.ExpirePartialTiles = true; break;
            case Misbehaviour.TamperRecord: db.TamperModule = B.Path; break;
            case Misbehaviour.Fork: db.Fork(db.Log.Size - 2); break;
            // A rewritten record under a full tile both clients cached: the new tree's tiles contradict the cached one.
            case Misbehaviour.ForkBehindFullTile: db.Fork(3); break;
            case Misbehaviour.WrongKey: db.Signing = TreeSigning.WrongKey; break;
            case Misbehaviour.UnknownKey: db.Signing = TreeSigning.UnknownKey; break;
            case Misbehaviour.BadSignature: db.Signing = TreeSigning.BadSignature; break;
            // The tree grows first, so that tiles not cached yet are needed.
            case Misbehaviour.TruncatedTile: db.Grow(40); db.TileFault = TileFault.Truncate; break;
            case Misbehaviour.CorruptTile: db.Grow(40); db.TileFault = TileFault.Corrupt; break;
            case Misbehaviour.OmitRecord: db.OmitModule = B.Path; break;
        }
    }

    private static Dictionary<string, string?> GoEnv(TestProxyServer server, string goSumDb) => new()
    {
        ["GOPROXY"] = server.Url,
        ["GOSUMDB"] = goSumDb,
        ["GOFLAGS"] = "-mod=mod -modcacherw",
    };

    private static Outcome RunGo(SumDbSandbox box, TestProxyServer server, TestSumDb db, params TestModule[] modules)
    {
        var before = db.Requests.Count;
        var r = GoOracle.Run(box.Main, box.Dir.Path, GoEnv(server, db.GoSumDb(server)), ["get", .. modules.Select(m => m.ToString())]);
        return new Outcome(r.ExitCode == 0, r.Combined.Contains("SECURITY ERROR", StringComparison.Ordinal), r.Combined, Tiles(db, before));
    }

    private static async Task<Outcome> RunOursAsync(SumDbSandbox box, TestProxyServer server, TestSumDb db, params TestModule[] modules)
    {
        var before = db.Requests.Count;
        var results = await box.DownloadAsync(box.Env(server.Url, db.GoSumDb(server)), modules);
        var errors = results.Where(r => r.Error is not null).ToList();
        var text = string.Join("\n", errors.Select(r => r.Error));
        foreach (var e in errors) if (e.Exception is not SumDbException) throw new InvalidOperationException("unexpected failure: " + e.Exception);
        return new Outcome(errors.Count == 0, text.Contains("SECURITY ERROR", StringComparison.Ordinal), text, Tiles(db, before));
    }

    /// <summary>What go's and our message both say for a misbehaviour.</summary>
    private static string Phrase(Misbehaviour m) => m switch
    {
        Misbehaviour.MismatchedContent => "verifying module: checksum mismatch",
        Misbehaviour.TamperRecord => "cannot authenticate record data in server response",
        Misbehaviour.Fork => "go.sum database server misbehavior detected!",
        Misbehaviour.ForkBehindFullTile or Misbehaviour.CorruptTile => "downloaded inconsistent tile",
        Misbehaviour.WrongKey or Misbehaviour.UnknownKey => "reading tree note: note has no verifiable signatures",
        Misbehaviour.BadSignature => "reading tree note: invalid signature",
        Misbehaviour.TruncatedTile => "checking tree#270 against tree#310: ",
        Misbehaviour.OmitRecord => "/lookup/example.com/b@v1.2.0: 404 Not Found",
        _ => throw new ArgumentOutOfRangeException(nameof(m)),
    };

    private static GoMod.Core.SumDb.Tlog.LogTree LatestTree(SumDbSandbox box, TestSumDb db) =>
        GoMod.Core.SumDb.Tlog.LogTree.Parse(File.ReadAllText(box.LatestPath(db.Name)).Split("\n\n")[0] + "\n");

    private static List<string> Tiles(TestSumDb db, int skip) =>
        db.Requests.Skip(skip).Where(p => p.StartsWith("/tile/", StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal).ToList();

    [GoTheory]
    [InlineData(Misbehaviour.None)]
    [InlineData(Misbehaviour.HonestPlusUnknownSigner)]
    [InlineData(Misbehaviour.GrowBetweenRequests)]
    [InlineData(Misbehaviour.GrowAndDropPartialTiles)]
    [InlineData(Misbehaviour.MismatchedContent)]
    [InlineData(Misbehaviour.TamperRecord)]
    [InlineData(Misbehaviour.Fork)]
    [InlineData(Misbehaviour.ForkBehindFullTile)]
    [InlineData(Misbehaviour.WrongKey)]
    [InlineData(Misbehaviour.UnknownKey)]
    [InlineData(Misbehaviour.BadSignature)]
    [InlineData(Misbehaviour.TruncatedTile)]
    [InlineData(Misbehaviour.CorruptTile)]
    [InlineData(Misbehaviour.OmitRecord)]
    public async Task Go_and_we_accept_and_reject_the_same_databases(Misbehaviour m)
    {
        var (goServer, goDb) = Serve(m);
        var (ourServer, ourDb) = Serve(m);
        await using var _ = goServer;
        await using var __ = ourServer;
        using var goBox = new SumDbSandbox("go");
        using var ourBox = new SumDbSandbox("ours");

        // Both first verify A against the honest database (so that a fork has an earlier tree to contradict).
        var goFirst = RunGo(goBox, goServer, goDb, A);
        goFirst.Ok.ShouldBeTrue(goFirst.Text);
        var ourFirst = await RunOursAsync(ourBox, ourServer, ourDb, A);
        ourFirst.Ok.ShouldBeTrue(ourFirst.Text);
        ourFirst.Tiles.ShouldBe(goFirst.Tiles);

        var sizeBefore = ourDb.Log.Size;
        Break(goDb, m);
        Break(ourDb, m);
        var go = RunGo(goBox, goServer, goDb, B, Upper);
        var ours = await RunOursAsync(ourBox, ourServer, ourDb, B, Upper);

        ours.Ok.ShouldBe(go.Ok, $"go:\n{go.Text}\nours:\n{ours.Text}");
        ours.SecurityError.ShouldBe(go.SecurityError, $"go:\n{go.Text}\nours:\n{ours.Text}");
        if (!go.Ok)
        {
            // go reports a fork through base.Fatalf, without the module; we name it.
            if (m != Misbehaviour.Fork) go.Text.ShouldContain("example.com/b@v1.2.0: verifying");
            ours.Text.ShouldContain("example.com/b@v1.2.0: verifying");
        }
        if (!go.Ok)
        {
            var phrase = Phrase(m);
            go.Text.ShouldContain(phrase);
            ours.Text.ShouldContain(phrase);
        }
        var expectOk = m is Misbehaviour.None or Misbehaviour.HonestPlusUnknownSigner or Misbehaviour.GrowBetweenRequests or Misbehaviour.GrowAndDropPartialTiles;
        go.Ok.ShouldBe(expectOk, go.Text);
        if (expectOk)
        {
            ourBox.GoSum.ShouldBe(goBox.GoSum);
            var ourLatest = LatestTree(ourBox, ourDb);
            ourLatest.ShouldBe(ourDb.Log.Tree(ourLatest.N));
            // With a growing log, concurrent lookups may see different sizes; otherwise both keep the same tree size.
            if (m is not (Misbehaviour.GrowBetweenRequests or Misbehaviour.GrowAndDropPartialTiles)) ourLatest.N.ShouldBe(LatestTree(goBox, goDb).N);
            else ourLatest.N.ShouldBeGreaterThan(sizeBefore);
        }
        if (m == Misbehaviour.None) ours.Tiles.ShouldBe(go.Tiles);
        if (m == Misbehaviour.GrowAndDropPartialTiles)
        {
            // Both asked for a partial tile that was gone and then for its full tile.
            static bool FellBack(IReadOnlyList<string> tiles) =>
                tiles.Any(t => t.Contains(".p/", StringComparison.Ordinal) && tiles.Contains(t[..t.IndexOf(".p/", StringComparison.Ordinal)]));
            FellBack(go.Tiles).ShouldBeTrue(string.Join(" ", go.Tiles));
            FellBack(ours.Tiles).ShouldBeTrue(string.Join(" ", ours.Tiles));
        }
    }

    [GoFact]
    public async Task Go_verifies_offline_from_the_lookups_tiles_and_latest_tree_we_cached()
    {
        var (server, db) = Serve(Misbehaviour.None);
        await using var _ = server;
        using var box = new SumDbSandbox();
        (await box.DownloadAsync(box.Env(server.Url, db.GoSumDb(server)), All)).ShouldAllBe(r => r.Error == null);
        var ourSum = box.GoSum;
        File.Delete(box.GoSumPath);

        // The database is now unreachable and the only proxy is the module cache itself: go must find everything in our caches.
        var cacheProxy = new Uri(Path.Combine(box.ModCache, "cache", "download")).AbsoluteUri;
        var env = new Dictionary<string, string?> { ["GOPROXY"] = cacheProxy, ["GOSUMDB"] = db.VerifierKey + " http://127.0.0.1:1", ["GOFLAGS"] = "-mod=mod -modcacherw" };
        GoOracle.Run(box.Main, box.Dir.Path, env, ["get", .. All.Select(m => m.ToString())]).EnsureSuccess("go get");
        box.GoSum.ShouldBe(ourSum);
    }

    [GoFact]
    public async Task We_verify_offline_from_the_lookups_tiles_and_latest_tree_go_cached()
    {
        var (server, db) = Serve(Misbehaviour.None);
        await using var _ = server;
        using var box = new SumDbSandbox();
        RunGo(box, server, db, All).Ok.ShouldBeTrue();
        var goSum = box.GoSum;
        File.Delete(box.GoSumPath);

        var requests = db.Requests.Count;
        var results = await box.DownloadAsync(box.Env("off", db.VerifierKey + " http://127.0.0.1:1"), All);
        results.ShouldAllBe(r => r.Error == null);
        box.GoSum.ShouldBe(goSum);
        db.Requests.Count.ShouldBe(requests);
    }

    [GoFact]
    public async Task Go_and_we_extend_each_others_latest_tree_and_go_catches_a_fork_of_the_tree_we_verified()
    {
        var (server, db) = Serve(Misbehaviour.None);
        await using var _ = server;
        using var box = new SumDbSandbox();
        RunGo(box, server, db, A).Ok.ShouldBeTrue();
        var goTree = File.ReadAllText(box.LatestPath(db.Name));

        db.Grow(300);
        (await box.DownloadAsync(box.Env(server.Url, db.GoSumDb(server)), B)).ShouldAllBe(r => r.Error == null);
        var ourTree = File.ReadAllText(box.LatestPath(db.Name));
        ourTree.ShouldNotBe(goTree);
        ourTree.Split('\n')[1].ShouldBe(db.Log.Size.ToString());

        // A history rewritten after the tree we verified: go, reading our latest, must see the fork.
        db.Fork(db.Log.Size - 2);
        var go = RunGo(box, server, db, Upper);
        go.Ok.ShouldBeFalse();
        go.Text.ShouldContain("SECURITY ERROR");
        go.Text.ShouldContain("old database:\n\tgo.sum database tree\n\t" + db.Log.Size + "\n");
        File.ReadAllText(box.LatestPath(db.Name)).ShouldBe(ourTree);
    }
}
