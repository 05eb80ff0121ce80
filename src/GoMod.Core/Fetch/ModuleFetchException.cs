using GoMod.Core.Module;
using GoMod.Core.Proxy;

namespace GoMod.Core.Fetch;

/// <summary>
/// Fetching a module (or one of its versions) failed for a reason other than its absence — the network, the proxy's
/// answer, the downloaded file: the message is go's <c>path@version: detail</c>, the detail naming the URL and the
/// status with the start of the server's explanation. <see cref="ModuleNotFoundException"/> is the "does not exist" kind.
/// </summary>
public class ModuleFetchException : ModuleException
{
    /// <summary>A failure about <paramref name="path"/>@<paramref name="version"/>, caused by <paramref name="cause"/> if given.</summary>
    public ModuleFetchException(string path, string version, string detail, Exception? cause = null)
        : base(path, version, detail, cause)
    {
    }

    /// <summary>
    /// True when the module or version does not exist at that source (404/410, a missing file, or a lookup the
    /// configuration disables): what lets a <c>,</c>-separated GOPROXY list move on.
    /// </summary>
    public bool IsNotFound => this is ModuleNotFoundException;

    /// <summary>The underlying failure, if any.</summary>
    public Exception? Cause => InnerException;

    /// <summary>The proxy request that failed, if the failure came from one.</summary>
    public ProxyRequestException? Request => Cause as ProxyRequestException;

    /// <summary>A <see cref="ModuleNotFoundException"/> when <paramref name="notFound"/>, else a <see cref="ModuleFetchException"/>.</summary>
    public static ModuleFetchException Create(string path, string version, string detail, bool notFound, Exception? cause = null) =>
        notFound ? new ModuleNotFoundException(path, version, detail, cause) : new ModuleFetchException(path, version, detail, cause);
}
