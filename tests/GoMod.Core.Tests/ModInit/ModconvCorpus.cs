using GoMod.Testing;

namespace GoMod.Core.Tests.ModInit;

/// <summary>
/// go's own conversion test corpus, <c>$GOROOT/src/cmd/go/internal/modconv/testdata</c> (Debian's golang-1.19-src):
/// manifests from real projects and, beside each, the <c>.out</c> file go's modconv test expects. Read where it is
/// installed, never copied. Missing locally, the tests that need it are skipped with the reason; under CI it must exist.
/// </summary>
public static class ModconvCorpus
{
    /// <summary>go's own map from test-file extension to the manifest name it stands for (modconv_test.go's extMap).</summary>
    public static IReadOnlyDictionary<string, string> ManifestNames { get; } = new Dictionary<string, string>
    {
        [".dep"] = "Gopkg.lock",
        [".glide"] = "glide.lock",
        [".glock"] = "GLOCKFILE",
        [".godeps"] = "Godeps/Godeps.json",
        [".tsv"] = "dependencies.tsv",
        [".vconf"] = "vendor.conf",
        [".vjson"] = "vendor/vendor.json",
        [".vyml"] = "vendor.yml",
        [".vmanifest"] = "vendor/manifest",
    };

    private static readonly Lazy<string?> Dir = new(Locate);

    /// <summary>The testdata directory, or null when go's sources are not installed.</summary>
    public static string? Directory => Dir.Value;

    public const string SkipReason = "go's sources (apt-get install golang-1.19-src) are not installed: modconv corpus test skipped locally. Under CI=true it runs and fails.";

    /// <summary>The corpus manifests (file names), e.g. <c>traefik.dep</c>; a fixed list so test names are stable.</summary>
    public static readonly string[] Files =
    [
        "cockroach.glock", "dockermachine.godeps", "dockerman.glide", "govmomi.vmanifest", "juju.tsv", "moby.vconf",
        "panicparse.vyml", "prometheus.vjson", "traefik.dep", "upspin.dep",
    ];

    public static string PathOf(string file) =>
        Path.Combine(Directory ?? throw new InvalidOperationException(SkipReason), file);

    private static string? Locate()
    {
        var candidates = new List<string>();
        var goroot = Environment.GetEnvironmentVariable("GOROOT");
        if (!string.IsNullOrEmpty(goroot)) candidates.Add(goroot);
        if (GoOracle.Available)
        {
            var real = new FileInfo(GoOracle.Path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? GoOracle.Path;
            candidates.Add(Path.GetDirectoryName(Path.GetDirectoryName(real)!)!);
        }
        candidates.Add("/usr/lib/go-1.19");
        candidates.Add("/usr/share/go-1.19");
        foreach (var root in candidates)
        {
            var dir = Path.Combine(root, "src", "cmd", "go", "internal", "modconv", "testdata");
            if (System.IO.Directory.Exists(dir)) return dir;
        }
        return null;
    }
}

/// <summary>A theory over go's modconv corpus: skipped locally when go's sources are missing, run (and failing) under CI.</summary>
public sealed class ModconvTheoryAttribute : TheoryAttribute
{
    public ModconvTheoryAttribute()
    {
        if (ModconvCorpus.Directory is null && !GoOracle.IsCI) Skip = ModconvCorpus.SkipReason;
    }
}
