namespace GoMod.Core.Tests.Fetch;

/// <summary>Tests in this collection run alone: they read the process's allocation counter, which tests beside them would move.</summary>
[CollectionDefinition(nameof(AllocationCountingCollection), DisableParallelization = true)]
public sealed class AllocationCountingCollection;
