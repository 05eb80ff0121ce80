using GoMod.Core.Fetch;
using GoMod.Core.Module;
using GoMod.Core.Vcs;

namespace GoMod.Core.Proxy;

/// <summary>
/// <c>direct</c>: the module comes straight from version control (see GoMod.Core.Vcs). The repository is resolved
/// and opened on first use through the downloader's <see cref="VcsSession"/>; every request is then answered by the
/// module's <see cref="CodeRepo"/> (or, for a go-import <c>mod</c> tag, by the proxy it names).
/// </summary>
internal sealed class DirectSource(string path, VcsSession session) : IModuleRepo
{
    public string ModulePath { get; } = path;

    public async Task<IReadOnlyList<string>> VersionsAsync(string prefix, CancellationToken ct) =>
        await (await session.SourceAsync(ModulePath, ct).ConfigureAwait(false)).VersionsAsync(prefix, ct).ConfigureAwait(false);
    public async Task<RevInfo> StatAsync(string rev, CancellationToken ct) =>
        await (await session.SourceAsync(ModulePath, ct).ConfigureAwait(false)).StatAsync(rev, ct).ConfigureAwait(false);
    public async Task<RevInfo> LatestAsync(CancellationToken ct) =>
        await (await session.SourceAsync(ModulePath, ct).ConfigureAwait(false)).LatestAsync(ct).ConfigureAwait(false);
    public async Task<IReadOnlyList<string>> ListLinesAsync(CancellationToken ct) =>
        await (await session.SourceAsync(ModulePath, ct).ConfigureAwait(false)).ListLinesAsync(ct).ConfigureAwait(false);
    public async Task<RevInfo> LatestEndpointAsync(CancellationToken ct) =>
        await (await session.SourceAsync(ModulePath, ct).ConfigureAwait(false)).LatestEndpointAsync(ct).ConfigureAwait(false);
    public async Task<byte[]> GoModAsync(string version, CancellationToken ct) =>
        await (await session.SourceAsync(ModulePath, ct).ConfigureAwait(false)).GoModAsync(version, ct).ConfigureAwait(false);
    public async Task ZipAsync(string version, Stream destination, CancellationToken ct) =>
        await (await session.SourceAsync(ModulePath, ct).ConfigureAwait(false)).ZipAsync(version, destination, ct).ConfigureAwait(false);
    public string ZipLocation(string version) => "direct";
}
