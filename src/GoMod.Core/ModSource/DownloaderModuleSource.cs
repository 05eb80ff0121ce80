using FetchRevInfo = GoMod.Core.Fetch.RevInfo;
using GoMod.Core.Fetch;
using GoMod.Core.GoEnv;
using GoMod.Core.Module;
using GoMod.Core.Sum;
using GoMod.Core.SumDb;

namespace GoMod.Core.ModSource;

/// <summary>
/// MVS's graph source over the real GOPROXY client and module cache: every <c>.mod</c>, <c>.info</c>, list and zip
/// goes through <see cref="ModuleDownloader"/>, so what MVS reads lands in the module cache exactly as go stores it
/// and every go.mod and zip is hashed against go.sum first (a mismatch is go's SECURITY ERROR).
/// </summary>
/// <remarks>
/// Fetch's failures pass through as they are (<see cref="ModuleFetchException"/>, <see cref="ModuleNotFoundException"/>
/// for 404/410 or a missing file, so queries fall through as go's do); a go.sum mismatch, which is not about a module
/// request, is wrapped in a <see cref="ModuleException"/> naming the module.
/// A missing go.sum line is MVS's business (go reports it from the module loader, in its own words): the downloader
/// given here should check hashes in <see cref="ModMode.Mod"/> mode, recording new ones, and the caller decides
/// whether they are written.
/// </remarks>
public sealed class DownloaderModuleSource(ModuleDownloader downloader) : IExtractingModuleSource
{
    /// <summary>The downloader every request goes through.</summary>
    public ModuleDownloader Downloader { get; } = downloader ?? throw new ArgumentNullException(nameof(downloader));

    /// <inheritdoc/>
    public Task<byte[]> GetGoModAsync(string path, string version, CancellationToken cancellationToken) =>
        TranslateAsync(path, version, () => Downloader.GoModAsync(new ModuleVersion(path, version), cancellationToken));

    /// <inheritdoc/>
    public Task<IReadOnlyList<string>> GetVersionListAsync(string path, CancellationToken cancellationToken) =>
        TranslateAsync(path, "", () => Downloader.VersionListLinesAsync(path, cancellationToken));

    /// <inheritdoc/>
    public async Task<ResolvedRevision> StatAsync(string path, string revision, CancellationToken cancellationToken) =>
        ToMvs(await TranslateAsync(path, revision, () => Downloader.StatAsync(path, revision, cancellationToken)).ConfigureAwait(false));

    /// <inheritdoc/>
    public async Task<ResolvedRevision> LatestAsync(string path, CancellationToken cancellationToken) =>
        ToMvs(await TranslateAsync(path, "", () => Downloader.LatestEndpointAsync(path, cancellationToken)).ConfigureAwait(false));

    /// <inheritdoc/>
    public async Task<ResolvedRevision?> TryLatestAsync(string path, CancellationToken cancellationToken) =>
        await TranslateAsync(path, "", () => Downloader.TryLatestEndpointAsync(path, cancellationToken)).ConfigureAwait(false) is { } info ? ToMvs(info) : null;

    /// <inheritdoc/>
    public Task<string> DownloadZipAsync(string path, string version, CancellationToken cancellationToken) =>
        TranslateAsync(path, version, () => Downloader.DownloadZipAsync(new ModuleVersion(path, version), cancellationToken));

    /// <summary>
    /// The module extracted in the module cache (go's <c>modfetch.Download</c>): a module not in the cache yet is
    /// downloaded and extracted in one pass (each entry inflated once while it is hashed), as the restore's batch would
    /// extract it; returns the directory.
    /// </summary>
    public Task<string> ExtractAsync(string path, string version, CancellationToken cancellationToken) =>
        TranslateAsync(path, version, () => Downloader.DownloadAsync(new ModuleVersion(path, version), cancellationToken));

    /// <inheritdoc/>
    public async Task ExtractBeforeReadAsync(string path, string version, CancellationToken cancellationToken)
    {
        try
        {
            await ExtractAsync(path, version, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidModuleZipException) when (Downloader.Cache.HasZip(new ModuleVersion(path, version)))
        {
            // The zip is in the cache and matched go.sum; only its extraction failed.
        }
    }

    /// <summary>
    /// Fetch's <c>.info</c> keeps the cache file's exact text (time as written, Origin); MVS needs only the version
    /// and the instant, so the two records stay separate types and meet here.
    /// </summary>
    private static ResolvedRevision ToMvs(FetchRevInfo info) =>
        new(info.Version, info.Time == FetchRevInfo.ZeroTime ? DateTimeOffset.MinValue : info.TimeValue);

    private static async Task<T> TranslateAsync<T>(string path, string version, Func<Task<T>> fetch)
    {
        try
        {
            return await fetch().ConfigureAwait(false);
        }
        catch (ChecksumMismatchException e)
        {
            // go's SECURITY ERROR text already names module and version ("verifying path@version/go.mod: …").
            throw new ModuleException(path, version, e.Message.TrimEnd(), e);
        }
        catch (SumDbException e)
        {
            // The database's message starts with path@version: keep the rest as the detail, the failure as the cause.
            var head = $"{e.ModulePath}@{e.Version?.Replace("/go.mod", "", StringComparison.Ordinal)}: ";
            var detail = e.Message.StartsWith(head, StringComparison.Ordinal) ? e.Message[head.Length..] : e.Message;
            throw new ModuleException(path, version, detail.TrimEnd(), e);
        }
    }
}
