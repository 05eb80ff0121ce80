using GoMod.Core.Module;

namespace GoMod.Core.Fetch;

/// <summary>
/// The outcome for one module of a batch download, with the fields of <c>go mod download -json</c>: the cache files,
/// the extracted directory, the zip and go.mod hashes, or the error.
/// </summary>
public sealed record ModuleDownloadResult(ModuleVersion Module)
{
    /// <summary>The cached .info file.</summary>
    public string? Info { get; init; }

    /// <summary>The cached .mod file.</summary>
    public string? GoMod { get; init; }

    /// <summary>The cached .zip file.</summary>
    public string? Zip { get; init; }

    /// <summary>The extracted source tree.</summary>
    public string? Dir { get; init; }

    /// <summary>The zip's h1 hash (go.sum's <c>path version</c> line).</summary>
    public string? Sum { get; init; }

    /// <summary>The go.mod's h1 hash (go.sum's <c>path version/go.mod</c> line).</summary>
    public string? GoModSum { get; init; }

    /// <summary>Why the module failed (go's message), or null.</summary>
    public string? Error { get; init; }

    /// <summary>The exception behind <see cref="Error"/>.</summary>
    public Exception? Exception { get; init; }

    /// <summary>True when no network was used for this module.</summary>
    public bool FromCache { get; init; }

    /// <summary>
    /// True when this download fetched the zip and stored it in the cache itself: what a restore counts as
    /// "downloaded" (a zip another process stored meanwhile is not, though .info or .mod requests may have been made).
    /// </summary>
    public bool Downloaded { get; init; }

    /// <summary>True when nothing failed.</summary>
    public bool Succeeded => Error is null;
}
