using GoMod.Core.Semver;

namespace GoMod.Core.Tests.Semver;

/// <summary>Laws that precedence, canonicalization and pseudo-versions must obey, checked over seeded generated sets.</summary>
public class SemVerPropertyTests
{
    private static readonly List<string> Versions = Inputs.Versions(new Random(7), 250)
        .Concat(Enumerable.Range(0, 150).Select(i => Inputs.WithPrerelease(new Random(i), "v1.2.3"))).ToList();

    [Fact]
    public void Compare_is_antisymmetric_and_reflexive()
    {
        foreach (var a in Versions)
        {
            SemVer.Compare(a, a).ShouldBe(0);
            foreach (var b in Versions)
            {
                var ab = SemVer.Compare(a, b);
                if (ab != -SemVer.Compare(b, a)) throw new ShouldAssertException($"Compare({a}, {b}) = {ab} but Compare({b}, {a}) = {SemVer.Compare(b, a)}");
            }
        }
    }

    [Fact]
    public void Compare_is_transitive()
    {
        var rnd = new Random(11);
        for (var i = 0; i < 50_000; i++)
        {
            var (a, b, c) = (Versions[rnd.Next(Versions.Count)], Versions[rnd.Next(Versions.Count)], Versions[rnd.Next(Versions.Count)]);
            var ab = SemVer.Compare(a, b);
            var bc = SemVer.Compare(b, c);
            var ac = SemVer.Compare(a, c);
            if (ab <= 0 && bc <= 0 && ac > 0) throw new ShouldAssertException($"{a} <= {b} <= {c} but {a} > {c}");
            if (ab == 0 && bc == 0 && ac != 0) throw new ShouldAssertException($"{a} == {b} == {c} but {a} != {c}");
        }
    }

    [Fact]
    public void Equal_precedence_means_equal_canonical_form()
    {
        foreach (var a in Versions.Where(SemVer.IsValid))
        foreach (var b in Versions.Where(SemVer.IsValid))
            (SemVer.Compare(a, b) == 0).ShouldBe(SemVer.Canonical(a) == SemVer.Canonical(b), $"{a} vs {b}");
    }

    [Fact]
    public void Canonical_is_idempotent_valid_and_of_equal_precedence()
    {
        foreach (var v in Versions.Where(SemVer.IsValid))
        {
            var c = SemVer.Canonical(v);
            SemVer.IsValid(c).ShouldBeTrue(v);
            SemVer.Canonical(c).ShouldBe(c);
            SemVer.Compare(v, c).ShouldBe(0);
            SemVer.Build(c).ShouldBe("");
            c.ShouldStartWith(SemVer.MajorMinor(v));
            SemVer.MajorMinor(v).ShouldStartWith(SemVer.Major(v));
            c.ShouldEndWith(SemVer.Prerelease(v));
        }
    }

    [Fact]
    public void Sort_agrees_with_Compare_and_is_a_permutation()
    {
        var rnd = new Random(13);
        for (var round = 0; round < 50; round++)
        {
            var list = Enumerable.Range(0, rnd.Next(0, 60)).Select(_ => Versions[rnd.Next(Versions.Count)]).ToList();
            var sorted = list.ToList();
            SemVer.Sort(sorted);
            sorted.OrderBy(s => s, StringComparer.Ordinal).ShouldBe(list.OrderBy(s => s, StringComparer.Ordinal));
            for (var i = 1; i < sorted.Count; i++)
                SemVer.Compare(sorted[i - 1], sorted[i]).ShouldBeLessThanOrEqualTo(0, $"{sorted[i - 1]} before {sorted[i]}");
            var again = sorted.ToList();
            SemVer.Sort(again);
            again.ShouldBe(sorted);
        }
    }

    [Fact]
    public void Max_is_commutative_and_an_upper_bound()
    {
        var rnd = new Random(17);
        for (var i = 0; i < 5000; i++)
        {
            var (a, b) = (Versions[rnd.Next(Versions.Count)], Versions[rnd.Next(Versions.Count)]);
            var max = SemVer.Max(a, b);
            SemVer.Max(b, a).ShouldBe(max);
            SemVer.Compare(max, a).ShouldBeGreaterThanOrEqualTo(0);
            SemVer.Compare(max, b).ShouldBeGreaterThanOrEqualTo(0);
        }
    }

    [Fact]
    public void Built_pseudo_versions_parse_back_and_sort_just_above_their_base()
    {
        var rnd = new Random(19);
        var olders = Inputs.ValidVersions(rnd, 300);
        foreach (var older in olders)
        {
            var time = DateTime.UnixEpoch.AddSeconds(rnd.NextInt64(0, 4_102_444_800));
            var rev = Inputs.Hex(rnd, 12);
            var v = PseudoVersion.Build("v" + rnd.Next(0, 5), older, time, rev);
            PseudoVersion.IsPseudoVersion(v).ShouldBeTrue(v);
            PseudoVersion.Time(v).ShouldBe(time);
            PseudoVersion.Rev(v).ShouldBe(rev);
            PseudoVersion.Base(v).ShouldBe(SemVer.Canonical(older) + SemVer.Build(older), v);
            SemVer.Compare(older, v).ShouldBe(-1, $"{older} < {v}");
            // A pseudo-version cannot jump ahead: it sorts below the next release after its base.
            var next = SemVer.Prerelease(older).Length == 0 ? Bump(SemVer.Canonical(older)) : SemVer.Canonical(older)[..^SemVer.Prerelease(older).Length];
            SemVer.Compare(v, next).ShouldBe(-1, $"{v} < {next}");
            PseudoVersion.Check(v);
        }
    }

    private static string Bump(string release)
    {
        var dot = release.LastIndexOf('.');
        return release[..(dot + 1)] + (System.Numerics.BigInteger.Parse(release[(dot + 1)..]) + 1);
    }
}
