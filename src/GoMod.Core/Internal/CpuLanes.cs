using System.Collections.Concurrent;

namespace GoMod.Core.Internal;

/// <summary>
/// A fixed number of threads of their own (one per core) for long CPU-bound steps such as inflating and hashing a
/// whole zip, so that those steps never hold thread-pool threads. On a thread pool with as many threads as cores, two
/// extractions left nothing for the continuations of the network reads (the graph's go.mod files, the next zips) until
/// the pool added threads, which it does slowly. At most <see cref="Count"/> steps run at once; the rest wait in order.
/// </summary>
internal sealed class CpuLanes : IDisposable
{
    private readonly BlockingCollection<Action> _queue = new();
    private readonly Thread[] _threads;

    public CpuLanes(int count, string name)
    {
        _threads = new Thread[Math.Max(1, count)];
        for (int i = 0; i < _threads.Length; i++)
        {
            _threads[i] = new Thread(Work) { IsBackground = true, Name = name };
            _threads[i].Start();
        }
    }

    /// <summary>How many steps run at once.</summary>
    public int Count => _threads.Length;

    /// <summary>Runs <paramref name="step"/> on a lane; its result or exception comes back through the task (continued on the thread pool).</summary>
    public Task<T> RunAsync<T>(Func<T> step, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.Add(() =>
        {
            if (ct.IsCancellationRequested)
            {
                done.TrySetCanceled(ct);
                return;
            }
            try
            {
                done.TrySetResult(step());
            }
            catch (OperationCanceledException e) when (ct.IsCancellationRequested)
            {
                done.TrySetCanceled(e.CancellationToken);
            }
            catch (Exception e)
            {
                done.TrySetException(e);
            }
        }, CancellationToken.None);
        return done.Task;
    }

    /// <summary>Runs <paramref name="step"/> on a lane (see <see cref="RunAsync{T}"/>).</summary>
    public Task RunAsync(Action step, CancellationToken ct) => RunAsync(() =>
    {
        step();
        return true;
    }, ct);

    private void Work()
    {
        foreach (var step in _queue.GetConsumingEnumerable()) step();
    }

    /// <summary>Lets the lanes finish what was queued and end.</summary>
    public void Dispose() => _queue.CompleteAdding();
}
