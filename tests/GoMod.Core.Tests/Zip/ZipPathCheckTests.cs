using GoMod.Core.Zip;

namespace GoMod.Core.Tests.Zip;

/// <summary>
/// The zip path checks keep go's answers where they skip work: <see cref="GoPath.Clean"/> and <see cref="GoPath.Dir"/>
/// return a clean path without the cleaning pass, and the collision checker stops walking up at a directory whose
/// parents passed before — but not at one whose earlier walk found a clash, which every later file under it reports again.
/// </summary>
public sealed class ZipPathCheckTests
{
    [Theory]
    [InlineData("", ".")]
    [InlineData("/", "/")]
    [InlineData("a", "a")]
    [InlineData("a/b/c.go", "a/b/c.go")]
    [InlineData("/a/b", "/a/b")]
    [InlineData("a/", "a")]
    [InlineData("a//b", "a/b")]
    [InlineData("./a", "a")]
    [InlineData("a/./b", "a/b")]
    [InlineData("a/../b", "b")]
    [InlineData("../a", "../a")]
    [InlineData("/../a", "/a")]
    [InlineData("a/..", ".")]
    [InlineData(".a/b.", ".a/b.")]
    [InlineData("...", "...")]
    [InlineData("a/.../b", "a/.../b")]
    public void Clean_gives_gos_path_Clean(string path, string clean) => GoPath.Clean(path).ShouldBe(clean);

    [Theory]
    [InlineData("a", ".")]
    [InlineData("a/b", "a")]
    [InlineData("a/b/c.go", "a/b")]
    [InlineData("/a", "/")]
    [InlineData("/a/b", "/a")]
    [InlineData("a//b", "a")]
    [InlineData("a/./b", "a")]
    [InlineData("a/../b", ".")]
    [InlineData("../a", "..")]
    [InlineData("a/b/", "a/b")]
    public void Dir_gives_gos_path_Dir(string path, string dir) => GoPath.Dir(path).ShouldBe(dir);

    [Fact]
    public void A_clash_above_a_directory_is_reported_for_every_file_under_it()
    {
        var c = new CollisionChecker();
        c.Check("A", isDir: false).ShouldBeNull();
        c.Check("a/b/c", isDir: false).ShouldBe("case-insensitive file name collision: \"A\" and \"a\"");
        c.Check("a/b/d", isDir: false).ShouldBe("case-insensitive file name collision: \"A\" and \"a\"", "a/b was recorded, but its parents did not pass");
    }

    [Fact]
    public void Directories_that_passed_stay_passed_and_new_clashes_below_them_are_found()
    {
        var c = new CollisionChecker();
        c.Check("x/y/one.go", isDir: false).ShouldBeNull();
        c.Check("x/y/two.go", isDir: false).ShouldBeNull();
        c.Check("x/y/TWO.go", isDir: false).ShouldBe("case-insensitive file name collision: \"x/y/two.go\" and \"x/y/TWO.go\"");
        c.Check("x/Y/three.go", isDir: false).ShouldBe("case-insensitive file name collision: \"x/y\" and \"x/Y\"");
        c.Check("x/y", isDir: false).ShouldBe("entry \"x/y\" is both a file and a directory");
        c.Check("x/y/one.go", isDir: false).ShouldBe("multiple entries for file \"x/y/one.go\"");
        c.Check("x/y/z/four.go", isDir: false).ShouldBeNull();
    }

    [Theory]
    [InlineData("abc", "abc")]
    [InlineData("ReadMe.MD", "readme.md")]
    [InlineData("K\u212A", "kk")]
    [InlineData("Σσς", "σσσ")]
    [InlineData("Straße", "straße")]
    public void Fold_joins_gos_EqualFold_orbits(string s, string fold) => CollisionChecker.Fold(s).ShouldBe(fold);
}
