using GoMod.Core.Fetch;

namespace GoMod.Core.Proxy;

/// <summary>
/// A response body that kept the connection open without making progress: fewer than
/// <see cref="MinimumBytes"/> bytes arrived during <see cref="Window"/> (see <see cref="FetchOptions.StallWindow"/>).
/// A trickling server (a byte every few seconds) never trips a read-idle timeout, so this is what bounds it. It is
/// transient (retried within <see cref="RetryPolicy"/>) and reaches callers as the cause of a
/// <see cref="ProxyRequestException"/> inside a <see cref="ModuleFetchException"/>.
/// </summary>
public sealed class DownloadStalledException : IOException
{
    /// <summary>A stall reading <paramref name="url"/> (redacted) after <paramref name="received"/> of <paramref name="expected"/> bytes.</summary>
    public DownloadStalledException(string url, TimeSpan window, long minimumBytes, long received, long? expected)
        : base(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"read \"{url}\": download stalled: fewer than {minimumBytes} bytes in {window.TotalSeconds:0.###}s (received {received}{(expected is { } e ? $" of {e}" : "")} bytes)"))
    {
        Url = url;
        Window = window;
        MinimumBytes = minimumBytes;
        Received = received;
        Expected = expected;
    }

    /// <summary>The redacted URL being read.</summary>
    public string Url { get; }

    /// <summary>The sliding window over which progress is measured.</summary>
    public TimeSpan Window { get; }

    /// <summary>The bytes that had to arrive within any <see cref="Window"/>.</summary>
    public long MinimumBytes { get; }

    /// <summary>Bytes of the body received before the stall.</summary>
    public long Received { get; }

    /// <summary>The announced Content-Length, if any.</summary>
    public long? Expected { get; }
}
