using GoMod.Core.Module;
using GoMod.Core.Semver;

namespace GoMod.Core.Tests.Module;

/// <summary>ModuleVersion printing and go.sum-style sort order; ModuleException messages.</summary>
public class ModuleVersionTests
{
    [Theory]
    [InlineData("example.com/m", "v1.0.0", "example.com/m@v1.0.0")]
    [InlineData("example.com/m", "", "example.com/m")]
    [InlineData("example.com/m", "v1.0.0/go.mod", "example.com/m@v1.0.0/go.mod")]
    public void ToString_is_path_at_version_or_just_the_path(string path, string version, string expected)
        => new ModuleVersion(path, version).ToString().ShouldBe(expected);

    [Fact]
    public void SortOrder_is_path_then_semver_then_suffix()
    {
        var list = new List<ModuleVersion>
        {
            new("golang.org/x/text", "v0.3.0/go.mod"),
            new("example.com/m", "v1.10.0"),
            new("example.com/m", "v1.2.0/go.mod"),
            new("example.com/m", "v1.2.0"),
            new("example.com/m", "v1.2.0-rc.1"),
            new("example.com/M", "v9.0.0"),
            new("example.com/m/v2", "v2.0.0"),
            new("golang.org/x/text", "v0.3.0"),
        };
        list.Sort(ModuleVersion.SortOrder);
        list.Select(m => m.ToString()).ShouldBe(
        [
            "example.com/M@v9.0.0",           // 'M' < 'm' byte-wise
            "example.com/m@v1.2.0-rc.1",
            "example.com/m@v1.2.0",
            "example.com/m@v1.2.0/go.mod",    // the zip line before the go.mod line, as in go.sum
            "example.com/m@v1.10.0",          // semver, not text: 1.10 > 1.2
            "example.com/m/v2@v2.0.0",
            "golang.org/x/text@v0.3.0",
            "golang.org/x/text@v0.3.0/go.mod",
        ]);
    }

    [Fact]
    public void SortOrder_compares_paths_by_utf8_bytes()
    {
        // U+FF21 (3 UTF-8 bytes) sorts before U+10000 (4 bytes), although its UTF-16 code unit is larger.
        ModuleVersion.SortOrder.Compare(new("\uFF21", ""), new("\U00010000", "")).ShouldBeLessThan(0);
    }

    [Fact]
    public void ModuleException_formats_like_gos_module_error()
    {
        new ModuleException("example.com/m", "v1.0.0", "missing go.sum entry").Message.ShouldBe("example.com/m@v1.0.0: missing go.sum entry");
        new ModuleException("example.com/m", "", "not found").Message.ShouldBe("module example.com/m: not found");
        new ModuleException("example.com/m", "", new InvalidVersionException("v1.0.0-x", true, "syntax error"))
            .Message.ShouldBe("example.com/m@v1.0.0-x: invalid pseudo-version: syntax error");
    }

    [Fact]
    public void ModuleException_For_does_not_wrap_twice()
    {
        var m = new ModuleVersion("example.com/m", "v1.0.0");
        var first = ModuleException.For(m, new IOException("disk full"));
        first.Message.ShouldBe("example.com/m@v1.0.0: disk full");
        ModuleException.For(m, first).ShouldBeSameAs(first);
        ModuleException.For(m with { Version = "v1.0.1" }, first).ShouldNotBeSameAs(first);
    }
}
