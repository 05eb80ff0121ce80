using System.IO.Compression;
using System.Text.Json;
using GoMod.Testing;
using GoMod.Core.ModLoad;
using GoMod.Core.Module;
using GoMod.Core.Semver;

namespace GoMod.Core.Tests.Module;

/// <summary>
/// Differential tests against the go command's observable behaviour (no x/mod involved): which module paths
/// <c>go list -m</c> refuses, how <c>go mod edit</c> parses and canonicalizes require lines, and where go looks for
/// and stores modules with upper-case letters, through a real <c>file://</c> GOPROXY built with our escaping.
/// </summary>
public sealed class GoCommandDifferentialTests
{
    /// <summary>Paths covering each module-path rule; the verdict and message come from go.</summary>
    public static readonly string[] Paths =
    [
        "example.com/m", "github.com/Azure/azure-sdk-for-go", "example.com/m/v2", "example.com/m/v1", "example.com/m/v0",
        "example.com/m/v02", "example.com/m/v2.1", "gopkg.in/yaml.v2", "gopkg.in/check.v0", "gopkg.in/x.v1-unstable",
        "gopkg.in/yaml", "gopkg.in/yaml.v02", "example/m", "Example.com/m", "ex_ample.com/m", "-example.com/m",
        "example.com//m", "example.com/.m", "example.com/m.", "example.com/..", "example.com/a+b", "example.com/a!b",
        "example.com/é", "example.com/con", "example.com/Aux.txt", "example.com/LPT9", "example.com/x~1", "example.com/x~",
        "example.com/x~1.y", "example.com/a_b-c~d.e", "127.0.0.1/m", "example.com/com0", "example.com/v2x",
    ];

    [GoFact]
    public void Module_path_verdicts_and_messages_match_go_list()
    {
        using var home = new TempDirectory("golist");
        Directory.CreateDirectory(home.Combine("proxy"));
        home.Write("work/go.mod", "module example.com/main\n\ngo 1.19\n");
        var result = GoOracle.Run(home.Combine("work"), home.Path, ProxyEnv(home), ["list", "-m", "-e", "-json", .. Paths.Select(p => p + "@v1.0.0")]);
        result.EnsureSuccess("go list -m -e");
        var errors = ReadJsonStream(result.StdOut).ToDictionary(e => e.GetProperty("Path").GetString()!, e => e.GetProperty("Error").GetProperty("Err").GetString()!);
        foreach (var path in Paths)
        {
            var goError = errors[path];
            if (ModulePath.IsValidPath(path))
            {
                // go got past the path check and asked the proxy for the escaped path.
                goError.ShouldContain($"/proxy/{ModulePath.EscapePath(path)}/@v/v1.0.0.info", customMessage: path);
            }
            else
            {
                var ours = Should.Throw<ModulePathException>(() => ModulePath.CheckPath(path));
                goError.ShouldBe($"{path}@v1.0.0: {ours.Message}");
            }
        }
    }

    /// <summary>Require lines as go.mod holds them: versions of every shape against paths of every major suffix.</summary>
    public static readonly (string Path, string Version)[] Requirements =
    [
        ("example.com/a", "v1.2.3"), ("example.com/a", "v1.2"), ("example.com/a", "v1"), ("example.com/a", "v0.1.0+meta"),
        ("example.com/a", "v1.2.3-pre+meta"), ("example.com/a", "v2.0.0+incompatible"), ("example.com/a", "v2.0+incompatible"),
        ("example.com/a", "v2.0.0"), ("example.com/a", "1.2.3"), ("example.com/a", "v1.02.3"), ("example.com/a", "v1.2.3-01"),
        ("example.com/a", "v1.2.3-"), ("example.com/a", "master"), ("example.com/a", "v1.0.0-A"), ("example.com/a", "v1.2.3.4"),
        ("example.com/a/v2", "v2.0.0"), ("example.com/a/v2", "v2.1"), ("example.com/a/v2", "v3.0.0"), ("example.com/a/v2", "v1.9.9"),
        ("example.com/a/v2", "v2.0.0+incompatible"), ("example.com/a/v1", "v1.0.0"), ("example.com/a/v02", "v2.0.0"),
        ("gopkg.in/yaml.v2", "v2.4.0"), ("gopkg.in/yaml.v2", "v3.0.0"), ("gopkg.in/check.v1", "v0.0.0-20161208181325-20d25e280405"),
        ("gopkg.in/check.v1", "v0.1.0"), ("gopkg.in/x.v0", "v0.3.0"), ("gopkg.in/x.v1-unstable", "v1.0.0"), ("gopkg.in/x", "v1.0.0"),
        ("example.com/a", "v0.0.0-20200101000000-abcdefabcdef"), ("example.com/a", "v1.2.4-0.20200101000000-abcdefabcdef+incompatible"),
    ];

    [GoFact]
    public void Require_lines_are_accepted_canonicalized_and_rejected_as_go_mod_edit_does()
    {
        using var home = new TempDirectory("goedit");
        var header = "module example.com/main\n\ngo 1.19\n\n";
        const int firstLine = 5;
        home.Write("go.mod", header + string.Join("", Requirements.Select(r => $"require {r.Path} {r.Version}\n")));
        var all = GoOracle.Run(home.Path, home.Path, null, "mod", "edit", "-json");
        all.ExitCode.ShouldNotBe(0, "the table has invalid lines");
        var goErrors = new Dictionary<int, string>();
        foreach (var line in all.StdErr.Split('\n'))
        {
            // "<dir>/go.mod:LINE: message" or "<dir>/go.mod:LINE:COL: message"
            var m = System.Text.RegularExpressions.Regex.Match(line, @"go\.mod:(\d+)(?::\d+)?: (.*)$");
            if (m.Success) goErrors[int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)] = m.Groups[2].Value;
        }

        var accepted = new List<(string Path, string Canonical)>();
        for (var i = 0; i < Requirements.Length; i++)
        {
            var (path, version) = Requirements[i];
            var expected = OurRequireError(path, version);
            goErrors.TryGetValue(firstLine + i, out var goError);
            goError.ShouldBe(expected, $"require {path} {version}");
            if (expected is null) accepted.Add((path, ModulePath.CanonicalVersion(version)));
        }

        // The accepted lines alone parse, and go canonicalizes each version exactly as CanonicalVersion does.
        home.Write("go.mod", header + string.Join("", Requirements.Where(r => OurRequireError(r.Path, r.Version) is null).Select(r => $"require {r.Path} {r.Version}\n")));
        var ok = GoOracle.Run(home.Path, home.Path, null, "mod", "edit", "-json").EnsureSuccess("go mod edit -json");
        using var doc = JsonDocument.Parse(ok.StdOut);
        doc.RootElement.GetProperty("Require").EnumerateArray()
            .Select(r => (r.GetProperty("Path").GetString()!, r.GetProperty("Version").GetString()!))
            .ShouldBe(accepted);
    }

    // What go's go.mod parser says about one require line, predicted from our rules: the version must canonicalize,
    // the path must have a well-formed major suffix, and the canonical version must match it.
    private static string? OurRequireError(string path, string version)
    {
        var canonical = ModulePath.CanonicalVersion(version);
        if (canonical.Length == 0) return $"require {path}: {new InvalidVersionException(version, false, "must be of the form v1.2.3").Message}";
        if (!ModulePath.SplitPathVersion(path, out _, out var major)) return "invalid module path";
        if (!ModulePath.MatchPathMajor(canonical, major))
            return $"require {path}: {Should.Throw<InvalidVersionException>(() => ModulePath.CheckPathMajor(canonical, major)).Message}";
        return null;
    }

    /// <summary>Modules whose paths and versions need escaping.</summary>
    public static readonly (string Path, string Version)[] CaseModules =
    [
        ("github.com/Azure/Go-Lib", "v1.0.0"),
        ("github.com/Azure/Go-Lib", "v1.1.0-RC1"),
        ("example.com/ABC/v2", "v2.0.0-Beta.2"),
        ("gopkg.in/Yaml.v3", "v3.0.1"),
        ("example.com/lower", "v0.1.0"),
    ];

    [GoFact]
    public void Go_finds_modules_in_a_proxy_laid_out_with_our_escaping_and_caches_them_under_the_same_names()
    {
        using var home = new TempDirectory("goescape");
        foreach (var (path, version) in CaseModules)
        {
            var dir = Path.Combine([home.Combine("proxy"), .. ModulePath.EscapePath(path).Split('/'), "@v"]);
            Directory.CreateDirectory(dir);
            var name = ModulePath.EscapeVersion(version);
            var goMod = $"module {path}\n\ngo 1.19\n";
            File.WriteAllText(Path.Combine(dir, name + ".info"), $"{{\"Version\":\"{version}\",\"Time\":\"2021-03-04T05:06:07Z\"}}\n");
            File.WriteAllText(Path.Combine(dir, name + ".mod"), goMod);
            using (var zip = ZipFile.Open(Path.Combine(dir, name + ".zip"), ZipArchiveMode.Create))
            {
                using var w = new StreamWriter(zip.CreateEntry($"{path}@{version}/go.mod").Open());
                w.Write(goMod);
            }
            File.AppendAllText(Path.Combine(dir, "list"), version + "\n");
        }
        home.Write("work/go.mod", "module example.com/main\n\ngo 1.19\n");
        var result = GoOracle.Run(home.Combine("work"), home.Path, ProxyEnv(home),
            ["mod", "download", "-json", .. CaseModules.Select(m => $"{m.Path}@{m.Version}")]);
        result.EnsureSuccess("go mod download");

        var cache = Path.Combine(home.Path, "gopath", "pkg", "mod");
        var downloads = ReadJsonStream(result.StdOut).ToList();
        downloads.Count.ShouldBe(CaseModules.Length);
        foreach (var d in downloads)
        {
            d.TryGetProperty("Error", out var err).ShouldBeFalse(err.ToString());
            var m = new ModuleVersion(d.GetProperty("Path").GetString()!, d.GetProperty("Version").GetString()!);
            var (escPath, escVersion) = (ModulePath.EscapePath(m.Path), ModulePath.EscapeVersion(m.Version));
            d.GetProperty("Dir").GetString().ShouldBe(Path.Combine([cache, .. $"{escPath}@{escVersion}".Split('/')]));
            d.GetProperty("GoMod").GetString().ShouldBe(Path.Combine([cache, "cache", "download", .. escPath.Split('/'), "@v", escVersion + ".mod"]));
            // And the names go chose read back to the module version.
            ModulePath.UnescapePath(escPath).ShouldBe(m.Path);
            ModulePath.UnescapeVersion(escVersion).ShouldBe(m.Version);
        }
    }

    private static Dictionary<string, string?> ProxyEnv(TempDirectory home) => new()
    {
        ["GOPROXY"] = new Uri(home.Combine("proxy")).AbsoluteUri,
        ["GOFLAGS"] = "-modcacherw -mod=mod",
    };

    // go prints one JSON object after another without separators.
    private static List<JsonElement> ReadJsonStream(string text)
    {
        var list = new List<JsonElement>();
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(text), new JsonReaderOptions { AllowMultipleValues = true });
        while (reader.Read())
        {
            using var doc = JsonDocument.ParseValue(ref reader);
            list.Add(doc.RootElement.Clone());
        }
        return list;
    }
}
