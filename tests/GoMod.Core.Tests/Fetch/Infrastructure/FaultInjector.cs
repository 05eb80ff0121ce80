namespace GoMod.Core.Tests.Fetch.Infrastructure;

/// <summary>
/// Random, seeded fault injection for <see cref="TestProxyServer"/>: each request independently may be reset,
/// truncated, answered 500/503/429, stalled, trickled, redirected to itself, or (for zips) served corrupted or as HTML, up to <see cref="MaxFaults"/> faults in total so
/// that every run terminates.
/// </summary>
public sealed class FaultInjector(int seed)
{
    private readonly Random _random = new(seed);
    private readonly object _gate = new();
    private readonly HashSet<string> _looping = [];
    private int _faults;

    public double ResetRate { get; init; }
    public double TruncateRate { get; init; }
    public double ServerErrorRate { get; init; }
    public double UnavailableRate { get; init; }
    public double TooManyRequestsRate { get; init; }

    /// <summary>Rate of zip responses whose bytes are altered (which go.sum must catch).</summary>
    public double CorruptZipRate { get; init; }

    /// <summary>Rate of requests answered with nothing for <see cref="TestProxyServer.StallTime"/>.</summary>
    public double StallRate { get; init; }

    /// <summary>Rate of bodies sent one byte at a time (<see cref="Fault.Trickle"/>).</summary>
    public double TrickleRate { get; init; }

    /// <summary>Rate of requests answered with a redirect to themselves.</summary>
    public double RedirectLoopRate { get; init; }

    /// <summary>Rate of zip requests answered 200 with an HTML page.</summary>
    public double HtmlForZipRate { get; init; }

    public int MaxFaults { get; init; } = int.MaxValue;

    public int FaultCount
    {
        get
        {
            lock (_gate) return _faults;
        }
    }

    public TestResponse Apply(RecordedRequest request, TestResponse response)
    {
        lock (_gate)
        {
            // A redirect loop, once started, answers every later request for that URL with the same redirect.
            if (_looping.Contains(request.RawTarget)) return Redirect(request);
            if (_faults >= MaxFaults || response.Status != 200) return response;
            var roll = _random.NextDouble();
            TestResponse? faulty = null;
            if ((roll -= ResetRate) < 0) faulty = TestResponse.Of(Fault.Reset);
            else if ((roll -= TruncateRate) < 0 && response.Body.Length > 1) faulty = response with { Fault = Fault.Truncate };
            else if ((roll -= ServerErrorRate) < 0) faulty = TestResponse.Text(500, "internal error (injected)\n");
            else if ((roll -= UnavailableRate) < 0) faulty = TestResponse.Text(503, "try again later (injected)\n");
            else if ((roll -= TooManyRequestsRate) < 0)
                faulty = TestResponse.Text(429, "slow down (injected)\n") with { Headers = new Dictionary<string, string> { ["Retry-After"] = "0" } };
            else if ((roll -= CorruptZipRate) < 0 && request.Path.EndsWith(".zip", StringComparison.Ordinal) && response.Body.Length > 40)
            {
                var body = (byte[])response.Body.Clone();
                // Alter a byte inside the compressed data of the first entry: the zip still opens but its content changes or fails CRC.
                var at = 30 + _random.Next(Math.Max(1, body.Length / 3));
                body[at] ^= 0x5A;
                faulty = response with { Body = body };
            }
            else if ((roll -= StallRate) < 0) faulty = TestResponse.Of(Fault.Stall);
            else if ((roll -= TrickleRate) < 0) faulty = response with { Fault = Fault.Trickle };
            else if ((roll -= RedirectLoopRate) < 0 && _looping.Add(request.RawTarget)) faulty = Redirect(request);
            else if ((roll -= HtmlForZipRate) < 0 && request.Path.EndsWith(".zip", StringComparison.Ordinal))
                faulty = new TestResponse(200, "<!DOCTYPE html><html><body>Sign in to continue</body></html>\n"u8.ToArray(), "text/html; charset=utf-8");
            if (faulty is null) return response;
            _faults++;
            return faulty;
        }
    }

    private static TestResponse Redirect(RecordedRequest request) =>
        new(302, []) { Headers = new Dictionary<string, string> { ["Location"] = request.RawTarget } };
}
