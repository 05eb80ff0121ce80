using GoMod.Core.ModFile;
using GoMod.Core.Module;
using GoMod.Core.Semver;

namespace GoMod.Core.Vendor;

/// <summary>
/// go 1.19's <c>checkVendorConsistency</c>: under <c>-mod=vendor</c>, vendor/modules.txt must match go.mod (go 1.14
/// and later) or at least not contradict it (earlier go versions, whose modules.txt lacked the annotations). The
/// differences come in go's order: requirements (go.mod order), replacements (go.mod order), explicit modules of
/// modules.txt that go.mod does not require, replaced modules of modules.txt that go.mod does not replace that way.
/// </summary>
public static class VendorConsistency
{
    /// <summary>Every difference between go.mod and modules.txt, in go's words and order; empty when consistent.</summary>
    public static IReadOnlyList<string> Differences(GoModFile mod, ModulesTxt vendor)
    {
        ArgumentNullException.ThrowIfNull(mod);
        ArgumentNullException.ThrowIfNull(vendor);
        var goV = mod.Go is { Length: > 0 } g ? "v" + g : "";
        var pre114 = SemVer.Compare(goV, "v1.14") < 0;
        var errors = new List<string>();
        void Error(ModuleVersion m, string detail) => errors.Add((m.Version.Length == 0 ? m.Path : m.Path + "@" + m.Version) + ": " + detail);

        foreach (var r in mod.Require)
        {
            var m = new ModuleVersion(r.Path, r.Version);
            if (vendor.Metadata(m).Explicit) continue;
            if (pre114)
            {
                // Before 1.14 modules.txt did not mark explicit requirements; a version vendored from another version still shows.
                if (vendor.SelectedVersion(r.Path) is { } vv && vv != r.Version)
                    Error(m, $"is explicitly required in go.mod, but vendor/modules.txt indicates {r.Path}@{vv}");
            }
            else
            {
                Error(m, "is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt");
            }
        }

        // Every replacement counts, even one that applies to no vendored module: it may change the versions selected.
        foreach (var r in mod.Replace)
        {
            var old = new ModuleVersion(r.OldPath, r.OldVersion);
            var want = new ModuleVersion(r.NewPath, r.NewVersion);
            var have = vendor.Metadata(old).Replacement;
            if (have is null)
            {
                // Before 1.14 modules.txt left out wildcard replacements and those of modules without packages.
                if (!(pre114 && (r.OldVersion.Length == 0 || vendor.SelectedVersion(r.OldPath) != r.OldVersion)))
                    Error(old, "is replaced in go.mod, but not marked as replaced in vendor/modules.txt");
            }
            else if (have.Value != want)
            {
                Error(old, $"is replaced by {Describe(want)} in go.mod, but marked as replaced by {Describe(have.Value)} in vendor/modules.txt");
            }
        }

        var required = mod.Require.Select(r => new ModuleVersion(r.Path, r.Version)).ToHashSet();
        foreach (var m in vendor.BuildList)
            if (vendor.Metadata(m).Explicit && !required.Contains(m))
                Error(m, "is marked as explicit in vendor/modules.txt, but not explicitly required in go.mod");

        foreach (var m in vendor.Replaced)
        {
            var r = Replacement(mod, m);
            if (r is null)
            {
                Error(m, "is marked as replaced in vendor/modules.txt, but not replaced in go.mod");
                continue;
            }
            if (vendor.Metadata(m).Replacement is { } marked && marked != r.Value)
                Error(m, $"is marked as replaced by {Describe(marked)} in vendor/modules.txt, but replaced by {Describe(r.Value)} in go.mod");
        }
        return errors;
    }

    /// <summary>Throws <see cref="InconsistentVendoringException"/> listing every difference, if there is one.</summary>
    public static void Check(string moduleDir, GoModFile mod, ModulesTxt vendor)
    {
        var differences = Differences(mod, vendor);
        if (differences.Count > 0) throw new InconsistentVendoringException(moduleDir, differences);
    }

    /// <summary>
    /// go's <c>Replacement</c> for the main module alone: the replacement of exactly this version, else of every
    /// version of the path; null when neither. (A directory replacement has an empty version.)
    /// </summary>
    public static ModuleVersion? Replacement(GoModFile mod, ModuleVersion m)
    {
        ArgumentNullException.ThrowIfNull(mod);
        Replacement? exact = null, wildcard = null;
        foreach (var r in mod.Replace)
        {
            if (r.OldPath != m.Path) continue;
            if (r.OldVersion.Length == 0) wildcard = r;
            else if (r.OldVersion == m.Version) exact = r;
        }
        var chosen = exact ?? wildcard;
        return chosen is null ? null : new ModuleVersion(chosen.NewPath, chosen.NewVersion);
    }

    private static string Describe(ModuleVersion m) => m.Version.Length == 0 ? m.Path : m.Path + "@" + m.Version;
}
