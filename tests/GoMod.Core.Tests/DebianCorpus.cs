extern alias benchmarks;
using GoMod.Testing;
using benchmarks::GoMod.Benchmarks.Corpus;

namespace GoMod.Core.Tests;

/// <summary>
/// A real module ecosystem for tests: Debian's Go library sources (<c>/usr/share/gocode/src</c>, the
/// <c>golang-*-dev</c> packages .ci/run installs) made into a <c>file://</c> proxy with our zip writer
/// (<see cref="GoCorpus"/>), with a main module requiring every module and importing a package of each.
/// </summary>
internal static class DebianCorpus
{
    public const string Sources = "/usr/share/gocode/src";

    /// <summary>
    /// True when the sources (and each of <paramref name="modules"/>) are installed; otherwise false locally, and a
    /// failure under CI, where the corpus is part of the machine.
    /// </summary>
    public static bool Available(params string[] modules)
    {
        foreach (var dir in modules.Select(m => Path.Combine(Sources, m)).Prepend(Sources))
        {
            if (Directory.Exists(dir)) continue;
            GoOracle.IsCI.ShouldBeFalse($"{dir} is missing: apt-get install the golang-*-dev packages");
            return false;
        }
        return true;
    }

    /// <summary>The first 110 modules (at least 100 must make it) as a proxy under <paramref name="dir"/>.</summary>
    public static CorpusResult Build(string dir)
    {
        var corpus = GoCorpus.BuildProxy(Sources, dir, new CorpusOptions { MaxModules = 110, Parallelism = 2 });
        corpus.Modules.Count.ShouldBeGreaterThanOrEqualTo(100);
        return corpus;
    }

    /// <summary>The corpus's proxy as a GOPROXY <c>file://</c> URL.</summary>
    public static string ProxyUrl(CorpusResult corpus) => new Uri(corpus.ProxyDir + Path.DirectorySeparatorChar).AbsoluteUri.TrimEnd('/');
}
