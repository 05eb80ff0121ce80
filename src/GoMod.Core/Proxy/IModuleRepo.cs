using GoMod.Core.Fetch;
using GoMod.Core.Module;

namespace GoMod.Core.Proxy;

/// <summary>Where one module's versions come from for one GOPROXY entry (Go's <c>modfetch.Repo</c>).</summary>
internal interface IModuleRepo
{
    string ModulePath { get; }

    /// <summary>Tagged versions with the given prefix (pseudo-versions left out), in semver order.</summary>
    Task<IReadOnlyList<string>> VersionsAsync(string prefix, CancellationToken ct);

    /// <summary>Information about one revision; for a canonical version the answer must be that version.</summary>
    Task<RevInfo> StatAsync(string rev, CancellationToken ct);

    /// <summary>The latest version (<c>@latest</c>, else derived from the list).</summary>
    Task<RevInfo> LatestAsync(CancellationToken ct);

    /// <summary>The lines of <c>@v/list</c> as served (version, optionally a timestamp), unfiltered.</summary>
    Task<IReadOnlyList<string>> ListLinesAsync(CancellationToken ct);

    /// <summary>The <c>@latest</c> endpoint alone (not found when the source has none).</summary>
    Task<RevInfo> LatestEndpointAsync(CancellationToken ct);

    /// <summary>
    /// The <c>@latest</c> endpoint, with "not found" as null: a source that can say so without an exception overrides
    /// this; the others fall back on <see cref="LatestEndpointAsync"/> and its not-found failure.
    /// </summary>
    async Task<RevInfo?> TryLatestEndpointAsync(CancellationToken ct)
    {
        try
        {
            return await LatestEndpointAsync(ct).ConfigureAwait(false);
        }
        catch (ModuleNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The go.mod file of a canonical version.</summary>
    Task<byte[]> GoModAsync(string version, CancellationToken ct);

    /// <summary>Where the zip of a version comes from (a redacted URL), for messages.</summary>
    string ZipLocation(string version);

    /// <summary>Streams the zip of a canonical version into <paramref name="destination"/> (seekable).</summary>
    Task ZipAsync(string version, Stream destination, CancellationToken ct);
}
