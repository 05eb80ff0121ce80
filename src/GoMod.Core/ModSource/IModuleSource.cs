using GoMod.Core.Fetch;
using GoMod.Core.Module;

namespace GoMod.Core.ModSource;

/// <summary>
/// Where MVS reads the module graph from: the GOPROXY protocol's endpoints for one module path
/// (<c>@v/list</c>, <c>@v/VERSION.info</c>, <c>@v/VERSION.mod</c>, <c>@latest</c>, <c>@v/VERSION.zip</c>).
/// The build list needs only <see cref="GetGoModAsync"/>; queries add the list, info and latest endpoints;
/// <c>go get</c> adds the zip (for its go.sum line).
/// </summary>
/// <remarks>
/// Implementations must be safe for concurrent calls. A missing module or version (HTTP 404/410, a missing file)
/// is reported by throwing <see cref="Fetch.ModuleNotFoundException"/>,
/// and a <c>Detail</c> worded as the go command words it
/// (for example <c>reading https://proxy/example.com/a/@v/v1.0.0.mod: 404 Not Found</c>).
/// Paths and versions passed in are unescaped; escaping them for URLs or files is the implementation's job.
/// </remarks>
public interface IModuleSource
{
    /// <summary>The go.mod file served for <paramref name="path"/>@<paramref name="version"/> (the <c>.mod</c> endpoint; never a zip).</summary>
    Task<byte[]> GetGoModAsync(string path, string version, CancellationToken cancellationToken);

    /// <summary>The lines of <c>@v/list</c> as served (a version, optionally followed by a timestamp); the caller filters them as go does.</summary>
    Task<IReadOnlyList<string>> GetVersionListAsync(string path, CancellationToken cancellationToken);

    /// <summary>The <c>.info</c> of a revision (a version, or any name the source can resolve).</summary>
    Task<ResolvedRevision> StatAsync(string path, string revision, CancellationToken cancellationToken);

    /// <summary>The <c>@latest</c> endpoint. Throws a not-found <see cref="ModuleException"/> when the source has none; the caller then falls back to the list as go does.</summary>
    Task<ResolvedRevision> LatestAsync(string path, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="LatestAsync"/> with "not found" as null: sources that can tell without an exception override it (a
    /// proxy answering 404 for <c>@latest</c>, as static proxies do, is the common case, not a failure).
    /// </summary>
    async Task<ResolvedRevision?> TryLatestAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await LatestAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (ModuleNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Makes the module zip available locally and returns the path of the zip file (for its <c>h1:</c> hash and file list).</summary>
    Task<string> DownloadZipAsync(string path, string version, CancellationToken cancellationToken);
}
