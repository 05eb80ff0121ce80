using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace GoMod.Benchmarks.Restore;

/// <summary>
/// Counts the runtime's allocation ticks (one event per ~100 KB allocated, naming the type of the allocation that
/// crossed the threshold) by type, small and large object heap apart: a sampled picture of what a run allocates.
/// </summary>
internal sealed class AllocationTicks : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, long> _bytes = new();

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName != "GCAllocationTick_V4" || e.Payload is null || e.PayloadNames is null) return;
        var type = e.Payload[e.PayloadNames.IndexOf("TypeName")] as string ?? "?";
        var kind = Convert.ToUInt32(e.Payload[e.PayloadNames.IndexOf("AllocationKind")], System.Globalization.CultureInfo.InvariantCulture) == 1 ? "LOH " : "SOH ";
        var amount = Convert.ToInt64(e.Payload[e.PayloadNames.IndexOf("AllocationAmount64")], System.Globalization.CultureInfo.InvariantCulture);
        _bytes.AddOrUpdate(kind + type, amount, (_, v) => v + amount);
    }

    /// <summary>The types with the most sampled bytes, largest first.</summary>
    public IEnumerable<(string Type, long Bytes)> Top(int n) =>
        _bytes.OrderByDescending(kv => kv.Value).Take(n).Select(kv => (kv.Key, kv.Value));
}
