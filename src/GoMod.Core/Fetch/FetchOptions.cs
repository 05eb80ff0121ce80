using System.Security.Cryptography.X509Certificates;
using GoMod.Core.GoEnv;
using GoMod.Core.Proxy;
using GoMod.Core.Vcs;

namespace GoMod.Core.Fetch;

/// <summary>Tuning of a <see cref="ModuleDownloader"/> that the go environment does not express.</summary>
public sealed record FetchOptions
{
    /// <summary>
    /// How many modules are fetched at once. The default was measured on a 2-core machine against a loopback proxy
    /// (see Fetch/README.md): downloads are I/O-bound, so it is well above the core count.
    /// </summary>
    public int MaxParallelDownloads { get; init; } = 16;

    /// <summary>Retrying of transient failures.</summary>
    public RetryPolicy Retry { get; init; } = new();

    /// <summary>Time allowed until response headers arrive, per attempt.</summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Longest pause allowed while reading a response body, per attempt.</summary>
    public TimeSpan ReadIdleTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The stall rule's window: a response body fails (as a transient <see cref="DownloadStalledException"/>, retried
    /// within <see cref="Retry"/>) when fewer than <see cref="StallMinimumBytes"/> bytes arrive during any window of
    /// this length, so a server sending a byte every few seconds cannot hold a build forever; a body shorter than the
    /// minimum must end within one window. Zero or <see cref="Timeout.InfiniteTimeSpan"/> disables the rule.
    /// </summary>
    public TimeSpan StallWindow { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Bytes that must arrive within every <see cref="StallWindow"/> (the default, 4 KiB in 30 s, is about 1 Kbit/s).</summary>
    public long StallMinimumBytes { get; init; } = 4096;

    /// <summary>Largest .mod, .info or list response accepted (go.mod files are capped at 16 MiB in zips).</summary>
    public long MaxMetadataBytes { get; init; } = 64L << 20;

    /// <summary>
    /// Called with each request as the go command's <c>-x</c> prints it (<c># get URL</c>, then the outcome), URLs
    /// redacted. Null for silence.
    /// </summary>
    public Action<string>? Trace { get; init; }

    /// <summary>
    /// Extra root certificates trusted for https proxies (a private CA), in addition to the system's. Null: the system
    /// trust store only (which honours SSL_CERT_FILE / SSL_CERT_DIR on Linux, as go does).
    /// </summary>
    public X509Certificate2Collection? TrustedRootCertificates { get; init; }

    /// <summary>Overrides the .netrc credentials (null: read NETRC / ~/.netrc as go does).</summary>
    public NetrcFile? Netrc { get; init; }

    /// <summary>
    /// The run's GOAUTH state (the methods' credentials, each command's one run), shared by the downloader and the
    /// checksum database of a run, as go keeps one per process; null: each makes its own. See <see cref="ForRun"/>.
    /// </summary>
    internal Auth.GoAuth? Auth { get; init; }

    /// <summary>
    /// <paramref name="options"/> (or the defaults) with one GOAUTH state for everything the run creates from them.
    /// </summary>
    internal static FetchOptions ForRun(GoEnvironment environment, FetchOptions? options)
    {
        var o = options ?? new FetchOptions();
        return o.Auth is not null ? o : o with { Auth = GoMod.Core.Auth.GoAuth.For(environment, o) };
    }

    /// <summary>Direct mode (fetching from version control): git command, timeouts, host mapping for discovery.</summary>
    public Vcs.VcsOptions Vcs { get; init; } = new();

    /// <summary>
    /// Replaces how connections are opened (the handler's <c>ConnectCallback</c>): for tests that need the network's
    /// failures, such as a host name that does not resolve, without a name lookup leaving the machine. Null: sockets.
    /// </summary>
    internal Func<System.Net.Http.SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>>? ConnectCallback { get; init; }

    /// <summary>Wraps each zip entry's inflating stream (name in the zip, stream): instrumentation for tests.</summary>
    internal Func<string, Stream, Stream>? EntryStreamWrapper { get; init; }
}
