using GoMod.Core.ModInit;
using GoMod.Core.Restore;
using GoMod.Core.Tests.Mvs;
using GoMod.Testing;

namespace GoMod.Core.Tests.ModInit;

/// <summary>
/// Our <c>go mod init</c> against Debian's go 1.19 in the same directory and against the same <c>file://</c> proxy:
/// the go.mod must be byte-identical (go writes no go.sum), the exit code equal, and stderr equal line for line (go
/// converts pins in parallel and prints their failures as they come, so the lines are compared as sorted sets; its
/// <c>go: downloading</c> progress lines are left out). The directories hold go's own corpus manifests (read from
/// go's sources at test time); the proxy serves a representative subset of their pins, the rest fail to resolve.
/// </summary>
public class InitDifferentialTests
{
    private const string Rev = "0123456789abcdef0123456789abcdef01234567";

    /// <summary>Per corpus manifest: the module path given (empty: guessed) and what the proxy serves of its pins.</summary>
    public static readonly Dictionary<string, (string ModulePath, ServedModule[] Served)> Corpus = new()
    {
        // glock: commits, one of them a package below its module's root.
        ["cockroach.glock"] = ("example.com/cockroach", [
            ServedModule.Commit("github.com/agtorre/gocolorize", "f42b554bf7f006936130c9bb4f971afd2d87f671"),
            ServedModule.Commit("github.com/biogo/store", "e1f74b3c58befe661feed7fa4cf52436de753128", "llrb"),
            ServedModule.Commit("github.com/cockroachdb/c-lz4", "6e71f140a365017bbe0904710007f8725fd3f809"),
        ]),
        // godep: the module path comes from Godeps.json's ImportPath.
        ["dockermachine.godeps"] = ("", [
            ServedModule.Commit("github.com/cenkalti/backoff", "9831e1e25c874e0a0601b6dc43641071414eec7a"),
            ServedModule.Commit("github.com/codegangsta/cli", "e1712f381785e32046927f64a7c86fe569203196"),
        ]),
        // glide: commits, and a tag pinned as v1.3 (a version prefix: the highest v1.3.x).
        ["dockerman.glide"] = ("example.com/dockerman", [
            ServedModule.Commit("github.com/BurntSushi/toml", "f0aeabca5a127c4078abb8c8d64298b147264b55"),
            ServedModule.Commit("github.com/cpuguy83/go-md2man", "a65d4d2de4d5f7c74868dfa9b202a3c8be315aaa", "md2man"),
            ServedModule.Tag("github.com/spf13/cobra", "v1.3.0"),
            ServedModule.Tag("github.com/spf13/cobra", "v1.3.1"),
            ServedModule.Tag("github.com/spf13/cobra", "v1.4.0"),
        ]),
        // gvt: a package path (…/go-xdr/xdr2) provided by its repository's module.
        ["govmomi.vmanifest"] = ("example.com/govmomi", [
            ServedModule.Commit("github.com/davecgh/go-xdr", "4930550ba2e22f87187498acfd78348b15f4e7a8", "xdr2"),
            ServedModule.Commit("github.com/google/uuid", "6a5e28554805e78ea6141142aba763936c4761c0"),
        ]),
        // dependencies.tsv: commits; one resolves to a module whose go.mod requires a newer version of another (no effect: go mod init loads no graph).
        ["juju.tsv"] = ("example.com/juju", [
            ServedModule.Commit("github.com/Azure/azure-sdk-for-go", "902d95d9f311ae585ee98cfd18f418b467d60d5a") with
                { Requires = ["github.com/Azure/go-autorest v0.0.0-20190101000000-aaaaaaaaaaaa"] },
            ServedModule.Commit("github.com/Azure/go-autorest", "6f40a8acfe03270d792cb8155e2942c09d7cff95"),
        ]),
        // vndr: a commit, an exact tag, a v1.1 prefix, a v2 tag of a path without /v2 (+incompatible through the proxy),
        // and "v4" (a prefix matched by +incompatible versions only).
        ["moby.vconf"] = ("example.com/moby", [
            ServedModule.Commit("github.com/Azure/go-ansiterm", "d6e3b3328b783f23731bc4d058875b0371ff8109"),
            ServedModule.Tag("github.com/Microsoft/hcsshim", "v0.6.5"),
            ServedModule.Tag("github.com/gorilla/mux", "v1.1.0"),
            ServedModule.Tag("github.com/gorilla/mux", "v1.1.2"),
            ServedModule.Tag("github.com/gorilla/mux", "v1.2.0"),
            new("github.com/tchap/go-patricia", "v2.2.6+incompatible", [""], ["v2.2.6"], NoGoMod: true),
            new("github.com/coreos/go-systemd", "v4.0.0+incompatible", [""], [], NoGoMod: true),
        ]),
        // govend: commits.
        ["panicparse.vyml"] = ("example.com/panicparse", [
            ServedModule.Commit("github.com/kr/pretty", "737b74a46c4bf788349f72cb256fed10aea4d0ac"),
            ServedModule.Commit("github.com/maruel/ut", "a9c9f15ccfa6f8b90182a53df32f4745586fbae3"),
        ]),
        // govendor: two packages of one module at one commit become one requirement.
        ["prometheus.vjson"] = ("example.com/prometheus", [
            ServedModule.Commit("cloud.google.com/go", "c589d0c9f0d81640c518354c7bcae77d99820aa3", "compute/metadata", "internal"),
            ServedModule.Commit("github.com/Azure/azure-sdk-for-go", "bd73d950fa4440dae889bd9917bff7cef539f86e", "arm/compute", "arm/network"),
        ]),
        // dep: source redirections become replace lines; a version wins over the revision.
        ["traefik.dep"] = ("example.com/traefik", [
            ServedModule.Commit("github.com/ijc25/Gotty", "a8b993ba6abdb0e0c12b0125c603323a71c7790c"),
            ServedModule.Commit("github.com/OpenDNS/vegadns2client", "a3fa4a771d87bda2514a90a157e1fed1b6897d2e"),
            ServedModule.Tag("github.com/PuerkitoBio/purell", "v1.0.0"),
            ServedModule.Tag("github.com/fsnotify/fsnotify", "v1.4.2"),
        ]),
        ["upspin.dep"] = ("example.com/upspin", [
            ServedModule.Commit("bazil.org/fuse", "371fbbdaa8987b715bdd21d6adc4c9b20155f748"),
            ServedModule.Commit("github.com/golang/protobuf", "1643683e1b54a9e88ad26d98f81400c8c9d9f4f9", "proto"),
        ]),
    };

    public static TheoryData<string> CorpusNames => new(Corpus.Keys.Order(StringComparer.Ordinal));

    [GoTheory]
    [MemberData(nameof(CorpusNames))]
    public async Task Go_mod_init_converts_corpus_manifest_as_go_1_19_does(string file)
    {
        if (ModconvCorpus.Directory is null && !GoOracle.IsCI) return;
        var (modPath, served) = Corpus[file];
        var manifest = ModconvCorpus.ManifestNames[Path.GetExtension(file)];
        await CompareAsync(modPath, served, new Dictionary<string, byte[]> { [manifest] = File.ReadAllBytes(ModconvCorpus.PathOf(file)) });
    }

    /// <summary>Authored directories for the rules the corpus leaves out.</summary>
    public static readonly Dictionary<string, (string ModulePath, ServedModule[] Served, Dictionary<string, string> Files)> Authored = new()
    {
        // Two packages of one repository pinned at different commits: the higher pseudo-version wins.
        ["duplicates_resolve_to_the_highest"] = ("example.com/m", [
            new("example.com/repo", ServedModule.Pseudo(Rev, 1), ["a", "b"], [Rev]),
            new("example.com/repo", ServedModule.Pseudo("fedcba9876543210fedcba9876543210fedcba98", 9), ["a", "b"], ["fedcba9876543210fedcba9876543210fedcba98"]),
        ], new() { ["glide.lock"] = $"imports:\n- name: example.com/repo/a\n  version: {Rev}\n- name: example.com/repo/b\n  version: fedcba9876543210fedcba9876543210fedcba98\n" }),
        // A pinned path that is a module without the package: the module itself is required.
        ["module_without_the_package"] = ("example.com/m", [
            new("example.com/lib", ServedModule.Pseudo(Rev), ["sub"], [Rev]),
        ], new() { ["GLOCKFILE"] = $"example.com/lib {Rev}\n" }),
        // Gopkg.lock comes first when several manifests exist; the module path comes from an import comment.
        ["first_manifest_in_go_s_order_and_import_comment"] = ("", [
            ServedModule.Tag("example.com/dep", "v1.0.0"),
        ], new()
        {
            ["Gopkg.lock"] = "[[projects]]\n  name = \"example.com/dep\"\n  revision = \"1111111111111111111111111111111111111111\"\n  version = \"v1.0.0\"\n",
            ["vendor.conf"] = "example.com/other v9.9.9\n",
            ["main.go"] = "package main // import \"example.com/commented\"\n",
        }),
        // An empty stanza: go's parse error after "copying requirements".
        ["dep_parse_error"] = ("example.com/m", [], new() { ["Gopkg.lock"] = "[[projects]]\n  name = \"example.com/x\"\n" }),
        // No manifest and an empty directory: just the module and go lines, no "go mod tidy" hint.
        ["no_manifest"] = ("example.com/plain", [], new()),
        // An import comment in a subdirectory gives the parent path.
        ["import_comment_in_subdirectory"] = ("", [], new() { ["cmd/tool.go"] = "package tool // import \"example.com/deep/cmd\"\n" }),
        // Nothing to guess from: go's error.
        ["no_module_path"] = ("", [], new() { ["x.go"] = "package x\n" }),
        // Invalid module paths given.
        ["local_path"] = ("./x", [], new()),
        ["bad_major_suffix"] = ("example.com/m/v1", [], new()),
        ["gopkg_in_without_major"] = ("gopkg.in/yaml", [], new()),
        ["malformed_path"] = ("example.com/m@v1", [], new()),
        ["existing_go_mod"] = ("example.com/m", [], new() { ["go.mod"] = "module example.com/old\n" }),
    };

    public static TheoryData<string> AuthoredNames => new(Authored.Keys.Order(StringComparer.Ordinal));

    [GoTheory]
    [MemberData(nameof(AuthoredNames))]
    public async Task Go_mod_init_writes_what_go_1_19_writes(string name)
    {
        var (modPath, served, files) = Authored[name];
        await CompareAsync(modPath, served, files.ToDictionary(f => f.Key, f => System.Text.Encoding.UTF8.GetBytes(f.Value)));
    }

    private static async Task CompareAsync(string modPath, ServedModule[] served, Dictionary<string, byte[]> files)
    {
        using var tmp = new TempDirectory("modinit");
        var proxy = tmp.Combine("proxy");
        Directory.CreateDirectory(proxy);
        LegacyProxy.Write(proxy, served);
        var goProxy = new Uri(proxy + Path.DirectorySeparatorChar).AbsoluteUri.TrimEnd('/');
        await CompareAsync(tmp, modPath, files, new Dictionary<string, string?> { ["GOPROXY"] = goProxy, ["GOSUMDB"] = "off" },
            main => new GoProxyRun(proxy, tmp.Combine("home")).Run(main, modPath.Length == 0 ? ["mod", "init"] : ["mod", "init", modPath]));
    }

    /// <summary>
    /// Runs ours (the SDK's path: <see cref="ModuleInitCommand"/> with <paramref name="settings"/>, its own module cache,
    /// HOME in <paramref name="tmp"/>/ourhome) and then go (<paramref name="runGo"/>) in the same directory holding
    /// <paramref name="files"/>, and compares exit code, stderr lines and go.mod.
    /// </summary>
    internal static async Task CompareAsync(TempDirectory tmp, string modPath, Dictionary<string, byte[]> files,
        Dictionary<string, string?> settings, Func<string, ProcessResult> runGo)
    {
        var main = tmp.Combine("main");
        Directory.CreateDirectory(main);
        foreach (var (rel, data) in files)
        {
            var full = Path.Combine(main, rel);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, data);
        }
        var goModPath = Path.Combine(main, "go.mod");
        var before = File.Exists(goModPath) ? File.ReadAllText(goModPath) : null;

        // Ours through the SDK's path: the proxy client or direct mode, its own module cache, go.mod written.
        var ourHome = tmp.Combine("ourhome");
        Directory.CreateDirectory(ourHome);
        var options = new RestoreOptions
        {
            ModFile = goModPath,
            Settings = new Dictionary<string, string?>(settings) { ["GOMODCACHE"] = tmp.Combine("ourcache") },
            GetEnvironmentVariable = name => name switch { "GOENV" => "off", "HOME" => ourHome, _ => null },
        };
        var ours = (await ModuleInitCommand.RunAsync(options, modPath, CancellationToken.None)).Output;
        var ourGoMod = File.Exists(goModPath) ? File.ReadAllText(goModPath) : null;
        if (ourGoMod == before) ourGoMod = null;
        (ourGoMod is null).ShouldBe(ours.GoMod is null, "go.mod is written exactly when the command succeeds");
        if (ourGoMod is not null) ourGoMod.ShouldBe(ours.GoMod);
        if (before is null) File.Delete(goModPath);

        var result = runGo(main);
        var goMod = File.Exists(goModPath) ? File.ReadAllText(goModPath) : null;
        if (goMod == before) goMod = null;

        static string Lines(string stderr) => string.Join("\n", stderr.Split('\n')
            .Where(l => l.Length > 0 && !l.StartsWith("go: downloading ", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        var expected = $"exit {result.ExitCode}\n--- stderr\n{Lines(result.StdErr)}\n--- go.mod\n{goMod}";
        var actual = $"exit {ours.ExitCode}\n--- stderr\n{Lines(ours.StdErr)}\n--- go.mod\n{ourGoMod}";
        if (actual != expected)
        {
            var goLines = expected.Split('\n');
            var ourLines = actual.Split('\n');
            throw new Xunit.Sdk.XunitException("go mod init differs.\n===== only go:\n" + string.Join("\n", goLines.Except(ourLines)) +
                "\n===== only ours:\n" + string.Join("\n", ourLines.Except(goLines)) + "\n===== go.mod (go):\n" + goMod + "\n=====");
        }
        File.Exists(Path.Combine(main, "go.sum")).ShouldBeFalse("go mod init writes no go.sum");
    }
}
