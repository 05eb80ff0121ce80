using GoMod.Core.Fetch;

namespace GoMod.Core.Proxy;

/// <summary>
/// How transient proxy failures are retried, something the go command does not do (golang/go#28194): connection
/// resets, timeouts, truncated and stalled bodies (<see cref="FetchOptions.StallWindow"/>), 408, 429 and 5xx (except 501
/// and 505) are retried with exponential backoff and
/// jitter, honouring <c>Retry-After</c>, until <see cref="MaxAttempts"/> or <see cref="MaxTotalTime"/> is reached.
/// 404 and 410 are answers, not failures, and are never retried; neither are refused connections (a proxy that is not
/// there is a configuration problem, and <c>|</c> lists should move on at once).
/// </summary>
public sealed record RetryPolicy
{
    /// <summary>Attempts per request, the first included. 1 disables retrying.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>Delay before the first retry; doubles each time.</summary>
    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Upper bound of one delay (also caps <c>Retry-After</c>).</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>No retry starts once this much time has passed since the first attempt.</summary>
    public TimeSpan MaxTotalTime { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>No retries at all: the go command's behaviour.</summary>
    public static RetryPolicy None { get; } = new() { MaxAttempts = 1 };

    /// <summary>Whether an HTTP status is worth asking again.</summary>
    public static bool IsTransientStatus(int status) =>
        status is 408 or 429 || (status >= 500 && status <= 599 && status is not (501 or 505));

    /// <summary>The delay before retry number <paramref name="retry"/> (1-based), with ±20 % jitter.</summary>
    public TimeSpan DelayBefore(int retry, TimeSpan? retryAfter)
    {
        if (retryAfter is { } ra) return ra < TimeSpan.Zero ? TimeSpan.Zero : ra > MaxDelay ? MaxDelay : ra;
        var ms = InitialDelay.TotalMilliseconds * Math.Pow(2, retry - 1);
        ms = Math.Min(ms, MaxDelay.TotalMilliseconds);
        ms *= 0.8 + 0.4 * Random.Shared.NextDouble();
        return TimeSpan.FromMilliseconds(ms);
    }
}
