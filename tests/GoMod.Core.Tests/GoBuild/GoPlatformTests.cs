using GoMod.Core.GoBuild;
using GoMod.Core.Restore;

namespace GoMod.Core.Tests.GoBuild;

public sealed class GoPlatformTests
{
    [Theory]
    [InlineData("linux-x64", "linux", "amd64")]
    [InlineData("linux-arm64", "linux", "arm64")]
    [InlineData("linux-musl-x64", "linux", "amd64")]
    [InlineData("linux-arm", "linux", "arm")]
    [InlineData("win-x64", "windows", "amd64")]
    [InlineData("win-x86", "windows", "386")]
    [InlineData("win-arm64", "windows", "arm64")]
    [InlineData("osx-arm64", "darwin", "arm64")]
    [InlineData("osx.13-x64", "darwin", "amd64")]
    [InlineData("freebsd-x64", "freebsd", "amd64")]
    [InlineData("linux-loongarch64", "linux", "loong64")]
    public void A_runtime_identifier_maps_to_gos_names(string rid, string os, string arch) =>
        GoPlatform.FromRuntimeIdentifier(rid).ShouldBe(new GoPlatform(os, arch));

    [Theory]
    [InlineData("win")]
    [InlineData("beos-x64")]
    [InlineData("linux-z80")]
    public void A_runtime_identifier_go_cannot_build_for_is_an_invalid_property(string rid)
    {
        var e = Should.Throw<InvalidPropertyException>(() => GoPlatform.FromRuntimeIdentifier(rid));
        e.Property.ShouldBe("RuntimeIdentifier");
        e.Message.ShouldContain("GoOS and GoArch");
    }

    [Fact]
    public void GoOS_and_GoArch_each_win_over_the_runtime_identifier_which_wins_over_the_host()
    {
        GoPlatform.Resolve(null, null, "win-arm64").ShouldBe(new GoPlatform("windows", "arm64"));
        GoPlatform.Resolve("linux", null, "win-arm64").ShouldBe(new GoPlatform("linux", "arm64"));
        GoPlatform.Resolve(null, "riscv64", "linux-x64").ShouldBe(new GoPlatform("linux", "riscv64"));
        GoPlatform.Resolve("", " ", "").ShouldBe(GoPlatform.Host);
    }
}
