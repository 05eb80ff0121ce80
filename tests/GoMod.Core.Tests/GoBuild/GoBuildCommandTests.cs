using GoMod.Core.GoBuild;

namespace GoMod.Core.Tests.GoBuild;

public sealed class GoBuildCommandTests
{
    private static GoBuildRequest Request(GoBuildMode mode = GoBuildMode.Exe) => new()
    {
        ModuleDirectory = "/src/m",
        Mode = mode,
        Platform = new GoPlatform("windows", "arm64"),
        OutputFile = "/obj/m.exe",
        ModCache = "/cache/mod",
        GoCache = "/obj/gocache",
        Tags = GoBuildRequest.SplitList("netgo; osusergo,extra"),
        LdFlags = "-s -w",
        Packages = ["./cmd/tool"],
    };

    [Fact]
    public void The_command_line_carries_mode_flags_output_and_packages()
    {
        GoBuildCommand.Arguments(Request()).ShouldBe(
            ["build", "-buildmode=exe", "-buildvcs=false", "-trimpath", "-tags=netgo,osusergo,extra", "-ldflags=-s -w", "-o", "/obj/m.exe", "--", "./cmd/tool"]);
    }

    [Fact]
    public void The_default_mode_compiles_into_the_null_device_and_keeps_nothing() =>
        GoBuildCommand.Arguments(Request(GoBuildMode.Default) with { TrimPath = false, Tags = [], LdFlags = "" })
            .ShouldBe(["build", "-buildmode=default", "-buildvcs=false", "-o", GoBuildCommand.DevNull, "--", "./cmd/tool"]);

    [Fact]
    public void The_environment_is_hermetic_whatever_the_user_set()
    {
        var env = GoBuildCommand.Environment(Request());

        env["GOPROXY"].ShouldBe("off");
        env["GOFLAGS"].ShouldBe("-mod=mod");
        env["GOMODCACHE"].ShouldBe("/cache/mod");
        env["GOCACHE"].ShouldBe("/obj/gocache");
        env["GOWORK"].ShouldBe("off");
        env["GOTOOLCHAIN"].ShouldBe("local");
        env["GOENV"].ShouldBe("off");
        env["GOSUMDB"].ShouldBe("off");
        (env["GOOS"], env["GOARCH"]).ShouldBe(("windows", "arm64"));
        foreach (var cleared in new[] { "GOPRIVATE", "GONOPROXY", "GONOSUMDB", "GOINSECURE", "CGO_ENABLED" })
            env[cleared].ShouldBeNull(cleared);
        GoBuildCommand.Environment(Request() with { Vendor = true })["GOFLAGS"].ShouldBe("-mod=vendor");
    }

    [Theory]
    [InlineData(GoBuildMode.Exe, null, null)]
    [InlineData(GoBuildMode.CShared, null, "1")]
    [InlineData(GoBuildMode.CArchive, null, "1")]
    [InlineData(GoBuildMode.Exe, true, "1")]
    [InlineData(GoBuildMode.CShared, false, "0")]
    public void Cgo_is_on_for_the_C_modes_unless_GoCgoEnabled_says_otherwise(GoBuildMode mode, bool? property, string? expected) =>
        GoBuildCommand.Environment(Request(mode) with { CgoEnabled = property })["CGO_ENABLED"].ShouldBe(expected);
}
