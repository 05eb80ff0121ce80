using System.Text;
using GoMod.Core.Module;
using GoMod.Core.SumDb.Note;
using GoMod.Core.SumDb.Tlog;
using GoMod.Testing;

namespace GoMod.EndToEnd.Tests;

/// <summary>
/// dotnet build with GoModMode=mod adds go.sum lines only after the checksum database vouches for them: the packed
/// task (with BouncyCastle beside it) reaches a database served through the sample's file:// GOPROXY, and a database
/// that contradicts a download stops the build with GOMOD0105.
/// </summary>
[Collection(SdkCollection.Name)]
public sealed class ChecksumDatabaseTests(SdkPackage sdk) : IDisposable
{
    private const string DbName = "sum.e2e.test";
    private readonly TempDirectory _dir = new("e2e-sumdb");

    public void Dispose() => _dir.Dispose();

    /// <summary>A copy of the sample proxy with a database below <c>sumdb/&lt;name&gt;/</c> recording <paramref name="lines"/>; returns GOPROXY and GOSUMDB.</summary>
    private (string Proxy, string GoSumDb) Serve(IEnumerable<string> lines)
    {
        var proxy = _dir.Combine("proxy");
        foreach (var file in Directory.EnumerateFiles(Repo.Combine("samples/hello/proxy"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(proxy, Path.GetRelativePath(Repo.Combine("samples/hello/proxy"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        var (skey, vkey) = NoteKeys.Generate(DbName);
        var root = Path.Combine(proxy, "sumdb", DbName);
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "supported"), "");

        var log = new Log();
        var records = new List<(string Path, string Version, byte[] Text)>();
        for (var i = 0; i < 30; i++) records.Add(("", "", Encoding.UTF8.GetBytes($"filler.example/m{i} v1.0.0 h1:{Convert.ToBase64String(new byte[32])}\n")));
        foreach (var g in lines.Select(l => l.Split(' ')).GroupBy(f => (f[0], f[1].Replace("/go.mod", ""))))
            records.Add((g.Key.Item1, g.Key.Item2, Encoding.UTF8.GetBytes(string.Concat(g.Select(f => string.Join(' ', f) + "\n")))));
        for (var n = 0; n < records.Count; n++) log.Append(n, records[n].Text);
        var tree = new LogTree(records.Count, MerkleTree.TreeHashAsync(records.Count, log, default).AsTask().Result);
        var note = SignedNote.Sign(tree.Format(), NoteSigner.Parse(skey));
        for (var id = 0; id < records.Count; id++)
        {
            if (records[id].Path.Length == 0) continue;
            var file = Path.Combine(root, "lookup", ModulePath.EscapePath(records[id].Path) + "@" + ModulePath.EscapeVersion(records[id].Version));
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllBytes(file, [.. LogRecord.Format(id, records[id].Text), .. note]);
        }
        foreach (var tile in Tile.NewTiles(8, 0, records.Count))
        {
            var file = Path.Combine(root, tile.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllBytes(file, tile.ReadDataAsync(log, default).AsTask().Result);
        }
        return ("file://" + proxy, vkey);
    }

    private sealed class Log : IHashReader
    {
        private readonly List<TlogHash> _hashes = [];

        public void Append(long n, byte[] text) =>
            _hashes.AddRange(MerkleTree.StoredHashesAsync(n, MerkleTree.RecordHash(text), this, default).AsTask().Result);

        public ValueTask<TlogHash[]> ReadHashesAsync(IReadOnlyList<long> indexes, CancellationToken ct) =>
            ValueTask.FromResult(indexes.Select(i => _hashes[(int)i]).ToArray());
    }

    private Dictionary<string, string?> Env(string proxy, string goSumDb) => new()
    {
        ["GOPROXY"] = proxy,
        ["GOSUMDB"] = goSumDb,
        ["GONOSUMDB"] = null,
        ["GOPRIVATE"] = null,
        ["GOFLAGS"] = "-mod=mod",
        ["GOPATH"] = _dir.Combine("gopath"),
    };

    private static string[] SampleLines => GoInputs.GoSum.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void GoModMode_mod_adds_the_go_sum_lines_the_checksum_database_vouched_for()
    {
        var (proxy, goSumDb) = Serve(SampleLines);
        using var p = TestProject.Standalone(sdk);
        p.Write("go.mod", GoInputs.GoMod());

        var build = p.Dotnet(Env(proxy, goSumDb), "build");

        build.EnsureSuccess("dotnet build");
        File.ReadAllText(p.Combine("go.sum")).ShouldBe(GoInputs.GoSum);
        File.ReadAllText(_dir.Combine("gopath", "pkg", "sumdb", DbName, "latest")).ShouldStartWith("go.sum database tree\n34\n");
        File.Exists(Path.Combine(p.ModCache, "cache", "download", "sumdb", DbName, "lookup", "example.com", "!shout@v0.2.0")).ShouldBeTrue();
    }

    [Fact]
    public void A_database_that_contradicts_a_download_stops_the_build_with_GOMOD0105()
    {
        var forged = SampleLines.Select(l => l.StartsWith("example.com/greeting v1.1.0 h1:", StringComparison.Ordinal)
            ? "example.com/greeting v1.1.0 h1:" + Convert.ToBase64String(new byte[32]) : l);
        var (proxy, goSumDb) = Serve(forged);
        using var p = TestProject.Standalone(sdk);
        p.Write("go.mod", GoInputs.GoMod());

        var build = p.Dotnet(Env(proxy, goSumDb), "build");

        build.ExitCode.ShouldNotBe(0);
        build.StdOut.ShouldContain("GOMOD0105");
        build.StdOut.ShouldContain("example.com/greeting@v1.1.0: verifying module: checksum mismatch");
        build.StdOut.ShouldContain("SECURITY ERROR");
        (File.Exists(p.Combine("go.sum")) ? File.ReadAllText(p.Combine("go.sum")) : "").ShouldNotContain("example.com/greeting v1.1.0 h1:");
    }
}
