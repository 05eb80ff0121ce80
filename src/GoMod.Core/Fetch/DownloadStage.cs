namespace GoMod.Core.Fetch;

/// <summary>Progress points of one module in a batch download.</summary>
public enum DownloadStage
{
    /// <summary>Network transfer of the zip starts (go prints <c>go: downloading path version</c> here).</summary>
    Downloading,

    /// <summary>The zip arrived, matched go.sum and is in the cache.</summary>
    Downloaded,

    /// <summary>The zip was extracted into the cache.</summary>
    Extracted,

    /// <summary>Everything asked for was already in the cache; no network was used for this module.</summary>
    Cached,

    /// <summary>Everything asked for is in place.</summary>
    Completed,

    /// <summary>The module failed; <see cref="DownloadProgress.Error"/> says why.</summary>
    Failed,
}
