using GoMod.Core.GoEnv;
using GoMod.Core.Restore;
using GoMod.Core.Sum;
using GoMod.Core.Zip;
using GoMod.Core.Tests.Fetch.Infrastructure;
using GoMod.Core.Tests.SumDb.Infrastructure;

namespace GoMod.Core.Tests.SumDb;

/// <summary>
/// The restore (GoModMode=mod) and GoModGet add a go.sum line only after the checksum database confirms it; a complete
/// go.sum needs no database; a database that contradicts the download or cannot be reached stops the restore with a
/// coded diagnostic (GOMOD0105, GOMOD0204).
/// </summary>
public sealed class RestoreSumDbTests : IDisposable
{
    private static readonly TestModule A = TestModule.Simple("example.com/a", "v1.0.0");
    private static readonly TestModule B = TestModule.Simple("example.com/b", "v1.2.0");
    private const string MainGoMod = "module example.com/main\n\ngo 1.17\n\nrequire (\n\texample.com/a v1.0.0\n\texample.com/b v1.2.0\n)\n";

    private readonly SumDbSandbox _box = new("restore-sumdb");
    private readonly TestProxyServer _server = TestProxyServer.For(A, B);
    private readonly TestSumDb _db;

    public RestoreSumDbTests()
    {
        _db = new TestSumDb().On(_server);
        _db.Grow(4);
        _db.Add(A);
        _db.Add(B);
        _box.Dir.Write("main/go.mod", MainGoMod);
    }

    public void Dispose()
    {
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _box.Dispose();
    }

    private RestoreOptions Options(string mode, string? goSumDb = null, string? modCache = null) => new()
    {
        ModFile = Path.Combine(_box.Main, "go.mod"),
        ModMode = mode,
        Settings = new Dictionary<string, string?>
        {
            ["GOPATH"] = _box.GoPath,
            ["GOMODCACHE"] = modCache ?? _box.ModCache,
            ["GOPROXY"] = _server.Url,
            ["GOSUMDB"] = goSumDb ?? _db.GoSumDb(_server),
        },
        GetEnvironmentVariable = name => name == "GOENV" ? "off" : null,
    };

    private Task<RestoreResult> RestoreAsync(string mode, string? goSumDb = null, string? modCache = null) =>
        new ModuleRestorer().RestoreAsync(Options(mode, goSumDb, modCache), CancellationToken.None);

    [Fact]
    public async Task GoModMode_mod_adds_go_sum_lines_the_database_confirmed_and_a_complete_go_sum_needs_no_database()
    {
        var result = await RestoreAsync("mod");
        result.Diagnostics.Where(d => d.IsError).ShouldBeEmpty();
        _box.GoSum.ShouldBe(
            $"example.com/a v1.0.0 {TestSumDb.ZipHash(A)}\nexample.com/a v1.0.0/go.mod {DirHash.HashGoMod(A.GoModBytes)}\n" +
            $"example.com/b v1.2.0 {TestSumDb.ZipHash(B)}\nexample.com/b v1.2.0/go.mod {DirHash.HashGoMod(B.GoModBytes)}\n");
        _db.LookupCount.ShouldBe(2);
        File.Exists(_box.LatestPath(_db.Name)).ShouldBeTrue();

        // go.sum is complete: a fresh module cache and an unreachable database do not matter, in either mode.
        var requests = _db.Requests.Count;
        foreach (var mode in new[] { "mod", "readonly" })
        {
            var again = await RestoreAsync(mode, _db.VerifierKey + " http://127.0.0.1:1", _box.Dir.Combine("cache-" + mode));
            again.Diagnostics.Where(d => d.IsError).ShouldBeEmpty();
        }
        _db.Requests.Count.ShouldBe(requests);
    }

    [Fact]
    public async Task A_zip_the_database_contradicts_is_GOMOD0105_and_is_neither_cached_nor_added()
    {
        _db.Add(B.Path, "v1.2.0-other", "h1:x", "h1:y"); // unrelated record after B
        var genuine = TestModule.Simple("example.com/b", "v1.2.0", goVersion: "1.18");
        var server2 = TestProxyServer.For(A, B);
        await using var _ = server2;
        var db2 = new TestSumDb().On(server2);
        db2.Add(A);
        db2.Add(genuine.Path, genuine.Version, TestSumDb.ZipHash(genuine), DirHash.HashGoMod(B.GoModBytes));

        var result = await new ModuleRestorer().RestoreAsync(Options("mod", db2.GoSumDb(server2)) with
        {
            Settings = new Dictionary<string, string?>
            {
                ["GOPATH"] = _box.GoPath, ["GOMODCACHE"] = _box.ModCache, ["GOPROXY"] = server2.Url, ["GOSUMDB"] = db2.GoSumDb(server2),
            },
        }, CancellationToken.None);
        var d = result.Diagnostics.Where(x => x.IsError).ShouldHaveSingleItem();
        d.Code.ShouldBe("GOMOD0105");
        d.Message.ShouldContain("example.com/b@v1.2.0: verifying module: checksum mismatch");
        d.Message.ShouldContain("SECURITY ERROR");
        d.Line.ShouldBe(7);
        File.Exists(Path.Combine(_box.ModCache, "cache", "download", "example.com", "b", "@v", "v1.2.0.zip")).ShouldBeFalse();
        Directory.Exists(Path.Combine(_box.ModCache, "example.com", "b@v1.2.0")).ShouldBeFalse();
        _box.GoSum.ShouldNotContain("example.com/b v1.2.0 h1:");
    }

    [Fact]
    public async Task A_database_that_misbehaves_while_the_module_graph_loads_is_GOMOD0105()
    {
        _db.Signing = TreeSigning.BadSignature;
        var result = await RestoreAsync("mod");
        var d = result.Diagnostics.First(x => x.IsError);
        d.Code.ShouldBe("GOMOD0105");
        d.Message.ShouldContain("verifying go.mod: reading tree note: invalid signature");
        _box.GoSum.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unreachable_database_is_GOMOD0204_saying_how_to_proceed()
    {
        var result = await RestoreAsync("mod", _db.VerifierKey + " http://127.0.0.1:1");
        var d = result.Diagnostics.First(x => x.IsError);
        d.Code.ShouldBe("GOMOD0204");
        d.Message.ShouldContain("GONOSUMDB");
        d.Message.ShouldContain("GOSUMDB=off");
        _box.GoSum.ShouldBeEmpty();
    }

    [Fact]
    public async Task GoModGet_adds_lines_only_after_the_database_confirms_them()
    {
        _box.Dir.Write("main/go.mod", "module example.com/main\n\ngo 1.17\n");
        var ok = await ModuleCommands.GetAsync(Options("mod"), ["example.com/a@v1.0.0"], "", CancellationToken.None);
        ok.Succeeded.ShouldBeTrue(ok.Output.StdErr);
        _box.GoSum.ShouldContain($"example.com/a v1.0.0/go.mod {DirHash.HashGoMod(A.GoModBytes)}\n");
        _db.LookupCount.ShouldBe(1);

        _db.TamperModule = B.Path;
        var bad = await ModuleCommands.GetAsync(Options("mod"), ["example.com/b@v1.2.0"], "", CancellationToken.None);
        bad.Succeeded.ShouldBeFalse();
        bad.Output.StdErr.ShouldContain("example.com/b@v1.2.0: verifying module: cannot authenticate record data in server response");
        bad.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe("GOMOD0105");
        _box.GoSum.ShouldNotContain("example.com/b");
    }
}
