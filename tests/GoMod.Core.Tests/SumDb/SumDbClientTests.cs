using GoMod.Core.Fetch;
using GoMod.Core.Module;
using GoMod.Core.Sum;
using GoMod.Core.SumDb;
using GoMod.Core.SumDb.Note;
using GoMod.Core.SumDb.Tlog;
using GoMod.Core.Tests.Fetch.Infrastructure;
using GoMod.Core.Tests.SumDb.Infrastructure;

namespace GoMod.Core.Tests.SumDb;

/// <summary>
/// The checksum database client against a real log served on loopback: an honest database is accepted and its data
/// cached where go keeps it; every misbehaviour is caught with a typed failure naming the module.
/// </summary>
public class SumDbClientTests
{
    private static readonly TestModule A = TestModule.Simple("example.com/a", "v1.0.0");
    private static readonly TestModule B = TestModule.Simple("example.com/b", "v1.2.0");
    private static readonly TestModule Upper = TestModule.Simple("example.com/Upper", "v1.1.0-RC1", package: "upper");
    private static readonly TestModule[] All = [A, B, Upper];

    private static (TestProxyServer Server, TestSumDb Db) Serve(params TestModule[] logged)
    {
        var server = TestProxyServer.For(All);
        var db = new TestSumDb().On(server);
        db.Grow(5);
        foreach (var m in logged) db.Add(m);
        db.Grow(3);
        return (server, db);
    }

    private static T Failure<T>(ModuleDownloadResult r) where T : SumDbException
    {
        r.Exception.ShouldNotBeNull($"{r.Module} should have failed");
        return r.Exception.ShouldBeOfType<T>();
    }

    [Fact]
    public async Task An_honest_database_is_accepted_and_its_lookups_tiles_and_latest_tree_are_kept_where_go_keeps_them()
    {
        var (server, db) = Serve(All);
        await using var _ = server;
        using var box = new SumDbSandbox();
        var results = await box.DownloadAsync(box.Env(server.Url, db.GoSumDb(server)), All);
        results.ShouldAllBe(r => r.Error == null);

        box.GoSum.ShouldContain($"example.com/Upper v1.1.0-RC1 {TestSumDb.ZipHash(Upper)}\n");
        box.GoSum.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(6);
        var latest = File.ReadAllText(box.LatestPath(db.Name));
        latest.ShouldStartWith($"go.sum database tree\n{db.Log.Size}\n{db.Log.Tree().Hash}\n\n\u2014 {db.Name} ");
        File.Exists(Path.Combine(box.CacheDir(db.Name), "lookup", "example.com", "!upper@v1.1.0-!r!c1")).ShouldBeTrue();
        File.ReadAllBytes(Path.Combine(box.CacheDir(db.Name), "tile", "8", "0", "000.p", db.Log.Size.ToString()))
            .ShouldBe(db.Log.TileData(new Tile(8, 0, 0, (int)db.Log.Size), db.Log.Size));
        db.LookupCount.ShouldBe(3);
    }

    [Fact]
    public async Task Lines_already_in_go_sum_need_no_lookup_and_cached_lookups_need_no_request()
    {
        var (server, db) = Serve(All);
        await using var _ = server;
        using var box = new SumDbSandbox();
        var env = box.Env(server.Url, db.GoSumDb(server));
        (await box.DownloadAsync(env, A, B)).ShouldAllBe(r => r.Error == null);
        var requests = db.Requests.Count;

        // go.sum has the lines: nothing is asked.
        (await box.DownloadAsync(env, A, B)).ShouldAllBe(r => r.Error == null);
        db.Requests.Count.ShouldBe(requests);

        // A fresh go.sum but the same caches: the verified lookups and tiles are reused, no request at all.
        File.Delete(box.GoSumPath);
        (await box.DownloadAsync(env, A, B)).ShouldAllBe(r => r.Error == null);
        db.Requests.Count.ShouldBe(requests);
        box.GoSum.ShouldContain("example.com/b v1.2.0/go.mod h1:");
    }

    [Fact]
    public async Task The_database_is_reached_through_a_proxy_that_supports_it_after_one_that_does_not()
    {
        var (server, db) = Serve(All);
        await using var _ = server;
        await using var bare = TestProxyServer.For(All); // answers 404 for /sumdb/…/supported
        using var box = new SumDbSandbox();
        // No URL in GOSUMDB: https://sum.gomod.test would be used if no proxy served it (and fail: no such host).
        var results = await box.DownloadAsync(box.Env($"{bare.Url},{server.Url}", db.VerifierKey), A);
        results.ShouldAllBe(r => r.Error == null);
        bare.Paths.ShouldContain($"/sumdb/{db.Name}/supported");
        db.Requests.ShouldContain("/supported");
        db.LookupCount.ShouldBe(1);
    }

    [Fact]
    public async Task A_proxy_failing_the_supported_check_is_skipped_only_after_a_pipe_as_go_does()
    {
        var (server, db) = Serve(All);
        await using var _ = server;
        await using var failing = TestProxyServer.For(All);
        failing.Handler = r => r.Path.EndsWith("/supported", StringComparison.Ordinal) ? TestResponse.Text(500, "broken\n") : null;
        using var box = new SumDbSandbox();

        (await box.DownloadAsync(box.Env($"{failing.Url}|{server.Url}", db.VerifierKey), A)).ShouldAllBe(r => r.Error == null);
        db.LookupCount.ShouldBe(1);

        using var box2 = new SumDbSandbox();
        var e = Failure<SumDbUnavailableException>((await box2.DownloadAsync(box2.Env($"{failing.Url},{server.Url}", db.VerifierKey), A))[0]);
        e.Failure.ShouldBe(SumDbFailure.Unreachable);
        e.Message.ShouldContain("500 Internal Server Error");
        db.LookupCount.ShouldBe(1);
    }

    [Fact]
    public async Task A_download_that_differs_from_the_database_is_a_SECURITY_ERROR_and_nothing_of_it_is_kept()
    {
        var (server, db) = Serve();
        await using var _ = server;
        var genuine = TestModule.Simple("example.com/a", "v1.0.0", goVersion: "1.18");
        db.Add(genuine.Path, genuine.Version, TestSumDb.ZipHash(genuine), GoMod.Core.Sum.DirHash.HashGoMod(A.GoModBytes));
        using var box = new SumDbSandbox();
        var r = (await box.DownloadAsync(box.Env(server.Url, db.GoSumDb(server)), A))[0];

        var e = Failure<SumDbSecurityException>(r);
        e.Failure.ShouldBe(SumDbFailure.ChecksumMismatch);
        e.ModulePath.ShouldBe("example.com/a");
        e.Recorded.ShouldBe(TestSumDb.ZipHash(genuine));
        e.Downloaded.ShouldBe(TestSumDb.ZipHash(A));
        e.Message.ShouldStartWith("example.com/a@v1.0.0: verifying module: checksum mismatch\n\tdownloaded: " + TestSumDb.ZipHash(A));
        e.Message.ShouldContain($"\n\t{db.Name}: {TestSumDb.ZipHash(genuine)}\n\nSECURITY ERROR\n");
        File.Exists(Path.Combine(box.ModCache, "cache", "download", "example.com", "a", "@v", "v1.0.0.zip")).ShouldBeFalse();
        box.GoSum.ShouldNotContain("example.com/a v1.0.0 h1:");
    }

    [Fact]
    public async Task A_tampered_record_does_not_prove_against_the_signed_tree()
    {
        var (server, db) = Serve(All);
        await using var _ = server;
        db.TamperModule = "example.com/b";
        using var box = new SumDbSandbox();
        var results = await box.DownloadAsync(box.Env(server.Url, db.GoSumDb(server)), A, B);
        results[0].Error.ShouldBeNull();
        var e = Failure<SumDbSecurityException>(results[1]);
        e.Failure.ShouldBe(SumDbFailure.ProofFailed);
        e.Message.ShouldContain("example.com/b@v1.2.0: verifying");
        e.Message.ShouldContain("cannot authenticate record data");
        Directory.Exists(Path.Combine(box.CacheDir(db.Name), "lookup", "example.com", "b@v1.2.0")).ShouldBeFalse();
        File.Exists(Path.Combine(box.CacheDir(db.Name), "lookup", "example.com", "b@v1.2.0")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_forked_tree_is_a_SECURITY_ERROR_showing_both_signed_trees()
    {
        var (server, db) = Serve(All);
        await using var _ = server;
        using var box = new SumDbSandbox();
        var env = box.Env(server.Url, db.GoSumDb(server));
        (await box.DownloadAsync(env, A)).ShouldAllBe(r => r.Error == null);
        var before = File.ReadAllText(box.LatestPath(db.Name));

        db.Fork();
        var e = Failure<SumDbSecurityException>((await box.DownloadAsync(env, B))[0]);
        e.Failure.ShouldBe(SumDbFailure.Fork);
        e.Message.ShouldStartWith("example.com/b@v1.2.0: verifying go.mod: SECURITY ERROR\ngo.sum database server misbehavior detected!");
        e.Message.ShouldContain("old database:\n\tgo.sum database tree\n\t" + db.Log.Size + "\n");
        e.Message.ShouldContain("new database:\n\tgo.sum database tree\n\t" + db.ForkLog!.Size + "\n");
        e.Message.ShouldContain("proof of misbehavior:");
        File.ReadAllText(box.LatestPath(db.Name)).ShouldBe(before);
    }

    [Theory]
    [InlineData(TreeSigning.WrongKey, SumDbFailure.UnverifiedTree, "note has no verifiable signatures")]
    [InlineData(TreeSigning.UnknownKey, SumDbFailure.UnverifiedTree, "note has no verifiable signatures")]
    [InlineData(TreeSigning.BadSignature, SumDbFailure.InvalidSignature, "invalid signature")]
    public async Task A_tree_not_signed_by_the_database_key_is_refused(TreeSigning signing, SumDbFailure failure, string text)
    {
        var (server, db) = Serve(All);
        await using var _ = server;
        db.Signing = signing;
        using var box = new SumDbSandbox();
        var e = Failure<SumDbSecurityException>((await box.DownloadAsync(box.Env(server.Url, db.GoSumDb(server)), A))[0]);
        e.Failure.ShouldBe(failure);
        e.Message.ShouldContain("reading tree note: " + text);
        e.InnerException.ShouldBeOfType<SumDbSecurityException>().InnerException.ShouldBeOfType<NoteException>();
        File.Exists(box.LatestPath(db.Name)).ShouldBeFalse();
        box.GoSum.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_second_unknown_signer_is_ignored()
    {
        var (server, db) = Serve(All);
        await using var _ = server;
        db.Signing = TreeSigning.HonestPlusUnknown;
        using var box = new SumDbSandbox();
        (await box.DownloadAsync(box.Env(server.Url, db.GoSumDb(server)), A)).ShouldAllBe(r => r.Error == null);
    }

    [Theory]
    [InlineData(TileFault.Truncate, SumDbFailure.MalformedResponse, "malformed tile")]
    [InlineData(TileFault.Corrupt, SumDbFailure.ProofFailed, "downloaded inconsistent tile")]
    public async Task A_damaged_tile_is_refused_and_not_cached(TileFault fault, SumDbFailure failure, string text)
    {
        var (server, db) = Serve(All);
        await using var _ = server;
        db.TileFault = fault;
        using var box = new SumDbSandbox();
        var e = Failure<SumDbSecurityException>((await box.DownloadAsync(box.Env(server.Url, db.GoSumDb(server)), A))[0]);
        e.Failure.ShouldBe(failure);
        e.Message.ShouldContain(text);
        Directory.Exists(Path.Combine(box.CacheDir(db.Name), "tile")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_module_the_database_does_not_know_fails_with_advice_and_GONOSUMDB_exempts_it()
    {
        var (server, db) = Serve(All);
        await using var _ = server;
        db.OmitModule = "example.com/b";
        using var box = new SumDbSandbox();
        var results = await box.DownloadAsync(box.Env(server.Url, db.GoSumDb(server)), A, B);
        results[0].Error.ShouldBeNull();
        var e = Failure<SumDbUnavailableException>(results[1]);
        e.Failure.ShouldBe(SumDbFailure.NotFound);
        e.Message.ShouldContain("404 Not Found");
        e.Message.ShouldContain("GONOSUMDB");
        e.Message.ShouldContain("GOSUMDB=off");

        (await box.DownloadAsync(box.Env(server.Url, db.GoSumDb(server), goNoSumDb: "example.com/b"), B)).ShouldAllBe(r => r.Error == null);
        (await box.DownloadAsync(box.Env(server.Url, db.GoSumDb(server), goPrivate: "example.com", goNoProxy: "none.example"), Upper)).ShouldAllBe(r => r.Error == null);
        db.Requests.ShouldNotContain(p => p.Contains("!upper"));
    }

    [Fact]
    public async Task An_unreachable_database_is_a_clear_failure_that_says_how_to_proceed()
    {
        var (server, db) = Serve(All);
        await using var _ = server;
        using var box = new SumDbSandbox();
        var e = Failure<SumDbUnavailableException>((await box.DownloadAsync(box.Env(server.Url, db.VerifierKey + " http://127.0.0.1:1"), A))[0]);
        e.Failure.ShouldBe(SumDbFailure.Unreachable);
        e.Message.ShouldStartWith("example.com/a@v1.0.0: verifying ");
        e.Message.ShouldContain("127.0.0.1:1");
        e.Message.ShouldContain("GONOSUMDB");
        box.GoSum.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_tree_that_grows_between_requests_is_followed_and_the_newest_tree_is_kept()
    {
        var (server, db) = Serve(All);
        await using var _ = server;
        db.GrowAfterLookup = 150; // crosses tile boundaries (height 8) between lookups
        using var box = new SumDbSandbox();
        var env = box.Env(server.Url, db.GoSumDb(server));
        foreach (var m in All) (await box.DownloadAsync(env, m)).ShouldAllBe(r => r.Error == null);
        var latest = LogTree.Parse(File.ReadAllText(box.LatestPath(db.Name)).Split("\n\n")[0] + "\n");
        latest.N.ShouldBeGreaterThan(300);
        latest.ShouldBe(db.Log.Tree(latest.N));
    }

    [Fact]
    public async Task Concurrent_clients_sharing_latest_never_lose_the_newest_tree()
    {
        var (server, db) = Serve(All);
        await using var _ = server;
        db.GrowAfterLookup = 40;
        using var box = new SumDbSandbox();
        var env = box.Env(server.Url, db.GoSumDb(server));
        var modules = Enumerable.Range(0, 12).Select(i => TestModule.Simple($"example.com/c{i}", "v1.0.0")).ToList();
        foreach (var m in modules)
        {
            db.Add(m);
            foreach (var (k, v) in ProxyContent.Build([m])) server.Files[k] = v;
        }
        var seen = new System.Collections.Concurrent.ConcurrentBag<long>();
        await Task.WhenAll(modules.Select(m => Task.Run(async () =>
        {
            using var client = ChecksumDatabase.Create(env, FetchSandbox.NoRetry)!;
            await client.Client.LookupAsync(m.Path, m.Version, default);
            seen.Add(client.Client.Latest.N);
        })));
        var latest = LogTree.Parse(File.ReadAllText(box.LatestPath(db.Name)).Split("\n\n")[0] + "\n");
        latest.N.ShouldBe(seen.Max());
        latest.ShouldBe(db.Log.Tree(latest.N));
    }

    [Fact]
    public void GOSUMDB_is_read_as_go_reads_it()
    {
        SumDbConfig.Parse("off").ShouldBeNull();
        var google = SumDbConfig.Parse("sum.golang.org")!;
        google.Name.ShouldBe("sum.golang.org");
        google.Verifier.KeyHash.ShouldBe(0x033de0aeu);
        google.DirectUrl.ShouldBe("https://sum.golang.org");
        var cn = SumDbConfig.Parse("sum.golang.google.cn")!;
        cn.Name.ShouldBe("sum.golang.org");
        cn.Url.ShouldBe("https://sum.golang.google.cn");
        var key = new TestSumDb("db.example.com/sub").VerifierKey;
        var custom = SumDbConfig.Parse(key + " http://127.0.0.1:9/x")!;
        custom.Name.ShouldBe("db.example.com/sub");
        custom.DirectUrl.ShouldBe("http://127.0.0.1:9/x");
        SumDbConfig.Parse(key)!.DirectUrl.ShouldBe("https://db.example.com/sub");

        Should.Throw<SumDbException>(() => SumDbConfig.Parse("")).Message.ShouldBe("missing GOSUMDB");
        Should.Throw<SumDbException>(() => SumDbConfig.Parse("a b c")).Message.ShouldBe("invalid GOSUMDB: too many fields");
        Should.Throw<SumDbException>(() => SumDbConfig.Parse("sum.example.com")).Message.ShouldStartWith("invalid GOSUMDB: malformed verifier id");
        var badHash = key.Split('+')[0] + "+00000000+" + key.Split('+', 3)[2];
        Should.Throw<SumDbException>(() => SumDbConfig.Parse(badHash)).Message.ShouldStartWith("invalid GOSUMDB: invalid verifier hash");
        Should.Throw<SumDbException>(() => SumDbConfig.Parse(new TestSumDb("db.example.com/").VerifierKey)).Failure.ShouldBe(SumDbFailure.Configuration);
    }
}
