using System.Net;

namespace GoMod.Core.Vcs;

/// <summary>Settings for fetching modules straight from version control (GOPROXY=direct, GONOPROXY/GOPRIVATE).</summary>
public sealed record VcsOptions
{
    /// <summary>The git executable (looked up on PATH by default).</summary>
    public string GitPath { get; init; } = "git";

    /// <summary>
    /// Longest time one git command may run before it is killed and reported as timed out; a server that accepts a
    /// connection and then says nothing can never hang a restore longer than this.
    /// </summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Longest time for one <c>?go-get=1</c> discovery request or repository probe.</summary>
    public TimeSpan HttpTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Host names resolved to fixed endpoints instead of DNS for <c>?go-get=1</c> discovery (a test-local hosts file):
    /// <c>vanity.test:443 → 127.0.0.1:54321</c>. Keys are <c>host:port</c> with the port the URL implies.
    /// </summary>
    public IReadOnlyDictionary<string, IPEndPoint>? HostMap { get; init; }
}
