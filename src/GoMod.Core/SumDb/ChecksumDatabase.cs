using GoMod.Core.Fetch;
using GoMod.Core.GoEnv;
using GoMod.Core.Zip;

namespace GoMod.Core.SumDb;

/// <summary>
/// The checksum database as the downloader consults it (go's <c>checkSumDB</c>): a module exempt by GONOSUMDB (or
/// GOPRIVATE) is not looked up; otherwise the database's lines for <c>path version</c> are read through a
/// <see cref="SumDbClient"/> and the downloaded hash must be among them. Another h1 hash there is a SECURITY ERROR
/// naming the module with both hashes; a database that verifies nothing about that version (no line for it) is
/// accepted, as go 1.19 accepts it. Failures carry the module: <c>path@version: verifying module: …</c>.
/// </summary>
public sealed class ChecksumDatabase : IChecksumDatabase, IDisposable
{
    private const string MismatchAdvice = """


        SECURITY ERROR
        This download does NOT match the one reported by the checksum server.
        The bits may have been replaced on the origin server, or an attacker may
        have intercepted the download attempt.

        For more information, see 'go help module-auth'.
        """;

    private readonly GoEnvironment _environment;
    private readonly Lazy<(SumDbClient Client, SumDbRemote? Remote)> _client;

    /// <summary>A database client over an explicit store (tests, benchmarks).</summary>
    public ChecksumDatabase(GoEnvironment environment, SumDbClient client)
    {
        _environment = environment;
        _client = new Lazy<(SumDbClient, SumDbRemote?)>((client, null));
    }

    private ChecksumDatabase(GoEnvironment environment, FetchOptions? options)
    {
        _environment = environment;
        _client = new Lazy<(SumDbClient, SumDbRemote?)>(() =>
        {
            var config = SumDbConfig.Parse(environment.GoSumDb)!;
            var remote = new SumDbRemote(config, environment.GoProxy, options, environment.Home, environment.Netrc, environment.GoAuth);
            var store = new GoSumDbStore(config.Name, SumDbDirectory(environment), environment.ModCache, remote);
            return (new SumDbClient(config.Verifier, store), remote);
        }, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The client (GOSUMDB is parsed on first use, as go dials the database only when it needs it).</summary>
    /// <exception cref="SumDbException">GOSUMDB is invalid (Configuration).</exception>
    public SumDbClient Client => _client.Value.Client;

    /// <summary>The database name.</summary>
    public string Name => Client.Name;

    /// <summary>
    /// The database GOSUMDB names, with go's storage (<c>$GOPATH/pkg/sumdb</c>, <c>$GOMODCACHE/cache/download/sumdb</c>)
    /// and access rules (GOPROXY's <c>/sumdb/</c> support); null when GOSUMDB is <c>off</c>. GOSUMDB itself is read on
    /// the first lookup, so a build whose go.sum is complete never fails on it (as with go).
    /// </summary>
    public static ChecksumDatabase? Create(GoEnvironment environment, FetchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.GoSumDb.Trim() == "off" ? null : new ChecksumDatabase(environment, options);
    }

    /// <summary>
    /// <c>$GOPATH/pkg/sumdb</c> for the first GOPATH entry (go's <c>cfg.SumdbDir</c>); when GOPATH is unknown, the
    /// folder beside a default-placed module cache.
    /// </summary>
    public static string SumDbDirectory(GoEnvironment environment) =>
        environment.GoPath is { Length: > 0 } gopath
            ? Path.Combine(gopath, "pkg", "sumdb")
            : Path.GetFullPath(Path.Combine(environment.ModCache, "..", "sumdb"));

    /// <inheritdoc/>
    /// <exception cref="SumDbSecurityException">The database records another hash, or misbehaved.</exception>
    /// <exception cref="SumDbUnavailableException">The database could not vouch for the module.</exception>
    public async Task VerifyAsync(string path, string version, string hash, CancellationToken ct)
    {
        if (!_environment.UsesSumDb(path)) return;
        var goMod = version.EndsWith("/go.mod", StringComparison.Ordinal);
        var bare = goMod ? version[..^"/go.mod".Length] : version;
        var noun = goMod ? "go.mod" : "module";
        var head = $"{path}@{bare}: verifying {noun}: ";
        IReadOnlyList<string> lines;
        try
        {
            var client = Client;
            lines = await client.LookupAsync(path, version, ct).ConfigureAwait(false);
        }
        catch (SumDbSecurityException e)
        {
            throw new SumDbSecurityException(e.Failure, path, version, head + e.Message, e);
        }
        catch (SumDbUnavailableException e)
        {
            var advice = $"\n\tThe checksum database {Name} cannot vouch for {path}. If it is a private module, list it in GONOSUMDB (or GOPRIVATE)" +
                         "; to skip the checksum database altogether, set GOSUMDB=off.";
            throw new SumDbUnavailableException(e.Failure, path, version, head + e.Message + advice, e);
        }
        catch (SumDbException e)
        {
            throw new SumDbException(e.Failure, path, version, head + e.Message, e);
        }

        var have = $"{path} {version} {hash}";
        var prefix = $"{path} {version} h1:";
        foreach (var line in lines)
        {
            if (line == have) return;
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                var recorded = line[(prefix.Length - 3)..];
                throw new SumDbSecurityException(SumDbFailure.ChecksumMismatch, path, version,
                    $"{path}@{bare}: verifying {noun}: checksum mismatch\n\tdownloaded: {hash}\n\t{Name}: {recorded}" + MismatchAdvice)
                {
                    Downloaded = hash,
                    Recorded = recorded,
                };
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_client.IsValueCreated) _client.Value.Remote?.Dispose();
    }
}
