using GoMod.Core.Module;
using GoMod.Core.Semver;
using GoMod.Core.Tests.Semver;

namespace GoMod.Core.Tests.Module;

/// <summary>Laws of escaping and path checks over seeded random valid paths.</summary>
public class ModulePathPropertyTests
{
    private static readonly List<string> Paths = Inputs.ValidModulePaths(new Random(23), 2000);

    [Fact]
    public void Unescape_after_escape_is_the_identity_on_valid_paths()
    {
        foreach (var p in Paths) ModulePath.UnescapePath(ModulePath.EscapePath(p)).ShouldBe(p);
    }

    [Fact]
    public void Escaped_paths_have_no_upper_case_and_never_collide_when_case_is_ignored()
    {
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in Paths.Distinct())
        {
            var e = ModulePath.EscapePath(p);
            e.Any(char.IsAsciiLetterUpper).ShouldBeFalse(e);
            if (seen.TryGetValue(e, out var other)) throw new ShouldAssertException($"{p} and {other} escape to the same name ignoring case");
            seen.Add(e, p);
        }
    }

    [Fact]
    public void Escaping_leaves_lower_case_paths_unchanged()
    {
        foreach (var p in Paths.Where(p => !p.Any(char.IsAsciiLetterUpper))) ModulePath.EscapePath(p).ShouldBeSameAs(p);
    }

    [Fact]
    public void Every_module_path_is_an_import_path_and_every_import_path_a_file_path_unless_it_has_a_short_name()
    {
        foreach (var p in Inputs.Paths(new Random(29), 3000))
        {
            if (ModulePath.IsValidPath(p)) ModulePath.IsValidImportPath(p).ShouldBeTrue(p);
            if (ModulePath.IsValidImportPath(p) && !p.Contains('~')) ModulePath.IsValidFilePath(p).ShouldBeTrue(p);
        }
    }

    [Fact]
    public void SplitPathVersion_parts_concatenate_to_the_path_and_the_suffix_matches_its_own_major()
    {
        foreach (var p in Paths.Concat(Inputs.MajorPaths))
        {
            if (!ModulePath.SplitPathVersion(p, out var prefix, out var major)) continue;
            (prefix + major).ShouldBe(p);
            var tag = ModulePath.PathMajorPrefix(major);
            ModulePath.MatchPathMajor((tag.Length == 0 ? "v1" : tag) + ".2.3", major).ShouldBeTrue(p);
        }
    }

    [Fact]
    public void SortOrder_agrees_with_path_order_and_semver_Compare()
    {
        var rnd = new Random(31);
        var versions = Inputs.ValidVersions(rnd, 100);
        var paths = Paths.Take(20).ToList();
        var list = Enumerable.Range(0, 2000).Select(_ => new ModuleVersion(paths[rnd.Next(paths.Count)], versions[rnd.Next(versions.Count)] + (rnd.Next(2) == 0 ? "/go.mod" : ""))).ToList();
        list.Sort(ModuleVersion.SortOrder);
        for (var i = 1; i < list.Count; i++)
        {
            var (a, b) = (list[i - 1], list[i]);
            var c = string.CompareOrdinal(a.Path, b.Path);
            c.ShouldBeLessThanOrEqualTo(0);
            if (c == 0) SemVer.Compare(a.Version.Split('/')[0], b.Version.Split('/')[0]).ShouldBeLessThanOrEqualTo(0, $"{a} before {b}");
        }
    }
}
