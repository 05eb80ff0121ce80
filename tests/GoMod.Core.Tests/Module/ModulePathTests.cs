using GoMod.Core.Module;

namespace GoMod.Core.Tests.Module;

public class ModulePathTests
{
    [Theory]
    [InlineData("github.com/Azure/azure-sdk-for-go", "github.com/!azure/azure-sdk-for-go")]
    [InlineData("rsc.io/quote", "rsc.io/quote")]
    public void EscapePath_round_trips(string path, string escaped)
    {
        ModulePath.EscapePath(path).ShouldBe(escaped);
        ModulePath.UnescapePath(escaped).ShouldBe(path);
    }

    [Fact]
    public void CheckPath_requires_a_dot_in_the_first_element()
        => Should.Throw<ModulePathException>(() => ModulePath.CheckPath("example/x"))
            .Message.ShouldBe("malformed module path \"example/x\": missing dot in first path element");

    [Fact]
    public void ModuleVersion_prints_path_at_version()
        => new ModuleVersion("a.b/c", "v1.0.0").ToString().ShouldBe("a.b/c@v1.0.0");
}
