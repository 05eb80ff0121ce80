using GoMod.Core.Semver;

namespace GoMod.Core.Tests.Semver;

/// <summary>
/// Go versions as go 1.21 and later order them: below 1.21 a missing patch is <c>.0</c>; from 1.21 the language version
/// sorts before its pre-releases and releases; toolchain names carry a version after <c>go</c>.
/// </summary>
public class GoToolchainVersionsTests
{
    /// <summary>Each version is below the next.</summary>
    private static readonly string[] Ascending =
    [
        "1", "1.2", "1.9.1", "1.10", "1.17", "1.19.13", "1.20", "1.20.1",
        "1.21", "1.21alpha1", "1.21beta1", "1.21beta2", "1.21rc1", "1.21rc2", "1.21.0", "1.21.1", "1.21.10",
        "1.22", "1.22rc1", "1.22.0", "1.22.1", "1.99", "2",
    ];

    [Fact]
    public void Versions_order_as_go_1_21_orders_them()
    {
        for (int i = 0; i < Ascending.Length; i++)
        {
            for (int j = 0; j < Ascending.Length; j++)
            {
                GoToolchainVersions.Compare(Ascending[i], Ascending[j]).ShouldBe(i.CompareTo(j), $"{Ascending[i]} vs {Ascending[j]}");
            }
        }
    }

    [Theory]
    [InlineData("1.20", "1.20.0", 0)]
    [InlineData("1", "1.0.0", 0)]
    [InlineData("1.21", "1.21.0", -1)]
    [InlineData("bad", "1.0", -1)]
    [InlineData("1.21.0rc1", "1", -1)]
    [InlineData("01.21", "1.0", -1)]
    [InlineData("1.21.01", "1.0", -1)]
    public void Before_1_21_a_missing_patch_is_zero_and_invalid_versions_sort_first(string x, string y, int expected)
    {
        GoToolchainVersions.Compare(x, y).ShouldBe(expected);
        GoToolchainVersions.Compare(y, x).ShouldBe(-expected);
    }

    [Theory]
    [InlineData("1.21", true)]
    [InlineData("1.20", false)]
    [InlineData("1.21.0", false)]
    [InlineData("1.21rc1", false)]
    [InlineData("go1.21", false)]
    public void IsLang_is_true_only_for_a_language_version_from_1_21(string v, bool expected) => GoToolchainVersions.IsLang(v).ShouldBe(expected);

    [Theory]
    [InlineData("1.22.1", "1.21")]
    [InlineData("1.21", "1.20")]
    [InlineData("1.3rc4", "1.2")]
    [InlineData("1.1", "1")]
    public void Prev_is_the_release_before(string v, string expected) => GoToolchainVersions.Prev(v).ShouldBe(expected);

    [Theory]
    [InlineData("go1.21.3", "1.21.3")]
    [InlineData("go1.21.3-bigcorp", "1.21.3")]
    [InlineData("go1.22rc1 extra", "1.22rc1")]
    [InlineData("default", "")]
    [InlineData("go1.21/x", "")]
    [InlineData("gox", "")]
    public void FromToolchain_reads_the_version_after_go(string name, string expected) => GoToolchainVersions.FromToolchain(name).ShouldBe(expected);
}
