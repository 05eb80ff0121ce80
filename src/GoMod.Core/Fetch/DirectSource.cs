using GoMod.Core.Module;

namespace GoMod.Core.Fetch;

/// <summary>
/// <c>direct</c>: fetching from version control. Not implemented yet, so every request fails with a clear message
/// naming the module and what to change.
/// </summary>
internal sealed class DirectSource(string path, bool insecure) : IModuleRepo
{
    public string ModulePath { get; } = path;

    public Task<IReadOnlyList<string>> VersionsAsync(string prefix, CancellationToken ct) => throw Fail("");
    public Task<RevInfo> StatAsync(string rev, CancellationToken ct) => throw Fail(rev);
    public Task<RevInfo> LatestAsync(CancellationToken ct) => throw Fail("");
    public Task<IReadOnlyList<string>> ListLinesAsync(CancellationToken ct) => throw Fail("");
    public Task<RevInfo> LatestEndpointAsync(CancellationToken ct) => throw Fail("");
    public Task<byte[]> GoModAsync(string version, CancellationToken ct) => throw Fail(version);
    public Task ZipAsync(string version, Stream destination, CancellationToken ct) => throw Fail(version);
    public string ZipLocation(string version) => "direct";

    private ModuleFetchException Fail(string version) => new(ModulePath, version,
        "fetching directly from version control (GOPROXY=direct" + (insecure ? ", GOINSECURE" : "") +
        " or a GONOPROXY/GOPRIVATE match) is not supported yet by GoMod.Sdk; " +
        "serve the module from a GOPROXY module proxy (https://, http:// or file://)");
}
