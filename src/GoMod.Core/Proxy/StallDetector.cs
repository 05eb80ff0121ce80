using System.Diagnostics;
using GoMod.Core.Fetch;

namespace GoMod.Core.Proxy;

/// <summary>
/// The stall rule of one response body: at every instant <c>t</c> at least <see cref="FetchOptions.StallWindow"/>
/// after the body started, the bytes received during <c>(t - window, t]</c> must reach
/// <see cref="FetchOptions.StallMinimumBytes"/>, unless the body has ended. A body shorter than the minimum must
/// therefore end within one window. <see cref="TimeLeft"/> is how long the next read may block before the rule is
/// broken if nothing more arrives, so the check costs one timer per read and no background task.
/// </summary>
/// <remarks>
/// With no further bytes the total stays <c>T</c>, and the rule breaks once <c>t - window</c> passes the first moment
/// <c>τ</c> at which more than <c>T - minimum</c> bytes had arrived; τ is found from the read samples, and samples
/// before it can never matter again because T only grows.
/// </remarks>
internal sealed class StallDetector
{
    private readonly long _window;
    private readonly long _minimum;
    private readonly long _start;
    private readonly Queue<(long Time, long Total)> _samples = new();

    public StallDetector(TimeSpan window, long minimumBytes)
    {
        _window = (long)(window.TotalSeconds * Stopwatch.Frequency);
        _minimum = Math.Max(1, minimumBytes);
        _start = Stopwatch.GetTimestamp();
    }

    /// <summary>Bytes received so far.</summary>
    public long Total { get; private set; }

    /// <summary>Records that <paramref name="count"/> more bytes arrived now.</summary>
    public void Received(int count)
    {
        Total += count;
        _samples.Enqueue((Stopwatch.GetTimestamp(), Total));
        while (_samples.Count > 0 && _samples.Peek().Total <= Total - _minimum) _samples.Dequeue();
    }

    /// <summary>How long the next read may wait for data before the body counts as stalled (zero: it already is).</summary>
    public TimeSpan TimeLeft
    {
        get
        {
            // τ: the start while fewer than the minimum arrived in all; else the oldest sample above T - minimum.
            var tau = Total < _minimum || _samples.Count == 0 ? _start : _samples.Peek().Time;
            var left = tau + _window - Stopwatch.GetTimestamp();
            return left <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds((double)left / Stopwatch.Frequency);
        }
    }
}
