using System.Collections.Concurrent;
using System.Text;
using GoMod.Core.Module;
using GoMod.Core.Sum;
using GoMod.Core.SumDb.Note;
using GoMod.Core.SumDb.Tlog;
using GoMod.Core.Tests.Fetch.Infrastructure;

namespace GoMod.Core.Tests.SumDb.Infrastructure;

/// <summary>
/// A checksum database served by a <see cref="TestProxyServer"/> below <c>/sumdb/&lt;name&gt;/</c> (so it is reached
/// both through the proxy's <c>supported</c> endpoint and directly with <c>GOSUMDB="key url"</c>): a real log of
/// go.sum records, its tiles of height 8, lookups, and signed tree notes. Switches make it misbehave: tamper with one
/// record, fork the tree, sign wrongly, damage tiles, omit a record, grow between requests.
/// </summary>
public sealed class TestSumDb
{
    private readonly ConcurrentDictionary<string, long> _index = new(StringComparer.Ordinal);
    private readonly NoteSigner _signer;
    private readonly NoteSigner _otherKeySameName;
    private readonly NoteSigner _otherName;
    private int _filler;

    public TestSumDb(string name = "sum.gomod.test")
    {
        Name = name;
        (var skey, VerifierKey) = NoteKeys.Generate(name);
        _signer = NoteSigner.Parse(skey);
        _otherKeySameName = NoteSigner.Parse(NoteKeys.Generate(name).SignerKey);
        _otherName = NoteSigner.Parse(NoteKeys.Generate("evil.example").SignerKey);
    }

    public string Name { get; }

    /// <summary>The database key (<c>name+hash+key</c>).</summary>
    public string VerifierKey { get; }

    public TestLog Log { get; } = new();

    /// <summary>When set, served instead of <see cref="Log"/> (a forked history).</summary>
    public TestLog? ForkLog { get; set; }

    public TreeSigning Signing { get; set; } = TreeSigning.Honest;

    public TileFault TileFault { get; set; }

    /// <summary>Lookups of this module path answer with a record whose hashes were changed (tiles stay honest).</summary>
    public string? TamperModule { get; set; }

    /// <summary>Lookups of this module path answer 404, as for a module the database does not know.</summary>
    public string? OmitModule { get; set; }

    /// <summary>After each lookup, this many unrelated records are appended.</summary>
    public int GrowAfterLookup { get; set; }

    /// <summary>A partial tile is gone (404) once its full tile exists, as a server may drop completed partial tiles.</summary>
    public bool ExpirePartialTiles { get; set; }

    /// <summary>Whether <c>/sumdb/&lt;name&gt;/supported</c> answers 200.</summary>
    public bool Supported { get; set; } = true;

    public ConcurrentQueue<string> Requests { get; } = new();

    public int LookupCount => Requests.Count(r => r.StartsWith("/lookup/", StringComparison.Ordinal));

    public int TileCount => Requests.Count(r => r.StartsWith("/tile/", StringComparison.Ordinal));

    private TestLog Served => ForkLog ?? Log;

    /// <summary>GOSUMDB naming this database at <paramref name="server"/> directly.</summary>
    public string GoSumDb(TestProxyServer server) => $"{VerifierKey} {server.Url}/sumdb/{Name}";

    /// <summary>Records the hashes of a module (computed from its real zip and go.mod).</summary>
    public long Add(TestModule m) => Add(m.Path, m.Version, ZipHash(m), DirHash.HashGoMod(m.GoModBytes));

    public long Add(string path, string version, string zipHash, string modHash)
    {
        var id = Log.Append($"{path} {version} {zipHash}\n{path} {version}/go.mod {modHash}\n");
        _index[Key(path, version)] = id;
        return id;
    }

    /// <summary>Appends <paramref name="count"/> records of made-up modules.</summary>
    public void Grow(int count, TestLog? log = null)
    {
        for (var i = 0; i < count; i++)
        {
            var n = Interlocked.Increment(ref _filler);
            (log ?? Log).Append($"filler.example/m{n} v1.0.0 h1:{Convert.ToBase64String(new byte[32])}\n");
        }
    }

    /// <summary>Serves a history that rewrote record <paramref name="id"/> and then grew by one record.</summary>
    public void Fork(long id = 0)
    {
        var fork = new TestLog();
        var records = Log.Records;
        for (var i = 0; i < records.Count; i++)
            fork.Append(i == id ? Encoding.UTF8.GetBytes("rewritten.example/m v1.0.0 h1:" + Convert.ToBase64String(new byte[32]) + "\n") : records[i]);
        Grow(1, fork);
        ForkLog = fork;
    }

    public static string ZipHash(TestModule m)
    {
        var tmp = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(tmp, m.Zip());
            return DirHash.HashZip(tmp);
        }
        finally
        {
            File.Delete(tmp);
        }
    }

    /// <summary>The signed note of the served tree, signed as <see cref="Signing"/> says.</summary>
    public byte[] SignedTree(TestLog? log = null)
    {
        var text = (log ?? Served).Tree().Format();
        return Signing switch
        {
            TreeSigning.Honest => SignedNote.Sign(text, _signer),
            TreeSigning.HonestPlusUnknown => SignedNote.Sign(text, _otherName, _signer),
            TreeSigning.WrongKey => SignedNote.Sign(text, _otherKeySameName),
            TreeSigning.UnknownKey => SignedNote.Sign(text, _otherName),
            TreeSigning.BadSignature => BadlySigned(text),
            _ => throw new InvalidOperationException(),
        };
    }

    private byte[] BadlySigned(string text)
    {
        // The database key's signature over other text, attached to this text.
        var other = Encoding.UTF8.GetString(SignedNote.Sign(text.Replace("tree\n", "tree \n", StringComparison.Ordinal), _signer));
        return Encoding.UTF8.GetBytes(text + other[other.LastIndexOf("\n\n", StringComparison.Ordinal)..][1..]);
    }

    /// <summary>Answers requests below <c>/sumdb/&lt;name&gt;/</c>; null for anything else.</summary>
    public TestResponse? Handle(RecordedRequest request)
    {
        var prefix = "/sumdb/" + Name;
        if (!request.Path.StartsWith(prefix + "/", StringComparison.Ordinal)) return null;
        var path = request.Path[prefix.Length..];
        Requests.Enqueue(path);
        if (path == "/supported") return Supported ? TestResponse.Text(200, "") : TestResponse.Text(404, "not supported\n");
        if (path == "/latest") return new TestResponse(200, SignedTree());
        if (path.StartsWith("/lookup/", StringComparison.Ordinal)) return Lookup(path["/lookup/".Length..]);
        if (path.StartsWith("/tile/", StringComparison.Ordinal)) return ServeTile(path[1..]);
        return TestResponse.Text(404, "not found\n");
    }

    private readonly object _lookupGate = new();

    private TestResponse Lookup(string key)
    {
        // One lookup at a time, so that each answer and the growth after it happen together (sizes are deterministic).
        lock (_lookupGate) return LookupLocked(key);
    }

    private TestResponse LookupLocked(string key)
    {
        var at = key.LastIndexOf('@');
        if (at < 0 || !_index.TryGetValue(key, out var id)) return TestResponse.Text(404, $"not found: {key}\n");
        var path = key[..at];
        if (OmitModule is not null && ModulePath.EscapePath(OmitModule) == path) return TestResponse.Text(404, $"not found: {key}\n");
        var log = Served;
        var text = log.Record(id);
        if (TamperModule is not null && ModulePath.EscapePath(TamperModule) == path)
            text = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(text).Replace("h1:", "h1:X", StringComparison.Ordinal));
        var body = LogRecord.Format(id, text).Concat(SignedTree(log)).ToArray();
        if (GrowAfterLookup > 0) Grow(GrowAfterLookup, ForkLog);
        return new TestResponse(200, body);
    }

    private TestResponse ServeTile(string path)
    {
        Tile tile;
        try
        {
            tile = Tile.Parse(path);
        }
        catch (TlogException)
        {
            return TestResponse.Text(404, "bad tile path\n");
        }
        var log = Served;
        var size = log.Size;
        if (ExpirePartialTiles && !tile.IsFull && log.TileData(tile.Full, size) is not null) return TestResponse.Text(404, "partial tile gone\n");
        var data = log.TileData(tile, size);
        if (data is null) return TestResponse.Text(404, "tile not found\n");
        if (tile.L >= 0)
        {
            if (TileFault == TileFault.Truncate) data = data[..^7];
            if (TileFault == TileFault.Corrupt) data[^1] ^= 0x55;
        }
        return new TestResponse(200, data, "application/octet-stream");
    }

    private static string Key(string path, string version) => ModulePath.EscapePath(path) + "@" + ModulePath.EscapeVersion(version);

    /// <summary>Attaches this database to <paramref name="server"/> (other paths keep serving the proxy's files).</summary>
    public TestSumDb On(TestProxyServer server)
    {
        server.Handler = Handle;
        return this;
    }
}
