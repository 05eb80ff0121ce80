using System.Globalization;
using GoMod.Testing;
using GoMod.Core.Module;
using GoMod.Core.Semver;
using GoMod.Core.Tests.Semver;

namespace GoMod.Core.Tests.Module;

/// <summary>
/// Differential tests against golang.org/x/mod itself (see <see cref="XModOracle"/>): for a few thousand generated
/// and hand-picked inputs, every answer of our SemVer, PseudoVersion and ModulePath must equal x/mod's, error texts
/// included. The inputs are generated from a fixed seed so failures reproduce.
/// </summary>
public sealed class XModDifferentialTests(XModOracle oracle) : IClassFixture<XModOracle>
{
    private const int Seed = 20240611;

    [GoFact]
    public void Semver_functions_agree_with_x_mod_on_generated_versions()
    {
        var versions = Inputs.Versions(new Random(Seed), 1500);
        Compare(versions.Select(v => $"semver\t{v}").ToList(), versions.Select(v => new[]
        {
            Bool(SemVer.IsValid(v)), SemVer.Canonical(v), SemVer.Major(v), SemVer.MajorMinor(v), SemVer.Prerelease(v),
            SemVer.Build(v), ModulePath.CanonicalVersion(v),
        }).ToList());
    }

    [GoFact]
    public void Compare_and_Max_agree_with_x_mod_on_generated_pairs()
    {
        var rnd = new Random(Seed + 1);
        var versions = Inputs.Versions(rnd, 400);
        // Half the pairs share major.minor.patch, so that prerelease precedence decides.
        var pairs = Enumerable.Range(0, 2000).Select(i => i % 2 == 0
            ? (versions[rnd.Next(versions.Count)], versions[rnd.Next(versions.Count)])
            : (Inputs.WithPrerelease(rnd, "v1.2.3"), Inputs.WithPrerelease(rnd, "v1.2.3"))).ToList();
        Compare(pairs.Select(p => $"cmp\t{p.Item1}\t{p.Item2}").ToList(),
            pairs.Select(p => new[] { SemVer.Compare(p.Item1, p.Item2).ToString(CultureInfo.InvariantCulture), SemVer.Max(p.Item1, p.Item2) }).ToList());
    }

    [GoFact]
    public void Sort_agrees_with_x_mod_on_generated_lists()
    {
        var rnd = new Random(Seed + 2);
        var versions = Inputs.Versions(rnd, 300);
        var lists = Enumerable.Range(0, 100).Select(_ => Enumerable.Range(0, rnd.Next(1, 30)).Select(_ => versions[rnd.Next(versions.Count)]).ToList()).ToList();
        Compare(lists.Select(l => "sort\t" + string.Join('\t', l)).ToList(), lists.Select(l =>
        {
            var copy = l.ToList();
            SemVer.Sort(copy);
            return copy.ToArray();
        }).ToList());
    }

    [GoFact]
    public void Path_checks_splitting_and_escaping_agree_with_x_mod_on_generated_paths()
    {
        var paths = Inputs.Paths(new Random(Seed + 3), 2500);
        Compare(paths.Select(p => $"path\t{p}").ToList(), paths.Select(p =>
        {
            var ok = ModulePath.SplitPathVersion(p, out var prefix, out var major);
            var (escaped, escapeError) = Try(() => ModulePath.EscapePath(p));
            return new[]
            {
                Error(() => ModulePath.CheckPath(p)), Error(() => ModulePath.CheckImportPath(p)), Error(() => ModulePath.CheckFilePath(p)),
                prefix, major, Bool(ok), escaped, escapeError,
            };
        }).ToList());
    }

    [GoFact]
    public void Escaping_of_versions_and_unescaping_agree_with_x_mod()
    {
        var inputs = Inputs.Escaped(new Random(Seed + 4), 2000);
        Compare(inputs.Select(s => $"escape\t{s}").ToList(), inputs.Select(s =>
        {
            var (path, e1) = Try(() => ModulePath.UnescapePath(s));
            var (version, e2) = Try(() => ModulePath.UnescapeVersion(s));
            var (escaped, e3) = Try(() => ModulePath.EscapeVersion(s));
            return new[] { path, e1, version, e2, escaped, e3 };
        }).ToList());
    }

    [GoFact]
    public void Check_of_path_and_version_agrees_with_x_mod()
    {
        var rnd = new Random(Seed + 5);
        var paths = Inputs.Paths(rnd, 300).Concat(Inputs.MajorPaths).ToList();
        var versions = Inputs.Versions(rnd, 200).Concat(Inputs.MajorVersions).ToList();
        var pairs = Enumerable.Range(0, 2500).Select(_ => (paths[rnd.Next(paths.Count)], versions[rnd.Next(versions.Count)]))
            .Concat(from p in Inputs.MajorPaths from v in Inputs.MajorVersions select (p, v)).ToList();
        Compare(pairs.Select(p => $"check\t{p.Item1}\t{p.Item2}").ToList(), pairs.Select(p =>
        {
            ModulePath.SplitPathVersion(p.Item1, out _, out var major);
            return new[]
            {
                Error(() => ModulePath.Check(p.Item1, p.Item2)), Error(() => ModulePath.CheckPathMajor(p.Item2, major)),
                Bool(ModulePath.MatchPathMajor(p.Item2, major)),
            };
        }).ToList());
    }

    [GoFact]
    public void Pseudo_version_parsing_agrees_with_x_mod()
    {
        var inputs = Inputs.PseudoVersions(new Random(Seed + 6), 2000);
        Compare(inputs.Select(v => $"pseudo\t{v}").ToList(), inputs.Select(v =>
        {
            var (b, e1) = Try(() => PseudoVersion.Base(v));
            var (t, e2) = Try(() => PseudoVersion.Time(v).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            var (r, e3) = Try(() => PseudoVersion.Rev(v));
            return new[] { Bool(PseudoVersion.IsPseudoVersion(v)), b, e1, t, e2, r, e3, Bool(PseudoVersion.IsZeroPseudoVersion(v)) };
        }).ToList());
    }

    [GoFact]
    public void Building_pseudo_versions_agrees_with_x_mod()
    {
        var rnd = new Random(Seed + 7);
        var olders = Inputs.Versions(rnd, 200).Concat(["", "v1.2.3", "v1.2.3-pre", "v2.0.0+incompatible", "v1.9.9", "v1.2.99", "v1.2.3-rc.1+incompatible"]).ToList();
        string[] majors = ["", "v0", "v1", "v2", "v17"];
        var requests = Enumerable.Range(0, 1000).Select(_ =>
        {
            var seconds = rnd.NextInt64(0, 4_102_444_800); // 1970 to 2100
            var rev = rnd.Next(3) switch
            {
                0 => Inputs.Hex(rnd, 40),
                1 => Inputs.Hex(rnd, 12),
                _ => Inputs.Hex(rnd, rnd.Next(1, 45)).ToUpperInvariant(),
            };
            return (major: majors[rnd.Next(majors.Length)], older: olders[rnd.Next(olders.Count)], seconds, rev);
        }).ToList();
        // x/mod's PseudoVersion does not shorten; go's callers shorten a full hash first, as our Build does.
        Compare(requests.Select(q => $"mkpseudo\t{q.major}\t{q.older}\t{q.seconds}\t{PseudoVersion.ShortenSha1(q.rev)}").ToList(),
            requests.Select(q => new[] { PseudoVersion.Build(q.major, q.older, DateTime.UnixEpoch.AddSeconds(q.seconds), q.rev) }).ToList());
    }

    [GoFact]
    public void Module_sort_order_agrees_with_x_mod()
    {
        var rnd = new Random(Seed + 8);
        string[] paths = ["a.b/c", "a.b/c/v2", "a.b/C", "a.b", "golang.org/x/text", "gopkg.in/yaml.v2", "a.b/c-d", "a.b/c.d"];
        // Only versions of distinct precedence (plus one non-version): go's sort is unstable on ties.
        var versions = new[] { "v0.0.0", "v0.1.0", "v1.0.0", "v1.0.0-pre", "v1.0.0-pre.1", "v1.2.3", "v1.10.0", "v2.0.0+incompatible", "none" };
        var lists = Enumerable.Range(0, 200).Select(_ => Enumerable.Range(0, rnd.Next(1, 25)).Select(_ =>
            new ModuleVersion(paths[rnd.Next(paths.Length)], versions[rnd.Next(versions.Length)] + (rnd.Next(2) == 0 ? "/go.mod" : ""))).ToList()).ToList();
        Compare(lists.Select(l => "modsort\t" + string.Join('\t', l.Select(m => m.Path + "\t" + m.Version))).ToList(), lists.Select(l =>
        {
            var copy = l.ToList();
            copy.Sort(ModuleVersion.SortOrder);
            return copy.Select(m => m.Path + " " + m.Version).ToArray();
        }).ToList());
    }

    private void Compare(IReadOnlyList<string> requests, IReadOnlyList<string[]> ours)
    {
        var theirs = oracle.Evaluate(requests);
        var mismatches = new List<string>();
        for (var i = 0; i < requests.Count; i++)
        {
            if (!theirs[i].SequenceEqual(ours[i]))
                mismatches.Add($"{requests[i].Replace('\t', ' ')}\n    x/mod: [{string.Join(" | ", theirs[i])}]\n    ours:  [{string.Join(" | ", ours[i])}]");
        }
        mismatches.ShouldBeEmpty($"{mismatches.Count} of {requests.Count} differ:\n{string.Join("\n", mismatches.Take(15))}");
    }

    private static string Bool(bool b) => b ? "true" : "false";

    private static string Error(Action action)
    {
        try
        {
            action();
            return "ok";
        }
        catch (FormatException e)
        {
            return "error: " + e.Message;
        }
        catch (ModuleException e)
        {
            return "error: " + e.Message;
        }
    }

    private static (string Value, string Error) Try(Func<string> f)
    {
        try
        {
            return (f(), "ok");
        }
        catch (FormatException e)
        {
            return ("", "error: " + e.Message);
        }
    }
}
