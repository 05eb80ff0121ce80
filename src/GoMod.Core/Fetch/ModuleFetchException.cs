using GoMod.Core.Module;

namespace GoMod.Core.Fetch;

/// <summary>
/// Fetching a module (or one of its versions) failed: the message is go's <c>path@version: detail</c>, the detail
/// naming the URL and the status with the start of the server's explanation.
/// </summary>
public class ModuleFetchException : ModuleException
{
    /// <summary>A failure about <paramref name="path"/>@<paramref name="version"/>; <paramref name="notFound"/> lets <c>,</c> lists move on.</summary>
    public ModuleFetchException(string path, string version, string detail, bool notFound, Exception? cause = null)
        : base(path, version, detail)
    {
        IsNotFound = notFound;
        Cause = cause;
    }

    /// <summary>
    /// True when the module or version does not exist at that source (404/410, a missing file, or a lookup the
    /// configuration disables): what lets a <c>,</c>-separated GOPROXY list move on.
    /// </summary>
    public bool IsNotFound { get; }

    /// <summary>The underlying failure, if any.</summary>
    public Exception? Cause { get; }

    /// <summary>The proxy request that failed, if the failure came from one.</summary>
    public ProxyRequestException? Request => Cause as ProxyRequestException;
}
