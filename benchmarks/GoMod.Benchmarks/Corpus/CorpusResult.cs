namespace GoMod.Benchmarks.Corpus;

/// <summary>One module of a generated corpus.</summary>
/// <param name="SourceDir">Where its files came from.</param>
/// <param name="SynthesizedGoMod">The source had no go.mod; one declaring the directory's import path was added.</param>
/// <param name="ImportedPackage">The package the main module imports from it, or null when none qualifies.</param>
public sealed record CorpusModule(string Path, string Version, string SourceDir, bool SynthesizedGoMod, string? ImportedPackage,
    long ZipBytes, int Files, string ZipHash, string GoModHash);

/// <summary>A module left out of the corpus and why.</summary>
public sealed record SkippedModule(string Path, string SourceDir, string Reason);

/// <summary>What <see cref="GoCorpus.BuildProxy"/> wrote.</summary>
/// <param name="ProxyDir">The GOPROXY tree (serve it over HTTP, or use it as <c>file://</c>).</param>
/// <param name="MainDir">The main module requiring every corpus module (go.mod, go.sum, main.go).</param>
public sealed record CorpusResult(string ProxyDir, string MainDir, IReadOnlyList<CorpusModule> Modules, IReadOnlyList<SkippedModule> Skipped)
{
    /// <summary>The bytes of all zips.</summary>
    public long ZipBytes => Modules.Sum(m => m.ZipBytes);
}
