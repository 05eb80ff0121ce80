using GoMod.Core.Fetch;
using GoMod.Core.Module;

namespace GoMod.Core.Proxy;

/// <summary>Stands for GOPROXY=off and for proxies that GONOPROXY excludes.</summary>
internal sealed class DisabledSource(string path, string reason) : IModuleRepo
{
    public string ModulePath { get; } = path;

    public Task<IReadOnlyList<string>> VersionsAsync(string prefix, CancellationToken ct) => throw Fail("");
    public Task<RevInfo> StatAsync(string rev, CancellationToken ct) => throw Fail(rev);
    public Task<RevInfo> LatestAsync(CancellationToken ct) => throw Fail("");
    public Task<IReadOnlyList<string>> ListLinesAsync(CancellationToken ct) => throw Fail("");
    public Task<RevInfo> LatestEndpointAsync(CancellationToken ct) => throw Fail("");
    public Task<RevInfo?> TryLatestEndpointAsync(CancellationToken ct) => Task.FromResult<RevInfo?>(null);
    public Task<byte[]> GoModAsync(string version, CancellationToken ct) => throw Fail(version);
    public Task ZipAsync(string version, Stream destination, CancellationToken ct) => throw Fail(version);
    public string ZipLocation(string version) => reason;

    private DisabledLookupException Fail(string version) => new(ModulePath, version, reason);
}
