namespace GoMod.EndToEnd.Tests;

/// <summary>The sample's committed proxy is exactly what its module sources produce (set GOMOD_REGENERATE_SAMPLE_PROXY=1 to rewrite it).</summary>
public sealed class SampleProxyTests
{
    private static string Source => Repo.Combine("samples/hello/proxy-src");
    private static string Proxy => Repo.Combine("samples/hello/proxy");

    [Fact]
    public void Committed_sample_proxy_matches_what_its_module_sources_produce()
    {
        if (Environment.GetEnvironmentVariable("GOMOD_REGENERATE_SAMPLE_PROXY") == "1") SampleProxy.Write(Source, Proxy);

        var expected = SampleProxy.Create(Source);
        var actual = Directory.EnumerateFiles(Proxy, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Proxy, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        actual.ShouldBe(expected.Keys.ToList());
        foreach (var (rel, bytes) in expected)
        {
            var committed = File.ReadAllBytes(Path.Combine(Proxy, rel));
            if (rel.EndsWith(".zip", StringComparison.Ordinal))
                SampleProxy.Entries(committed).ShouldBe(SampleProxy.Entries(bytes), rel);
            else
                committed.ShouldBe(bytes, rel);
        }
    }
}
