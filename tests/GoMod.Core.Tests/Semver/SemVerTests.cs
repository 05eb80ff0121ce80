using GoMod.Core.Semver;

namespace GoMod.Core.Tests.Semver;

/// <summary>Conformance tables for Go's semantic versions, each row derived from a rule of the grammar or precedence.</summary>
public class SemVerTests
{
    [Theory]
    [InlineData("v0.0.0")]
    [InlineData("v1.2.3")]
    [InlineData("v10.20.30")]
    [InlineData("v1")]
    [InlineData("v1.2")]
    [InlineData("v1.2.3-pre")]
    [InlineData("v1.2.3-pre.1")]
    [InlineData("v1.2.3-0")]
    [InlineData("v1.2.3-0a")]
    [InlineData("v1.2.3-a-b")]
    [InlineData("v1.2.3--")]
    [InlineData("v1.2.3-A.B.c")]
    [InlineData("v1.2.3+meta")]
    [InlineData("v1.2.3+01")]
    [InlineData("v1.2.3+meta.data-x")]
    [InlineData("v1.2.3-pre+meta")]
    [InlineData("v2.0.0+incompatible")]
    [InlineData("v99999999999999999999.0.0")]
    public void IsValid_accepts_the_go_semver_grammar(string v) => SemVer.IsValid(v).ShouldBeTrue();

    [Theory]
    [InlineData("")]                  // empty
    [InlineData("1.2.3")]             // the v is required
    [InlineData("V1.2.3")]            // ... lower case
    [InlineData("v")]                 // a major number is required
    [InlineData("v1.")]               // a dot must be followed by a number
    [InlineData("v1.2.")]
    [InlineData("v1.2.3.4")]          // at most three numbers
    [InlineData("v01.2.3")]           // no leading zeros in numbers
    [InlineData("v1.02.3")]
    [InlineData("v1.2.03")]
    [InlineData("v00.0.0")]
    [InlineData("v1-pre")]            // shorthands take no prerelease
    [InlineData("v1.2-pre")]
    [InlineData("v1+meta")]           // ... and no build
    [InlineData("v1.2+meta")]
    [InlineData("v1.2.3-")]           // empty prerelease
    [InlineData("v1.2.3-a..b")]       // empty prerelease identifier
    [InlineData("v1.2.3-a.")]
    [InlineData("v1.2.3-01")]         // numeric prerelease identifiers have no leading zeros
    [InlineData("v1.2.3-a.00")]
    [InlineData("v1.2.3-a_b")]        // identifiers are [0-9A-Za-z-]
    [InlineData("v1.2.3-é")]
    [InlineData("v1.2.3+")]           // empty build
    [InlineData("v1.2.3+a..b")]
    [InlineData("v1.2.3+a+b")]        // one build part
    [InlineData(" v1.2.3")]           // no surrounding space
    [InlineData("v1.2.3 ")]
    [InlineData("v-1.0.0")]
    [InlineData("v1.2.3x")]
    public void IsValid_rejects_what_the_grammar_forbids(string v) => SemVer.IsValid(v).ShouldBeFalse();

    [Theory]
    [InlineData("v1", "v1.0.0")]
    [InlineData("v1.2", "v1.2.0")]
    [InlineData("v1.2.3", "v1.2.3")]
    [InlineData("v1.2.3-pre", "v1.2.3-pre")]
    [InlineData("v1.2.3+meta", "v1.2.3")]
    [InlineData("v1.2.3-pre+meta", "v1.2.3-pre")]
    [InlineData("v2.0.0+incompatible", "v2.0.0")]
    [InlineData("v1.2.3-", "")]
    [InlineData("bad", "")]
    public void Canonical_fills_in_minor_and_patch_and_drops_build_metadata(string v, string expected)
        => SemVer.Canonical(v).ShouldBe(expected);

    [Theory]
    [InlineData("v2.1.0", "v2", "v2.1")]
    [InlineData("v2", "v2", "v2.0")]
    [InlineData("v2.1", "v2", "v2.1")]
    [InlineData("v0.9.1-pre+meta", "v0", "v0.9")]
    [InlineData("v10.20.30", "v10", "v10.20")]
    [InlineData("v1.02", "", "")]
    [InlineData("x", "", "")]
    public void Major_and_MajorMinor_are_prefixes_of_the_version(string v, string major, string majorMinor)
    {
        SemVer.Major(v).ShouldBe(major);
        SemVer.MajorMinor(v).ShouldBe(majorMinor);
    }

    [Theory]
    [InlineData("v2.1.0-pre+meta", "-pre", "+meta")]
    [InlineData("v2.1.0-pre.1.x-y", "-pre.1.x-y", "")]
    [InlineData("v2.1.0+meta-1.2", "", "+meta-1.2")]
    [InlineData("v2.1.0", "", "")]
    [InlineData("v2.1", "", "")]
    [InlineData("v2.1.0-01+meta", "", "")]
    public void Prerelease_and_Build_include_their_separator(string v, string pre, string build)
    {
        SemVer.Prerelease(v).ShouldBe(pre);
        SemVer.Build(v).ShouldBe(build);
    }

    [Theory]
    [InlineData("v1.0.0", "v2.0.0", -1)]                       // major first
    [InlineData("v2.0.0", "v2.1.0", -1)]                       // then minor
    [InlineData("v2.1.0", "v2.1.1", -1)]                       // then patch
    [InlineData("v1.9.0", "v1.10.0", -1)]                      // numerically, not as text
    [InlineData("v1.2.3", "v1.2.10", -1)]
    [InlineData("v99999999999999999999.0.0", "v100000000000000000000.0.0", -1)] // beyond 64 bits
    [InlineData("v1.0.0-alpha", "v1.0.0", -1)]                 // a prerelease is below its release
    [InlineData("v1.0.0-alpha", "v1.0.0-alpha.1", -1)]         // more identifiers win when a prefix is equal
    [InlineData("v1.0.0-alpha.1", "v1.0.0-alpha.beta", -1)]    // numeric below alphanumeric
    [InlineData("v1.0.0-alpha.beta", "v1.0.0-beta", -1)]       // ASCII order
    [InlineData("v1.0.0-beta.2", "v1.0.0-beta.11", -1)]        // numeric identifiers numerically
    [InlineData("v1.0.0-beta.11", "v1.0.0-rc.1", -1)]
    [InlineData("v1.0.0-A", "v1.0.0-a", -1)]                   // case-sensitive: 'A' < 'a'
    [InlineData("v1.0.0-Z", "v1.0.0-a", -1)]
    [InlineData("v1.0.0-1", "v1.0.0--", -1)]                   // a hyphen makes an identifier alphanumeric
    [InlineData("v1.0.0-0a", "v1.0.0-1", 1)]                   // "0a" is alphanumeric, so above any number
    [InlineData("v1.0.0-a-b", "v1.0.0-a.b", 1)]                // only dots split: "a-b" is one identifier, above its prefix "a"
    [InlineData("v1.0.0-0.20200101000000-abc", "v1.0.0-1", -1)]
    [InlineData("v1.0.0", "v1.0.0+meta", 0)]                  // build metadata is ignored
    [InlineData("v1", "v1.0.0", 0)]                           // shorthands equal their canonical form
    [InlineData("v1.2", "v1.2.0+x", 0)]
    [InlineData("v1.0.0-x+a", "v1.0.0-x+b", 0)]
    [InlineData("bad", "v0.0.0", -1)]                          // invalid is below every valid version
    [InlineData("v1.2.03", "v0.0.0-0", -1)]
    [InlineData("bad", "worse", 0)]                            // invalids are all equal
    [InlineData("", "v1.2.3-", 0)]
    public void Compare_follows_precedence(string v, string w, int expected)
    {
        SemVer.Compare(v, w).ShouldBe(expected);
        SemVer.Compare(w, v).ShouldBe(-expected);
    }

    [Theory]
    [InlineData("v1.2", "v1.1.9", "v1.2.0")]
    [InlineData("v1.0.0+a", "v1.0.0", "v1.0.0")]
    [InlineData("bad", "v0.1", "v0.1.0")]
    [InlineData("bad", "worse", "")]
    [InlineData("v2.0.0-rc.1", "v2.0.0-rc.2+build", "v2.0.0-rc.2")]
    public void Max_returns_the_greater_version_canonicalized(string v, string w, string expected)
    {
        SemVer.Max(v, w).ShouldBe(expected);
        SemVer.Max(w, v).ShouldBe(expected);
    }

    [Fact]
    public void Sort_orders_by_precedence_then_by_text()
    {
        var list = new List<string> { "v1.10.0", "bad", "v1.0.0+b", "v1.2.0-rc.1", "v1.0.0", "v1", "v1.2.0", "aaa", "v1.0.0+a", "v0.9.0" };
        SemVer.Sort(list);
        list.ShouldBe(["aaa", "bad", "v0.9.0", "v1", "v1.0.0", "v1.0.0+a", "v1.0.0+b", "v1.2.0-rc.1", "v1.2.0", "v1.10.0"]);
    }

    [Fact]
    public void Comparer_separates_versions_of_equal_precedence_but_Compare_does_not()
    {
        SemVer.Compare("v1.0.0", "v1.0.0+meta").ShouldBe(0);
        SemVer.Comparer.Compare("v1.0.0", "v1.0.0+meta").ShouldBeLessThan(0);
        SemVer.Comparer.Compare("v1.0.0", "v1.0.0").ShouldBe(0);
    }

    [Fact]
    public void Functions_treat_null_as_invalid()
    {
        SemVer.IsValid(null).ShouldBeFalse();
        SemVer.Canonical(null).ShouldBe("");
        SemVer.Compare(null, "v1.0.0").ShouldBe(-1);
    }
}
