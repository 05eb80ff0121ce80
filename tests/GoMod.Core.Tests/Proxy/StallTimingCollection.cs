namespace GoMod.Core.Tests.Proxy;

/// <summary>Tests whose one- or two-second windows must not share the thread pool with the parallel tests (xUnit runs a collection without parallelization after the others, alone).</summary>
[CollectionDefinition(nameof(StallTimingCollection), DisableParallelization = true)]
public sealed class StallTimingCollection;
