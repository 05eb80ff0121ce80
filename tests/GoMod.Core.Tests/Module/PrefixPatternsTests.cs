using GoMod.Testing;
using GoMod.Core.GoEnv;
using GoMod.Core.Module;
using GoMod.Core.Tests.Fetch.Infrastructure;

namespace GoMod.Core.Tests.Module;

public class PrefixPatternsTests
{
    [Theory]
    // A one-element glob covers every path below the matching first element.
    [InlineData("corp.example.com", "corp.example.com", true)]
    [InlineData("corp.example.com", "corp.example.com/x/y", true)]
    [InlineData("corp.example.com", "corp.example.com.evil/x", false)]
    [InlineData("*.corp.example.com", "git.corp.example.com/xyzzy", true)]
    [InlineData("*.corp.example.com", "corp.example.com/xyzzy", false)]
    // A glob with N slashes is matched against the first N+1 elements.
    [InlineData("rsc.io/private", "rsc.io/private", true)]
    [InlineData("rsc.io/private", "rsc.io/private/quux", true)]
    [InlineData("rsc.io/private", "rsc.io/privateer", false)]
    [InlineData("rsc.io/private", "rsc.io", false)]
    [InlineData("rsc.io/*/b", "rsc.io/a/b/c", true)]
    [InlineData("rsc.io/*/b", "rsc.io/a/c", false)]
    // Stars never cross a slash.
    [InlineData("rsc.io*", "rsc.io/private", true)]
    [InlineData("*", "anything/at/all", true)]
    [InlineData("*/*", "a", false)]
    // Lists are comma-separated; empty and malformed entries are skipped; a trailing slash is ignored.
    [InlineData("a.com,,b.com", "b.com/x", true)]
    [InlineData("[,b.com", "b.com/x", true)]
    [InlineData("[", "[", false)]
    [InlineData("b.com/", "b.com/x", true)]
    [InlineData("", "b.com/x", false)]
    // Matching is case-sensitive like path.Match.
    [InlineData("Corp.com", "corp.com/x", false)]
    [InlineData("c?rp.com", "corp.com/x", true)]
    [InlineData("[a-c]orp.com", "corp.com", true)]
    [InlineData("[^c]orp.com", "corp.com", false)]
    public void Match_compares_globs_with_the_first_path_elements(string globs, string path, bool expected) =>
        PrefixPatterns.Match(globs, path).ShouldBe(expected);

    [Fact]
    public void GONOPROXY_and_GONOSUMDB_default_to_GOPRIVATE_but_explicit_values_override_it()
    {
        var env = GoEnvironment.FromVariables(new Dictionary<string, string?>
        {
            ["GOPRIVATE"] = "*.corp.com",
            ["GONOSUMDB"] = "other.com",
            ["GOMODCACHE"] = "/tmp/x",
            ["GOENV"] = "off",
        });
        env.GoNoProxy.ShouldBe("*.corp.com");
        env.GoNoSumDb.ShouldBe("other.com");
        env.IsNoProxy("git.corp.com/a").ShouldBeTrue();
        env.IsNoSumDb("git.corp.com/a").ShouldBeFalse();
        env.UsesSumDb("git.corp.com/a").ShouldBeTrue();
        env.UsesSumDb("other.com/a").ShouldBeFalse();
    }

    public static TheoryData<string, string> GlobCases => new()
    {
        { "abc", "abc" }, { "*", "abc" }, { "*c", "abc" }, { "a*", "a" }, { "a*", "abc" }, { "a*", "ab/c" },
        { "a*/b", "abc/b" }, { "a*/b", "a/c/b" }, { "a*b*c*d*e*/f", "axbxcxdxe/f" }, { "a*b*c*d*e*/f", "axbxcxdxexxx/f" },
        { "a*b*c*d*e*/f", "axbxcxdxe/xxx/f" }, { "a*b*c*d*e*/f", "axbxcxdxexxx/fff" }, { "a*b?c*x", "abxbbxdbxebxczzx" },
        { "a*b?c*x", "abxbbxdbxebxczzy" }, { "ab[c]", "abc" }, { "ab[b-d]", "abc" }, { "ab[e-g]", "abc" }, { "ab[^c]", "abc" },
        { "ab[^b-d]", "abc" }, { "ab[^e-g]", "abc" }, { "a\\*b", "a*b" }, { "a\\*b", "ab" }, { "a?b", "a☺b" }, { "a[^a]b", "a☺b" },
        { "a???b", "a☺b" }, { "a[^a][^a][^a]b", "a☺b" }, { "[a-ζ]*", "α" }, { "*[a-ζ]", "A" }, { "a?b", "a/b" }, { "a*b", "a/b" },
        { "[\\]a]", "]" }, { "[\\-]", "-" }, { "[x\\-]", "x" }, { "[x\\-]", "-" }, { "[x\\-]", "z" }, { "[\\-x]", "x" },
        { "[\\-x]", "-" }, { "[\\-x]", "a" }, { "[]a]", "]" }, { "[-]", "-" }, { "[x-]", "x" }, { "[x-]", "-" }, { "[x-]", "z" },
        { "[-x]", "x" }, { "[-x]", "-" }, { "[-x]", "a" }, { "\\", "a" }, { "[a-b-c]", "a" }, { "[", "a" }, { "[^", "a" },
        { "[^bc", "a" }, { "a[", "a" }, { "a[", "ab" }, { "a[", "x" }, { "a/b[", "x" }, { "*x", "xxx" }, { "*.corp.com", "a.corp.com" },
        { "a[", "" }, { "*[", "abc" }, { "?", "" }, { "", "" }, { "", "a" },
    };

    /// <summary>The glob engine must agree with Go's path.Match on matches and on malformed patterns.</summary>
    [GoTheory]
    [MemberData(nameof(GlobCases))]
    public void PathGlob_agrees_with_go_path_Match(string pattern, string name)
    {
        var (goMatched, goBad) = GoPathMatch.Run(pattern, name);
        var matched = PathGlob.Match(pattern, name, out var bad);
        matched.ShouldBe(goMatched, $"pattern {pattern} name {name}");
        bad.ShouldBe(goBad, $"pattern {pattern} name {name}");
    }
}
