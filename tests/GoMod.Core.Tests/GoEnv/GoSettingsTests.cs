using GoMod.Testing;
using GoMod.Core.GoEnv;

namespace GoMod.Core.Tests.GoEnv;

public class GoSettingsTests
{
    [Theory]
    [InlineData("", null, false)]
    [InlineData("-mod=mod", ModMode.Mod, false)]
    [InlineData("-mod=readonly -modcacherw", ModMode.ReadOnly, true)]
    [InlineData("--mod=vendor -trimpath", ModMode.Vendor, false)]
    [InlineData("-modcacherw=false -mod=mod -mod=readonly", ModMode.ReadOnly, false)]
    [InlineData("-mod=", null, false)]
    public void GOFLAGS_yields_the_mod_mode_and_modcacherw(string goflags, ModMode? mod, bool rw)
    {
        var flags = GoFlags.Parse(goflags);
        flags.Mod.ShouldBe(mod);
        flags.ModCacheRW.ShouldBe(rw);
    }

    [Theory]
    [InlineData("mod=mod", "go: parsing $GOFLAGS: non-flag \"mod=mod\"")]
    [InlineData("-mod=bogus", "-mod=bogus not supported (can be '', 'mod', 'readonly', or 'vendor')")]
    [InlineData("---mod=mod", "go: parsing $GOFLAGS: non-flag \"---mod=mod\"")]
    public void Bad_GOFLAGS_fail_with_gos_message(string goflags, string message) =>
        Should.Throw<GoEnvironmentException>(() => GoFlags.Parse(goflags)).Message.ShouldBe(message);

    [Fact]
    public void Module_cache_defaults_to_GOMODCACHE_then_first_GOPATH_entry_then_home_go()
    {
        GoEnvironment.ResolveModCache("/m/cache", "/g1:/g2", "/home/u").ShouldBe("/m/cache");
        GoEnvironment.ResolveModCache("", "/g1:/g2", "/home/u").ShouldBe("/g1/pkg/mod");
        GoEnvironment.ResolveModCache(null, null, "/home/u").ShouldBe("/home/u/go/pkg/mod");
        Should.Throw<GoEnvironmentException>(() => GoEnvironment.ResolveModCache("rel/cache", null, "/h"))
            .Message.ShouldBe("GOMODCACHE entry is relative; must be absolute path: \"rel/cache\".");
    }

    [GoFact]
    public void Module_cache_location_agrees_with_go_env()
    {
        using var home = new TempDirectory("env");
        foreach (var (gomodcache, gopath) in new[] { ((string?)null, home.Combine("gp1") + ":" + home.Combine("gp2")), (home.Combine("mc"), home.Combine("gp")), (null, null) })
        {
            var env = new Dictionary<string, string?> { ["GOMODCACHE"] = gomodcache, ["GOPATH"] = gopath };
            var go = GoOracle.Run(home.Path, home.Path, env, "env", "GOMODCACHE").EnsureSuccess("go env").StdOut.Trim();
            var ours = GoEnvironment.FromVariables(new Dictionary<string, string?>
            {
                ["HOME"] = home.Path, ["GOMODCACHE"] = gomodcache, ["GOPATH"] = gopath, ["GOENV"] = "off",
            }).ModCache;
            ours.ShouldBe(go);
        }
    }

    [Fact]
    public void Settings_come_from_the_environment_then_the_go_env_file()
    {
        using var home = new TempDirectory("env");
        var envFile = home.Write("config/go/env", "GOPRIVATE=*.corp.example\nGOPROXY=https://file.example\nGOFLAGS=-mod=mod\n");
        var env = GoEnvironment.FromVariables(new Dictionary<string, string?>
        {
            ["HOME"] = home.Path,
            ["GOENV"] = envFile,
            ["GOPROXY"] = "https://env.example",
        });
        env.GoProxy.ShouldBe("https://env.example");
        env.GoPrivate.ShouldBe("*.corp.example");
        env.GoNoProxy.ShouldBe("*.corp.example");
        env.Flags.Mod.ShouldBe(ModMode.Mod);
        env.ModCache.ShouldBe(System.IO.Path.Combine(home.Path, "go", "pkg", "mod"));
    }

    [Fact]
    public void Netrc_entries_need_machine_login_and_password_and_stop_at_a_lone_default()
    {
        var netrc = NetrcFile.Parse("""
            machine a.example login alice password s3cret
            machine b.example
              login bob
            macdef init
            machine hidden.example login x password y

            machine c.example password pc login carol
            machine d.example login dan password pd
            default
            machine after.example login z password z
            """);
        netrc.Entries.Select(e => e.Machine).ShouldBe(["a.example", "c.example", "d.example"]);
        netrc.Find("c.example")!.Login.ShouldBe("carol");
        netrc.Find("a.example")!.ToString().ShouldNotContain("s3cret");
        netrc.Find("after.example").ShouldBeNull();
    }
}
