using GoMod.Testing;
using GoMod.Core.Fetch;
using GoMod.Core.GoEnv;
using GoMod.Core.Proxy;
using GoMod.Core.Sum;

namespace GoMod.Core.Tests.Fetch.Infrastructure;

/// <summary>A temporary module cache and go environment for one test.</summary>
public sealed class FetchSandbox : IDisposable
{
    public FetchSandbox(string name = "fetch") => Dir = new TempDirectory(name);

    public TempDirectory Dir { get; }

    public string ModCache => Dir.Combine("gopath", "pkg", "mod");

    /// <summary>Fast retries so that fault tests stay quick.</summary>
    public static FetchOptions FastOptions { get; } = new()
    {
        Retry = new RetryPolicy { MaxAttempts = 4, InitialDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(40), MaxTotalTime = TimeSpan.FromSeconds(10) },
        ResponseTimeout = TimeSpan.FromSeconds(10),
        ReadIdleTimeout = TimeSpan.FromSeconds(10),
        Netrc = NetrcFile.Empty,
    };

    public static FetchOptions NoRetry { get; } = FastOptions with { Retry = RetryPolicy.None };

    public GoEnvironment Env(string goProxy, string? goNoProxy = null, string? goFlags = null, string? goInsecure = null, string? goPrivate = null) =>
        GoEnvironment.FromVariables(new Dictionary<string, string?>
        {
            ["HOME"] = Dir.Path,
            ["GOENV"] = "off",
            ["GOPATH"] = Dir.Combine("gopath"),
            ["GOPROXY"] = goProxy,
            ["GONOPROXY"] = goNoProxy,
            ["GOPRIVATE"] = goPrivate,
            ["GOINSECURE"] = goInsecure,
            ["GOFLAGS"] = goFlags,
            ["GOSUMDB"] = "off",
        });

    public ModuleDownloader Downloader(string goProxy, GoSumChecker? sums = null, FetchOptions? options = null, string? goNoProxy = null, string? goFlags = null) =>
        new(Env(goProxy, goNoProxy, goFlags), sums, options ?? FastOptions);

    public void Dispose() => Dir.Dispose();
}
