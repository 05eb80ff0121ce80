extern alias benchmarks;
using GoMod.Core.GoBuild;
using GoMod.Core.Restore;
using GoMod.Testing;
using benchmarks::GoMod.Benchmarks.Corpus;

namespace GoMod.Core.Tests.Restore;

/// <summary>
/// The restore's package load on real code (<see cref="DebianCorpus"/>). With go's default cgo (on, a C
/// compiler being on PATH) and with CGO_ENABLED=0, the restore must fetch exactly the zips <c>go list -deps ./...</c>
/// fetches, and fail where it fails.
/// </summary>
public sealed class RestoreEcosystemTests(RestoreEcosystemTests.Corpus110 corpus110) : IDisposable, IClassFixture<RestoreEcosystemTests.Corpus110>
{
    private readonly TempDirectory _dir = new("recosys");

    public void Dispose() => _dir.Dispose();

    /// <summary>False (and fails under CI) when the Debian sources or gcc are missing.</summary>
    private static bool Prerequisites(params string[] modules)
    {
        if (!DebianCorpus.Available(modules)) return false;
        GoToolchain.OnPath("gcc", Environment.GetEnvironmentVariable).ShouldNotBeNull("go's default cgo needs a C compiler: apt-get install gcc");
        return true;
    }

    private static List<string> Zips(string modCache)
    {
        var download = Path.Combine(modCache, "cache", "download");
        return !Directory.Exists(download) ? [] : Directory.EnumerateFiles(download, "*.zip", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(download, f).Replace(Path.DirectorySeparatorChar, '/')).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Runs <c>go list -e -deps ./...</c> and our restore on <paramref name="mainDir"/> in each of
    /// <paramref name="targets"/> (GOOS, GOARCH, CGO_ENABLED as go reads them from the environment; null unsets), each
    /// with its own module cache; asserts both fetch the same zips and fail alike. Returns the zips by target label.
    /// </summary>
    private async Task<Dictionary<string, List<string>>> CompareAsync(CorpusResult corpus, string mainDir,
        params (string Label, Dictionary<string, string?> Env)[] targets)
    {
        var proxy = DebianCorpus.ProxyUrl(corpus);
        var zipsByTarget = new Dictionary<string, List<string>>();
        foreach (var (label, target) in targets)
        {
            var home = Directory.CreateDirectory(_dir.Combine("gohome-" + label)).FullName;
            var env = new Dictionary<string, string?>(target) { ["GOPROXY"] = proxy, ["GONOSUMDB"] = "*" };
            var go = GoOracle.Run(mainDir, home, env, "list", "-e", "-deps", "-f", "{{if .Error}}ERR {{.ImportPath}}{{end}}", "./...");
            go.ExitCode.ShouldBe(0, go.StdErr);
            var goZips = Zips(Path.Combine(home, "gopath", "pkg", "mod"));

            var ourCache = _dir.Combine("ourcache-" + label);
            var result = await new ModuleRestorer().RestoreAsync(new RestoreOptions
            {
                ModFile = Path.Combine(mainDir, "go.mod"),
                Settings = new Dictionary<string, string?> { ["GOMODCACHE"] = ourCache, ["GOPROXY"] = proxy, ["GOSUMDB"] = "off" },
                GetEnvironmentVariable = name => name switch
                {
                    "GOENV" => "off",
                    "GOOS" or "GOARCH" or "CGO_ENABLED" => target.GetValueOrDefault(name),
                    "PATH" or "CC" => Environment.GetEnvironmentVariable(name),
                    _ => null,
                },
            }, CancellationToken.None);

            var goErrors = go.StdOut.Split('\n').Where(l => l.StartsWith("ERR ", StringComparison.Ordinal)).ToList();
            result.Diagnostics.Any(d => d.IsError).ShouldBe(goErrors.Count > 0,
                $"{label}: go's package errors: {string.Join(", ", goErrors)}; ours: {string.Join("\n", result.Diagnostics.Take(10))}");
            Zips(ourCache).ShouldBe(goZips, $"{label}: the zips fetched");
            zipsByTarget[label] = goZips;
        }
        return zipsByTarget;
    }

    /// <summary>This machine's target with go's default cgo (CGO_ENABLED unset) and with CGO_ENABLED=0.</summary>
    private static readonly (string, Dictionary<string, string?>)[] CgoDefaultAndOff =
    [
        ("default", new() { ["CGO_ENABLED"] = null }),
        ("0", new() { ["CGO_ENABLED"] = "0" }),
    ];

    [GoFact]
    public async Task The_restore_fetches_the_zips_go_list_deps_fetches_over_a_hundred_real_modules_with_and_without_cgo()
    {
        if (!Prerequisites()) return;
        var corpus = corpus110.Get();

        var zips = await CompareAsync(corpus, corpus.MainDir, CgoDefaultAndOff);

        // At least the module of every package main.go imports. (On these 110 modules, cgo on and off fetch the same
        // zips: no cgo file among them imports a module nothing else imports; the next test has one.)
        foreach (var list in zips.Values) list.Count.ShouldBeGreaterThanOrEqualTo(corpus.Modules.Count(m => m.ImportedPackage is not null));
    }

    /// <summary>
    /// Cross builds on real code: other GOOS/GOARCH (cgo off, as go turns it off for a cross build) select other files,
    /// by name (<c>_windows.go</c>, <c>_wasm.go</c>) and by constraint (<c>unix</c>, <c>!plan9</c>, <c>darwin || ios</c>),
    /// and so other imports. The same comparison on the 500-module benchmark corpus (session 20, ten targets: these
    /// and android/arm64, ios/arm64, illumos/amd64, aix/ppc64, openbsd/arm64, linux/s390x) found no difference either.
    /// </summary>
    [GoTheory]
    [InlineData("windows", "amd64")]
    [InlineData("darwin", "arm64")]
    [InlineData("js", "wasm")]
    [InlineData("plan9", "386")]
    public async Task The_restore_fetches_the_zips_go_list_deps_fetches_over_a_hundred_real_modules_for_another_platform(string goos, string goarch)
    {
        if (!Prerequisites()) return;
        var corpus = corpus110.Get();

        var zips = await CompareAsync(corpus, corpus.MainDir,
            ($"{goos}-{goarch}", new() { ["GOOS"] = goos, ["GOARCH"] = goarch, ["CGO_ENABLED"] = null }));

        // Not a vacuous comparison: the main module's imports still need most modules on every one of these targets.
        zips.Single().Value.Count.ShouldBeGreaterThanOrEqualTo(corpus.Modules.Count(m => m.ImportedPackage is not null) / 2);
    }

    [GoFact]
    public async Task A_real_cgo_file_s_import_is_fetched_with_gos_default_cgo_and_not_without_cgo()
    {
        // github.com/containerd/btrfs: btrfs.go and helpers.go import "C" and github.com/pkg/errors, which none of its
        // other files imports. A main module importing only btrfs needs the pkg/errors zip with cgo only.
        const string btrfs = "github.com/containerd/btrfs", errors = "github.com/pkg/errors";
        if (!Prerequisites(btrfs, errors)) return;
        foreach (var module in new[] { btrfs, errors })
            CopyTree(Path.Combine(DebianCorpus.Sources, module), _dir.Combine("src", module));
        var corpus = GoCorpus.BuildProxy(_dir.Combine("src"), _dir.Combine("corpus"), new CorpusOptions { Parallelism = 2 });
        corpus.Modules.Select(m => m.Path).Order(StringComparer.Ordinal).ShouldBe([btrfs, errors]);
        File.WriteAllText(Path.Combine(corpus.MainDir, "main.go"), $"package main\n\nimport _ \"{btrfs}\"\n\nfunc main() {{}}\n");

        var zips = await CompareAsync(corpus, corpus.MainDir, CgoDefaultAndOff);

        zips["default"].Where(z => z.StartsWith(errors + "/", StringComparison.Ordinal)).ShouldHaveSingleItem();
        zips["0"].ShouldNotContain(z => z.StartsWith(errors + "/", StringComparison.Ordinal));
        zips["0"].ShouldHaveSingleItem().ShouldStartWith(btrfs + "/");
    }

    /// <summary>The 110-module corpus, built once for the class's tests (go and the restore only read it).</summary>
    public sealed class Corpus110 : IDisposable
    {
        private readonly TempDirectory _dir = new("recorpus");
        private CorpusResult? _corpus;

        public CorpusResult Get() =>
            _corpus ??= DebianCorpus.Build(_dir.Combine("corpus"));

        public void Dispose() => _dir.Dispose();
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
