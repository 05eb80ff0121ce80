extern alias benchmarks;
using GoMod.Core.GoBuild;
using GoMod.Core.Restore;
using GoMod.Testing;
using benchmarks::GoMod.Benchmarks.Corpus;

namespace GoMod.Core.Tests.Restore;

/// <summary>
/// The restore's package load on real code: Debian's Go sources (<c>/usr/share/gocode/src</c>) made into a
/// <c>file://</c> proxy of at least 100 modules with our zip writer, and a main module importing a package of each.
/// With go's default cgo (on, a C compiler being on PATH) and with CGO_ENABLED=0, the restore must fetch exactly the
/// zips <c>go list -deps ./...</c> fetches, and fail where it fails.
/// </summary>
public sealed class RestoreEcosystemTests : IDisposable
{
    private const string Sources = "/usr/share/gocode/src";
    private readonly TempDirectory _dir = new("recosys");

    public void Dispose() => _dir.Dispose();

    private static List<string> Zips(string modCache)
    {
        var download = Path.Combine(modCache, "cache", "download");
        return !Directory.Exists(download) ? [] : Directory.EnumerateFiles(download, "*.zip", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(download, f).Replace(Path.DirectorySeparatorChar, '/')).Order(StringComparer.Ordinal).ToList();
    }

    [GoFact]
    public async Task The_restore_fetches_the_zips_go_list_deps_fetches_over_a_hundred_real_modules_with_and_without_cgo()
    {
        if (!Directory.Exists(Sources))
        {
            // Under CI the corpus is part of the machine (.ci/run installs golang-*-dev packages): missing it fails.
            GoOracle.IsCI.ShouldBeFalse($"{Sources} is missing: apt-get install the golang-*-dev packages");
            return;
        }
        GoToolchain.OnPath("gcc", Environment.GetEnvironmentVariable).ShouldNotBeNull("go's default cgo needs a C compiler: apt-get install gcc");
        var corpus = GoCorpus.BuildProxy(Sources, _dir.Combine("corpus"), new CorpusOptions { MaxModules = 110, Parallelism = 2 });
        corpus.Modules.Count.ShouldBeGreaterThanOrEqualTo(100);
        var proxy = new Uri(corpus.ProxyDir + Path.DirectorySeparatorChar).AbsoluteUri.TrimEnd('/');

        var zipsByMode = new Dictionary<string, List<string>>();
        foreach (var cgo in new[] { "default", "0" })
        {
            var home = Directory.CreateDirectory(_dir.Combine("gohome-" + cgo)).FullName;
            var env = new Dictionary<string, string?> { ["GOPROXY"] = proxy, ["GONOSUMDB"] = "*", ["CGO_ENABLED"] = cgo == "default" ? null : cgo };
            var go = GoOracle.Run(corpus.MainDir, home, env, "list", "-e", "-deps", "-f", "{{if .Error}}ERR {{.ImportPath}}{{end}}", "./...");
            go.ExitCode.ShouldBe(0, go.StdErr);
            var goZips = Zips(Path.Combine(home, "gopath", "pkg", "mod"));

            var ourCache = _dir.Combine("ourcache-" + cgo);
            var result = await new ModuleRestorer().RestoreAsync(new RestoreOptions
            {
                ModFile = Path.Combine(corpus.MainDir, "go.mod"),
                Settings = new Dictionary<string, string?> { ["GOMODCACHE"] = ourCache, ["GOPROXY"] = proxy, ["GOSUMDB"] = "off" },
                GetEnvironmentVariable = name => name switch
                {
                    "GOENV" => "off",
                    "CGO_ENABLED" => cgo == "default" ? null : cgo,
                    "PATH" or "CC" => Environment.GetEnvironmentVariable(name),
                    _ => null,
                },
            }, CancellationToken.None);

            var goErrors = go.StdOut.Split('\n').Where(l => l.StartsWith("ERR ", StringComparison.Ordinal)).ToList();
            result.Diagnostics.Any(d => d.IsError).ShouldBe(goErrors.Count > 0,
                $"CGO_ENABLED={cgo}: go's package errors: {string.Join(", ", goErrors)}; ours: {string.Join("\n", result.Diagnostics.Take(10))}");
            // At least the module of every package main.go imports.
            goZips.Count.ShouldBeGreaterThanOrEqualTo(corpus.Modules.Count(m => m.ImportedPackage is not null));
            Zips(ourCache).ShouldBe(goZips, $"CGO_ENABLED={cgo}: the zips fetched");
            zipsByMode[cgo] = goZips;
        }
        // What the run compared: the zips fetched with cgo on and off (the same when no cgo file imports a module of its own).
        Console.WriteLine($"cgo default: {zipsByMode["default"].Count} zips; CGO_ENABLED=0: {zipsByMode["0"].Count} zips; only with cgo: "
            + string.Join(", ", zipsByMode["default"].Except(zipsByMode["0"])));
    }
}
