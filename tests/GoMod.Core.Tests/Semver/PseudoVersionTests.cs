using GoMod.Core.Semver;

namespace GoMod.Core.Tests.Semver;

/// <summary>Conformance tables for the three pseudo-version forms, derived from the Go Modules Reference.</summary>
public class PseudoVersionTests
{
    private const string Hash = "abcdefabcdef";
    private const string FullHash = "abcdefabcdef0123456789abcdef0123456789ab";
    private static readonly DateTime When = new(2021, 3, 4, 5, 6, 7, DateTimeKind.Utc);

    [Theory]
    [InlineData("v0.0.0-20210304050607-abcdefabcdef")]             // form 1
    [InlineData("v2.0.0-20210304050607-abcdefabcdef")]             // form 1, any major
    [InlineData("v1.2.4-0.20210304050607-abcdefabcdef")]           // form 2
    [InlineData("v1.2.4-0.20210304050607-abcdefabcdef+incompatible")]
    [InlineData("v1.2.3-pre.0.20210304050607-abcdefabcdef")]       // form 3
    [InlineData("v1.2.3-rc.1.0.20210304050607-abcdefabcdef")]      // form 3 on a multi-identifier prerelease
    [InlineData("v1.2.3-pre.0.20210304050607-abcdefabcdef+incompatible")]
    [InlineData("v0.0.0-20210304050607-ABCdef012")]                // the revision is any alphanumeric run
    [InlineData("v0.0.0-99999999999999-abcdefabcdef")]             // the shape does not check the calendar
    public void IsPseudoVersion_recognizes_the_three_forms(string v) => PseudoVersion.IsPseudoVersion(v).ShouldBeTrue();

    [Theory]
    [InlineData("v1.2.3")]                                         // a release
    [InlineData("v1.2.3-pre")]                                     // a prerelease
    [InlineData("v1.2.3-20210304050607-abcdefabcdef")]             // form 1 needs minor and patch 0
    [InlineData("v1.2.3-pre.1.20210304050607-abcdefabcdef")]       // form 3 needs ".0." before the time
    [InlineData("v0.0.0-2021030405060-abcdefabcdef")]              // 13 digits
    [InlineData("v0.0.0-202103040506070-abcdefabcdef")]            // 15 digits
    [InlineData("v0.0.0-20210304050607-")]                         // no revision
    [InlineData("v0.0.0-20210304050607-abc_def")]                  // revision not alphanumeric
    [InlineData("v0.0.0-20210304050607")]                          // a single dash
    [InlineData("v1.2.4-01.20210304050607-abcdefabcdef")]          // not valid semver (leading zero)
    [InlineData("0.0.0-20210304050607-abcdefabcdef")]              // not valid semver (no v)
    [InlineData("")]
    public void IsPseudoVersion_rejects_other_versions(string v) => PseudoVersion.IsPseudoVersion(v).ShouldBeFalse();

    [Theory]
    [InlineData("v0.0.0-20210304050607-abcdefabcdef", "")]
    [InlineData("v1.2.4-0.20210304050607-abcdefabcdef", "v1.2.3")]
    [InlineData("v1.2.10-0.20210304050607-abcdefabcdef", "v1.2.9")]
    [InlineData("v1.2.100-0.20210304050607-abcdefabcdef", "v1.2.99")]
    [InlineData("v1.2.1-0.20210304050607-abcdefabcdef", "v1.2.0")]
    [InlineData("v2.0.1-0.20210304050607-abcdefabcdef+incompatible", "v2.0.0+incompatible")]
    [InlineData("v1.2.3-pre.0.20210304050607-abcdefabcdef", "v1.2.3-pre")]
    [InlineData("v1.2.3-rc.1.0.20210304050607-abcdefabcdef", "v1.2.3-rc.1")]
    [InlineData("v1.2.3-pre.0.20210304050607-abcdefabcdef+incompatible", "v1.2.3-pre+incompatible")]
    public void Base_recovers_the_tag_the_pseudo_version_follows(string v, string expected)
        => PseudoVersion.Base(v).ShouldBe(expected);

    [Theory]
    [InlineData("v1.2.0-0.20210304050607-abcdefabcdef", "pseudo-version \"v1.2.0-0.20210304050607-abcdefabcdef\" invalid: version before v1.2.0 would have negative patch number")]
    [InlineData("v2.0.0-20210304050607-abcdefabcdef+incompatible", "pseudo-version \"v2.0.0-20210304050607-abcdefabcdef+incompatible\" invalid: lacks base version, but has build metadata \"+incompatible\"")]
    [InlineData("v1.2.3", "pseudo-version \"v1.2.3\" invalid: syntax error")]
    public void Base_rejects_impossible_bases_with_gos_message(string v, string message)
        => Should.Throw<InvalidVersionException>(() => PseudoVersion.Base(v)).Message.ShouldBe(message);

    [Theory]
    [InlineData("v0.0.0-20210304050607-abcdefabcdef", "abcdefabcdef")]
    [InlineData("v1.2.4-0.20210304050607-0123456789ab+incompatible", "0123456789ab")]
    [InlineData("v1.2.3-a-b.0.20210304050607-XyZ", "XyZ")]
    public void Rev_is_the_part_after_the_last_dash(string v, string rev) => PseudoVersion.Rev(v).ShouldBe(rev);

    [Fact]
    public void Time_is_the_utc_commit_time()
    {
        var t = PseudoVersion.Time("v1.2.3-pre.0.20210304050607-abcdefabcdef");
        t.ShouldBe(When);
        t.Kind.ShouldBe(DateTimeKind.Utc);
    }

    [Theory]
    [InlineData("20211304050607")]   // month 13
    [InlineData("20210230050607")]   // 30 February
    [InlineData("20230229000000")]   // 29 February in a common year
    [InlineData("20210304240000")]   // hour 24
    [InlineData("20210304006000")]   // minute 60
    [InlineData("20210304000060")]   // second 60
    [InlineData("20210300000000")]   // day 0
    public void Time_rejects_impossible_calendar_times(string stamp)
    {
        var v = $"v0.0.0-{stamp}-{Hash}";
        Should.Throw<InvalidVersionException>(() => PseudoVersion.Time(v))
            .Message.ShouldBe($"pseudo-version \"{v}\" invalid: malformed time \"{stamp}\"");
    }

    [Fact]
    public void Time_accepts_the_leap_day_of_a_leap_year()
        => PseudoVersion.Time($"v0.0.0-20240229235959-{Hash}").ShouldBe(new DateTime(2024, 2, 29, 23, 59, 59, DateTimeKind.Utc));

    [Theory]
    [InlineData("v1", "", "v1.0.0-20210304050607-abcdefabcdef")]                         // form 1 from the major
    [InlineData("", "", "v0.0.0-20210304050607-abcdefabcdef")]                           // no major means v0
    [InlineData("v2", "v1.2.3", "v1.2.4-0.20210304050607-abcdefabcdef")]                 // form 2: patch + 1
    [InlineData("v1", "v1.2.9", "v1.2.10-0.20210304050607-abcdefabcdef")]
    [InlineData("v1", "v1.2.99", "v1.2.100-0.20210304050607-abcdefabcdef")]
    [InlineData("v1", "v1.2", "v1.2.1-0.20210304050607-abcdefabcdef")]                   // the tag is canonicalized first
    [InlineData("v2", "v2.0.0+incompatible", "v2.0.1-0.20210304050607-abcdefabcdef+incompatible")] // build kept
    [InlineData("v1", "v1.2.3-pre", "v1.2.3-pre.0.20210304050607-abcdefabcdef")]         // form 3
    [InlineData("v1", "v1.2.3-rc.1+meta", "v1.2.3-rc.1.0.20210304050607-abcdefabcdef+meta")]
    [InlineData("v3", "not-a-tag", "v3.0.0-20210304050607-abcdefabcdef")]                // an invalid tag counts as none
    public void Build_makes_the_form_that_fits_the_older_tag(string major, string older, string expected)
        => PseudoVersion.Build(major, older, When, Hash).ShouldBe(expected);

    [Fact]
    public void Build_shortens_a_full_git_hash_to_twelve_digits()
        => PseudoVersion.Build("v0", "", When, FullHash).ShouldBe("v0.0.0-20210304050607-abcdefabcdef");

    [Theory]
    [InlineData("ABCDEFABCDEF0123456789ABCDEF0123456789AB")] // upper case is not a git hash
    [InlineData("abcdefabcdef0123456789abcdef0123456789a")]  // 39 digits
    [InlineData("0123456789abcdef")]                         // a short name is kept as given
    public void Build_keeps_revisions_that_are_not_full_hashes(string rev)
        => PseudoVersion.Rev(PseudoVersion.Build("v0", "", When, rev)).ShouldBe(rev);

    [Fact]
    public void Build_converts_local_time_to_utc_and_drops_fractions()
    {
        var local = When.AddMilliseconds(999).ToLocalTime();
        PseudoVersion.Build("v0", "", local, Hash).ShouldBe("v0.0.0-20210304050607-abcdefabcdef");
    }

    [Fact]
    public void Zero_pseudo_version_has_zero_time_and_revision()
    {
        PseudoVersion.ZeroPseudoVersion("v2").ShouldBe("v2.0.0-00010101000000-000000000000");
        PseudoVersion.IsZeroPseudoVersion("v0.0.0-00010101000000-000000000000").ShouldBeTrue();
        PseudoVersion.IsZeroPrerelease("v3.0.0-00010101000000-000000000000").ShouldBeTrue();
        PseudoVersion.IsZeroPseudoVersion("v0.0.0-00010101000000-000000000001").ShouldBeFalse();
        PseudoVersion.IsZeroPseudoVersion("v0.0.1-0.00010101000000-000000000000").ShouldBeFalse();
    }

    [Theory]
    [InlineData("v0.0.0-20210304050607-abcdefabcdef")]
    [InlineData("v1.2.4-0.20210304050607-abcdefabcdef")]
    [InlineData("v1.2.3-pre.0.20210304050607-abcdefabcdef+incompatible")]
    [InlineData("v2.0.0-20210304050607-abcdefabcdef+incompatible")] // go ignores +incompatible when it checks the base
    public void Check_accepts_well_formed_pseudo_versions(string v) => PseudoVersion.Check(v);

    [Theory]
    [InlineData("v1.2.3", "syntax error")]
    [InlineData("v0.0.0-20211304050607-abcdefabcdef", "malformed time \"20211304050607\"")]
    [InlineData("v1.0.0-0.20210304050607-abcdefabcdef", "version before v1.0.0 would have negative patch number")]
    [InlineData("v2.0.0-20210304050607-abcdefabcdef+meta", "lacks base version, but has build metadata \"+meta\"")]
    public void Check_rejects_with_gos_message(string v, string detail)
    {
        var e = Should.Throw<FormatException>(() => PseudoVersion.Check(v));
        e.Message.ShouldBe($"pseudo-version \"{v}\" invalid: {detail}");
    }

    [Fact]
    public void Pseudo_versions_order_between_their_base_and_the_next_release()
    {
        var pseudo = PseudoVersion.Build("v1", "v1.2.3", When, Hash);
        SemVer.Compare("v1.2.3", pseudo).ShouldBe(-1);
        SemVer.Compare(pseudo, "v1.2.4-pre").ShouldBe(-1);  // below any prerelease of the next patch...
        SemVer.Compare(pseudo, "v1.2.4-0").ShouldBe(1);     // ... except the bare "0"
        var later = PseudoVersion.Build("v1", "v1.2.3", When.AddSeconds(1), Hash);
        SemVer.Compare(pseudo, later).ShouldBe(-1);          // later commits are higher
        var form1 = PseudoVersion.Build("v1", "", When, Hash);
        SemVer.Compare(form1, "v1.0.0-alpha").ShouldBe(-1);  // form 1 is below every tagged v1 version
    }
}
