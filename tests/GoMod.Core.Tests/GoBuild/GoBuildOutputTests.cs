using GoMod.Core.GoBuild;

namespace GoMod.Core.Tests.GoBuild;

public sealed class GoBuildOutputTests
{
    [Theory]
    [InlineData("exe", "linux", "tool", "tool:Executable")]
    [InlineData("exe", "windows", "tool", "tool.exe:Executable")]
    [InlineData("c-shared", "linux", "calc", "libcalc.so:SharedLibrary libcalc.h:Header")]
    [InlineData("c-shared", "windows", "calc", "calc.dll:SharedLibrary calc.h:Header")]
    [InlineData("c-shared", "darwin", "calc", "libcalc.dylib:SharedLibrary libcalc.h:Header")]
    [InlineData("c-archive", "linux", "calc", "libcalc.a:StaticLibrary libcalc.h:Header")]
    [InlineData("default", "linux", "calc", "")]
    public void Each_mode_writes_the_files_named_for_its_platform(string mode, string os, string name, string expected) =>
        string.Join(' ', GoBuildOutput.For(GoBuildRequest.ParseMode(mode), new GoPlatform(os, "amd64"), name).Select(o => o.FileName + ":" + o.Kind))
            .ShouldBe(expected);

    [Theory]
    [InlineData("", "false")]
    [InlineData(" Auto ", "auto")]
    [InlineData("TRUE", "true")]
    public void GoBuild_is_auto_true_or_false(string value, string expected) => GoBuildRequest.ParseGoBuild(value).ShouldBe(expected);

    [Fact]
    public void Another_GoBuild_value_is_an_invalid_property() =>
        Should.Throw<GoMod.Core.Restore.InvalidPropertyException>(() => GoBuildRequest.ParseGoBuild("yes")).Message.ShouldBe("GoBuild=yes not supported (can be 'auto', 'true' or 'false')");

    [Fact]
    public void An_unknown_build_mode_is_an_invalid_property() =>
        Should.Throw<GoMod.Core.Restore.InvalidPropertyException>(() => GoBuildRequest.ParseMode("pie")).Property.ShouldBe("GoBuildMode");
}
