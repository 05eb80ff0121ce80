using GoMod.Core.Semver;

namespace GoMod.Core.Tests.Semver;

public class SemVerTests
{
    [Theory]
    [InlineData("v1", "v1.0.0")]
    [InlineData("v1.2", "v1.2.0")]
    [InlineData("v1.2.3+meta", "v1.2.3")]
    [InlineData("1.2.3", "")]
    [InlineData("v01.2.3", "")]
    public void Canonical_fills_shorthands_and_drops_build(string v, string expected)
        => SemVer.Canonical(v).ShouldBe(expected);

    [Theory]
    [InlineData("v1.0.0-A", "v1.0.0-a", -1)]
    [InlineData("v1.0.0-1", "v1.0.0-a", -1)]
    [InlineData("v1.0.0-2", "v1.0.0-10", -1)]
    [InlineData("bad", "v0.0.0", -1)]
    [InlineData("bad", "worse", 0)]
    public void Compare_follows_go_precedence(string v, string w, int expected)
    {
        SemVer.Compare(v, w).ShouldBe(expected);
        SemVer.Compare(w, v).ShouldBe(-expected);
    }
}
