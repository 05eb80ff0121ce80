namespace GoMod.Benchmarks.Corpus;

/// <summary>Settings of <see cref="GoCorpus.BuildProxy"/>.</summary>
public sealed record CorpusOptions
{
    /// <summary>At most this many modules (whole requirement closures are kept together); null for all.</summary>
    public int? MaxModules { get; init; }

    /// <summary>GOROOT, to tell standard-library imports that exist from ones that do not; null accepts any dotless path.</summary>
    public string? GoRoot { get; init; }

    /// <summary>Zips written at once.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>The path of the generated main module.</summary>
    public string MainModulePath { get; init; } = "example.com/corpus/main";

    /// <summary>The go line of the generated main module (1.17 or later: a pruned module graph).</summary>
    public string MainGoVersion { get; init; } = "1.19";

    /// <summary>Package ownership and versions; null loads dpkg's database for the source root.</summary>
    public DebianVersions? Debian { get; init; }

    /// <summary>Progress lines.</summary>
    public Action<string>? Log { get; init; }
}
