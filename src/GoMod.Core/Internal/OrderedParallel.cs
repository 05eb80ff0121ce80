using System.Runtime.ExceptionServices;

namespace GoMod.Core.Internal;

/// <summary>
/// Runs independent steps on every core and fails as the serial loop would: every step runs, then the failure of the
/// lowest index is rethrown as it was thrown (not wrapped), so what the caller sees does not depend on scheduling.
/// </summary>
internal static class OrderedParallel
{
    /// <summary>Runs <paramref name="body"/> for 0 ≤ i &lt; <paramref name="count"/>; rethrows the first failure in index order.</summary>
    public static void For(int count, Action<int> body, CancellationToken cancellationToken)
    {
        var failures = new ExceptionDispatchInfo?[count];
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken }, i =>
        {
            try
            {
                body(i);
            }
            catch (Exception e)
            {
                failures[i] = ExceptionDispatchInfo.Capture(e);
            }
        });
        foreach (var f in failures) f?.Throw();
    }
}
