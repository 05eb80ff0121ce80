using GoMod.Core.Internal;

namespace GoMod.Core.Tests.Internal;

/// <summary>
/// <see cref="CpuLanes"/>: CPU-bound steps run on threads of their own, never on the thread pool, at most one per lane
/// at a time; results, failures and cancellation come back through the task.
/// </summary>
public sealed class CpuLanesTests
{
    [Fact]
    public async Task Steps_run_off_the_thread_pool_and_give_back_their_results()
    {
        using var lanes = new CpuLanes(2, "test lane");
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            lanes.RunAsync(() => (i, Thread.CurrentThread.IsThreadPoolThread, Thread.CurrentThread.Name), CancellationToken.None)));
        results.Select(r => r.i).ShouldBe(Enumerable.Range(0, 8));
        results.ShouldAllBe(r => !r.IsThreadPoolThread && r.Name == "test lane");
    }

    [Fact]
    public async Task No_more_steps_run_at_once_than_there_are_lanes()
    {
        using var lanes = new CpuLanes(2, "test lane");
        int running = 0, most = 0;
        using var release = new ManualResetEventSlim();
        var steps = Enumerable.Range(0, 6).Select(_ => lanes.RunAsync(() =>
        {
            var now = Interlocked.Increment(ref running);
            int seen;
            while (now > (seen = Volatile.Read(ref most)) && Interlocked.CompareExchange(ref most, now, seen) != seen) { }
            release.Wait(TimeSpan.FromSeconds(10));
            Interlocked.Decrement(ref running);
        }, CancellationToken.None)).ToList();
        // Two lanes taken, four steps queued behind them: wait until both lanes are in a step, then let all go.
        SpinWait.SpinUntil(() => Volatile.Read(ref running) == 2, TimeSpan.FromSeconds(10)).ShouldBeTrue();
        release.Set();
        await Task.WhenAll(steps);
        most.ShouldBe(2);
    }

    [Fact]
    public async Task A_failure_comes_back_as_itself_and_a_step_cancelled_before_it_starts_never_runs()
    {
        using var lanes = new CpuLanes(1, "test lane");
        await Should.ThrowAsync<InvalidDataException>(() => lanes.RunAsync<int>(() => throw new InvalidDataException("bad zip"), CancellationToken.None));

        using var gate = new ManualResetEventSlim();
        using var cts = new CancellationTokenSource();
        var blocker = lanes.RunAsync(() => gate.Wait(TimeSpan.FromSeconds(10)), CancellationToken.None);
        var ran = false;
        var queued = lanes.RunAsync(() => ran = true, cts.Token);
        cts.Cancel();
        gate.Set();
        await blocker;
        await Should.ThrowAsync<OperationCanceledException>(() => queued);
        ran.ShouldBeFalse();
    }
}
