using GoMod.Testing;
using GoMod.Core.GoEnv;
using GoMod.Core.Proxy;

namespace GoMod.Core.Tests.GoEnv;

/// <summary>Settings resolve as go resolves them: property, then environment, then the go env file, then go's default.</summary>
public sealed class GoEnvironmentResolveTests : IDisposable
{
    private readonly TempDirectory _dir = new("goenv");

    public void Dispose() => _dir.Dispose();

    private Func<string, string?> Env(params (string Key, string Value)[] vars)
    {
        var map = vars.ToDictionary(v => v.Key, v => v.Value);
        map.TryAdd("HOME", _dir.Path);
        map.TryAdd("GOENV", "off");
        return key => map.GetValueOrDefault(key);
    }

    private static GoEnvironment Resolve(Func<string, string?> env, params (string Key, string? Value)[] properties) =>
        GoEnvironment.Resolve(properties.ToDictionary(p => p.Key, p => p.Value), env);

    [Fact]
    public void Unset_settings_take_gos_defaults()
    {
        var e = Resolve(Env());

        e.GoProxy.ShouldBe("https://proxy.golang.org,direct");
        e.GoSumDb.ShouldBe("sum.golang.org");
        e.ModCache.ShouldBe(Path.Combine(_dir.Path, "go", "pkg", "mod"));
        e.GoPrivate.ShouldBe("");
        e.Flags.ShouldBe(GoFlags.None);
    }

    [Fact]
    public void Property_beats_environment_beats_env_file_beats_default()
    {
        var envFile = _dir.Write("goenv", "GOPROXY=https://file.example\nGOSUMDB=file.sumdb\nGOFLAGS=-mod=mod\n");
        var env = Env(("GOENV", envFile), ("GOPROXY", "https://env.example"), ("GOSUMDB", "env.sumdb"));

        var e = Resolve(env, ("GOPROXY", "https://property.example"));

        e.GoProxy.ShouldBe("https://property.example");
        e.GoSumDb.ShouldBe("env.sumdb");
        e.Flags.Mod.ShouldBe(ModMode.Mod);
    }

    [Fact]
    public void Empty_values_count_as_unset()
    {
        var e = Resolve(Env(("GOPROXY", "")), ("GOPROXY", ""));

        e.GoProxy.ShouldBe(ProxyList.DefaultGoProxy);
    }

    [Fact]
    public void GONOPROXY_and_GONOSUMDB_default_to_GOPRIVATE()
    {
        var e = Resolve(Env(("GOPRIVATE", "corp.example/*")), ("GONOSUMDB", "other.example"));

        e.GoNoProxy.ShouldBe("corp.example/*");
        e.GoNoSumDb.ShouldBe("other.example");
    }

    [Fact]
    public void GOMODCACHE_defaults_to_the_first_GOPATH_entry()
    {
        var first = _dir.Combine("first");
        var e = Resolve(Env(("GOPATH", first + Path.PathSeparator + _dir.Combine("second"))));

        e.ModCache.ShouldBe(Path.Combine(first, "pkg", "mod"));
    }

    [Fact]
    public void Env_file_lines_without_equals_or_not_starting_upper_case_are_ignored()
    {
        var envFile = _dir.Write("goenv", "# comment\ngoproxy=lower\nGARBAGE\nGOINSECURE=a.example\n");

        var e = Resolve(Env(("GOENV", envFile)));

        e.GoProxy.ShouldBe(ProxyList.DefaultGoProxy);
        e.GoInsecure.ShouldBe("a.example");
    }

    [Fact]
    public void Default_env_file_is_in_the_user_config_dir()
    {
        if (OperatingSystem.IsWindows() || OperatingSystem.IsMacOS()) return;
        _dir.Write(".config/go/env", "GOPRIVATE=cfg.example\n");
        var map = new Dictionary<string, string?> { ["HOME"] = _dir.Path };

        var e = GoEnvironment.Resolve(new Dictionary<string, string?>(), k => map.GetValueOrDefault(k));

        e.GoPrivate.ShouldBe("cfg.example");
    }

    [GoFact]
    public void Resolution_matches_go_env()
    {
        using var home = new TempDirectory("goenv-home");
        var envFile = _dir.Write("goenv", "GOPROXY=https://file.example\nGOPRIVATE=corp.example\nGOFLAGS=-mod=mod\n");
        var vars = new Dictionary<string, string?>
        {
            ["HOME"] = home.Path, ["GOENV"] = envFile, ["GOPATH"] = _dir.Combine("gp"), ["GOMODCACHE"] = null,
            ["GOPROXY"] = null, ["GOSUMDB"] = null, ["GONOSUMDB"] = "nosum.example", ["GOFLAGS"] = null,
        };

        var go = GoOracle.Run(_dir.Path, home.Path, vars, "env", "GOPROXY", "GOPRIVATE", "GONOPROXY", "GONOSUMDB", "GOSUMDB", "GOMODCACHE", "GOINSECURE")
            .EnsureSuccess("go env").StdOut.Split('\n');
        var ours = GoEnvironment.Resolve(new Dictionary<string, string?>(), k => vars.TryGetValue(k, out var v) ? v : null);

        string[] expected = [ours.GoProxy, ours.GoPrivate, ours.GoNoProxy, ours.GoNoSumDb, ours.GoSumDb, ours.ModCache, ours.GoInsecure];
        go.Take(expected.Length).ShouldBe(expected);
    }
}
