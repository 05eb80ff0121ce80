namespace GoMod.Core.Proxy;

/// <summary>
/// A proxy request that got no usable answer: a non-200 status (Go's <c>web.HTTPError</c>, message
/// <c>reading URL: 404 Not Found</c> plus the server's plain-text explanation) or a transport failure after retries.
/// </summary>
public sealed class ProxyRequestException : Exception
{
    /// <summary>A failed request to <paramref name="url"/> (redacted), with go's wording in <paramref name="message"/>.</summary>
    public ProxyRequestException(string message, string url, int statusCode, bool transient, Exception? inner = null)
        : base(message, inner)
    {
        Url = url;
        StatusCode = statusCode;
        IsTransient = transient;
    }

    /// <summary>The redacted URL that failed.</summary>
    public string Url { get; }

    /// <summary>The HTTP status (404 for a missing file:// file), or 0 when no response arrived.</summary>
    public int StatusCode { get; }

    /// <summary>True for 404 and 410: the module or version does not exist there (drives <c>,</c> fallback).</summary>
    public bool IsNotFound => StatusCode is 404 or 410;

    /// <summary>True when the failure was transient (retries were exhausted).</summary>
    public bool IsTransient { get; }
}
