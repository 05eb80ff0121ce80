using GoMod.Core.GoBuild;
using GoMod.Core.GoEnv;
using GoMod.Testing;

namespace GoMod.Core.Tests.GoBuild;

/// <summary>
/// The platform, cgo setting and tags a build is for, resolved as go resolves them: GOOS/GOARCH/CGO_ENABLED from the
/// settings, the environment or the go env file; cgo off for a cross build and, since go 1.20, where no C compiler is
/// found; GoTags replacing GOFLAGS's -tags.
/// </summary>
public sealed class BuildTargetTests : IDisposable
{
    private readonly TempDirectory _dir = new("buildtarget");

    public void Dispose() => _dir.Dispose();

    /// <summary>An environment whose PATH holds only a directory with an executable <c>gcc</c> (and <c>clang</c>).</summary>
    private Func<string, string?> Env(params (string Key, string Value)[] vars)
    {
        var bin = _dir.Combine("bin");
        foreach (var compiler in new[] { "gcc", "clang" })
        {
            var file = _dir.Write(Path.Combine("bin", OperatingSystem.IsWindows() ? compiler + ".exe" : compiler), "");
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }
        var map = vars.ToDictionary(v => v.Key, v => v.Value);
        map.TryAdd("HOME", _dir.Path);
        map.TryAdd("GOENV", "off");
        map.TryAdd("PATH", bin);
        return key => map.GetValueOrDefault(key);
    }

    private static BuildTarget Resolve(Func<string, string?> env, string? tags = null, params (string Key, string? Value)[] settings) =>
        BuildTarget.Resolve(GoEnvironment.Resolve(settings.ToDictionary(s => s.Key, s => s.Value), env), tags, env);

    private static GoPlatform Cross => GoPlatform.Host.Os == "windows" ? new("linux", GoPlatform.Host.Arch) : new("windows", GoPlatform.Host.Arch);

    [Fact]
    public void Unset_it_is_this_machine_with_cgo_on_when_a_C_compiler_is_on_PATH()
    {
        var t = Resolve(Env());

        t.Platform.ShouldBe(GoPlatform.Host);
        t.Cgo.ShouldBeTrue();
        t.Tags.ShouldBeEmpty();
    }

    [Fact]
    public void Go_1_20_rule_without_a_C_compiler_on_PATH_cgo_is_off_unless_CC_is_set()
    {
        var noCompiler = Env(("PATH", _dir.Combine("empty")));
        Resolve(noCompiler).Cgo.ShouldBeFalse();

        Resolve(Env(("PATH", _dir.Combine("empty")), ("CC", "cc"))).Cgo.ShouldBeTrue("go looks for no compiler when CC is set");
        Resolve(Env(("PATH", _dir.Combine("empty")), ("CGO_ENABLED", "1"))).Cgo.ShouldBeTrue();
    }

    [Fact]
    public void A_cross_build_has_cgo_off_unless_CGO_ENABLED_is_1()
    {
        var cross = Resolve(Env(("GOOS", Cross.Os)));
        cross.Platform.ShouldBe(Cross);
        cross.Cgo.ShouldBeFalse();

        Resolve(Env(("GOOS", Cross.Os), ("CGO_ENABLED", "1"))).Cgo.ShouldBeTrue();
        // A value go does not take counts as unset: the default decides.
        Resolve(Env(("GOOS", Cross.Os), ("CGO_ENABLED", "yes"))).Cgo.ShouldBeFalse();
        Resolve(Env(("CGO_ENABLED", "yes"))).Cgo.ShouldBeTrue();
    }

    [Fact]
    public void Settings_beat_the_environment_which_beats_the_go_env_file()
    {
        var envFile = _dir.Write("goenv", $"GOOS={Cross.Os}\nGOARCH=arm64\nCGO_ENABLED=1\nGOFLAGS=-tags=fromfile\n");

        var fromFile = Resolve(Env(("GOENV", envFile)));
        fromFile.Platform.ShouldBe(new GoPlatform(Cross.Os, "arm64"));
        fromFile.Cgo.ShouldBeTrue();
        fromFile.Tags.ShouldBe(["fromfile"]);

        var fromEnv = Resolve(Env(("GOENV", envFile), ("GOARCH", "386"), ("CGO_ENABLED", "0"), ("GOFLAGS", "-tags=a,b")));
        fromEnv.Platform.ShouldBe(new GoPlatform(Cross.Os, "386"));
        fromEnv.Cgo.ShouldBeFalse();
        fromEnv.Tags.ShouldBe(["a", "b"]);

        var fromSettings = Resolve(Env(("GOENV", envFile), ("GOARCH", "386")), "loud quiet", ("GOOS", GoPlatform.Host.Os), ("GOARCH", GoPlatform.Host.Arch), ("CGO_ENABLED", "0"));
        fromSettings.Platform.ShouldBe(GoPlatform.Host);
        fromSettings.Cgo.ShouldBeFalse();
        fromSettings.Tags.ShouldBe(["loud", "quiet"], "GoTags replaces GOFLAGS's -tags, as -tags on go's command line does");
    }

    [Fact]
    public void Empty_GoTags_replace_GOFLAGS_tags_and_null_takes_them()
    {
        var env = Env(("GOFLAGS", "-mod=mod -tags=x,y -modcacherw"));

        Resolve(env).Tags.ShouldBe(["x", "y"]);
        Resolve(env, "").Tags.ShouldBeEmpty();
    }

    [Fact]
    public void The_key_changes_with_each_part()
    {
        var env = Env();
        var keys = new[]
        {
            Resolve(env).Key,
            Resolve(Env(("GOOS", Cross.Os))).Key,
            Resolve(Env(("GOARCH", GoPlatform.Host.Arch == "arm64" ? "amd64" : "arm64"))).Key,
            Resolve(Env(("CGO_ENABLED", "0"))).Key,
            Resolve(env, "loud").Key,
        };
        keys.Distinct().Count().ShouldBe(keys.Length);
    }

    public static TheoryData<string, string[]> GoEnvCases => new()
    {
        { "nothing set", [] },
        { "a cross GOOS", ["GOOS=windows"] },
        { "a cross GOARCH", ["GOARCH=arm64"] },
        { "this machine's GOOS set", ["GOOS=linux"] },
        { "CGO_ENABLED=0", ["CGO_ENABLED=0"] },
        { "CGO_ENABLED=1 for a cross build", ["GOOS=windows", "CGO_ENABLED=1"] },
        { "CGO_ENABLED neither 0 nor 1", ["CGO_ENABLED=yes"] },
        { "CGO_ENABLED=0 in the go env file", ["file:CGO_ENABLED=0"] },
        { "GOARCH in the go env file", ["file:GOARCH=386"] },
        { "the environment over the go env file", ["file:CGO_ENABLED=0", "CGO_ENABLED=1"] },
    };

    /// <summary>
    /// Differential: GOOS, GOARCH and CGO_ENABLED as <c>go env</c> prints them. Needs a C compiler on PATH, where go
    /// 1.19 (no compiler check) and go 1.20's rule agree; CI installs gcc.
    /// </summary>
    [GoTheory]
    [MemberData(nameof(GoEnvCases))]
    public void Platform_and_cgo_match_go_env(string description, string[] vars)
    {
        if (GoPlatform.Host.Os != "linux" || GoPlatform.Host.Arch != "amd64") return; // The cases name linux/amd64's cross targets.
        if (GoToolchain.OnPath("gcc", Environment.GetEnvironmentVariable) is null)
        {
            GoOracle.IsCI.ShouldBeFalse("CI installs gcc: without it go 1.19 and go 1.20's rule differ");
            return;
        }
        var envFile = _dir.Write("env-" + description.Replace(' ', '-'), string.Join("\n", vars.Where(v => v.StartsWith("file:", StringComparison.Ordinal)).Select(v => v[5..])) + "\n");
        var env = UnsetTarget(envFile);
        foreach (var v in vars.Where(v => !v.StartsWith("file:", StringComparison.Ordinal))) env[v[..v.IndexOf('=')]] = v[(v.IndexOf('=') + 1)..];

        ShouldMatchGoEnv(GoOracle.Run, env, Environment.GetEnvironmentVariable, description);
    }

    /// <summary>An environment for go with GOENV as given and GOOS, GOARCH, CGO_ENABLED and CC unset.</summary>
    private static Dictionary<string, string?> UnsetTarget(string goEnv) =>
        new() { ["GOENV"] = goEnv, ["CGO_ENABLED"] = null, ["GOOS"] = null, ["GOARCH"] = null, ["CC"] = null };

    /// <summary>
    /// Runs <c>go env GOOS GOARCH CGO_ENABLED</c> (<paramref name="runGo"/>: an oracle's Run) in <paramref name="env"/>
    /// and asserts that <see cref="BuildTarget.Resolve"/> finds the same in that environment (variables it does not
    /// name come from <paramref name="fallback"/>).
    /// </summary>
    private void ShouldMatchGoEnv(Func<string, string, IReadOnlyDictionary<string, string?>?, string[], ProcessResult> runGo,
        Dictionary<string, string?> env, Func<string, string?> fallback, string description)
    {
        var home = Directory.CreateDirectory(_dir.Combine("home-" + description.Replace(' ', '-'))).FullName;
        var go = runGo(home, home, env, ["env", "GOOS", "GOARCH", "CGO_ENABLED"]).EnsureSuccess("go env").StdOut.Split('\n');

        Func<string, string?> ours = k => env.TryGetValue(k, out var v) ? v : k == "HOME" ? home : fallback(k);
        var target = BuildTarget.Resolve(GoEnvironment.FromVariables(ours), null, ours);
        $"{target.Platform.Os} {target.Platform.Arch} {(target.Cgo ? "1" : "0")}".ShouldBe($"{go[0]} {go[1]} {go[2]}", description);
    }

    public static TheoryData<string, string[]> CompilerCases => new()
    {
        { "gcc on PATH", ["PATH=gcc"] },
        { "no C compiler on PATH", ["PATH=empty"] },
        { "no C compiler on PATH but CC set", ["PATH=empty", "CC=cc"] },
        { "no C compiler on PATH but CGO_ENABLED=1", ["PATH=empty", "CGO_ENABLED=1"] },
        { "gcc on PATH, a cross GOOS", ["PATH=gcc", "GOOS=windows"] },
    };

    /// <summary>
    /// Differential against go 1.23 (go 1.20's rule): with CGO_ENABLED unset, cgo is on only where CC is set or the
    /// default C compiler is on PATH. PATH is a directory holding an executable <c>gcc</c> stub, or an empty one.
    /// </summary>
    [LaterGoTheory]
    [MemberData(nameof(CompilerCases))]
    public void Go_1_20_rule_cgo_by_default_matches_later_go_env_with_and_without_a_C_compiler(string description, string[] vars)
    {
        if (GoPlatform.Host.Os != "linux" || GoPlatform.Host.Arch != "amd64") return; // The cases name linux/amd64's cross targets.
        var gccDir = Env()("PATH")!; // holds the gcc and clang stubs
        var emptyDir = Directory.CreateDirectory(_dir.Combine("empty")).FullName;
        var env = UnsetTarget("off");
        foreach (var v in vars)
        {
            var (key, value) = (v[..v.IndexOf('=')], v[(v.IndexOf('=') + 1)..]);
            env[key] = key == "PATH" ? (value == "gcc" ? gccDir : emptyDir) : value;
        }

        ShouldMatchGoEnv(LaterGoOracle.Run, env, _ => null, description);
    }
}
