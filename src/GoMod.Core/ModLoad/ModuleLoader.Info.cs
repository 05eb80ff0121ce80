using GoMod.Core.ModCache;
using GoMod.Core.ModFile;
using GoMod.Core.ModSource;
using GoMod.Core.Module;
using GoMod.Core.Semver;

namespace GoMod.Core.ModLoad;

internal sealed partial class ModuleLoader
{
    /// <summary>The module cache the reports look in (one per loader, not one per module).</summary>
    private ModuleCache? _modCache;

    /// <summary>
    /// Describes one module of the build list as <c>go list -m</c> does (go's <c>moduleInfo</c>): its <c>.info</c>
    /// (version and time), go version, replacement, and, given the module cache directory, its go.mod and extracted
    /// directory in the cache when present. With <paramref name="complete"/> false, only the version, replacement and
    /// indirect flag: nothing is read or fetched.
    /// </summary>
    public async Task<ModuleInfo> ModuleInfoAsync(Requirements? rs, ModuleVersion m, string? modCache, CancellationToken ct, bool complete = true)
    {
        if (m.Version.Length == 0 && m.Path == Main.Path)
        {
            return new ModuleInfo
            {
                Path = m.Path,
                Main = true,
                GoVersion = EffectiveGoVersion,
                Dir = Main.ModRoot,
                GoMod = Path.Combine(Main.ModRoot, "go.mod"),
            };
        }

        var info = new ModuleInfo
        {
            Path = m.Path,
            Version = m.Version,
            Indirect = rs is not null && !rs.Direct.Contains(m.Path),
        };
        var r = Main.Replacement(m);
        if (!complete && r.Path is null) return info;
        if (rs is null || r.Path is null) return await CompleteFromModCacheAsync(info, modCache, rs is null, ct).ConfigureAwait(false);

        var replace = new ModuleInfo { Path = r.Path, Version = r.Version };
        if (r.Version.Length == 0)
        {
            var dir = Main.ReplacementDirectory(r.Path);
            replace = replace with { Dir = dir, GoMod = Path.Combine(dir, "go.mod") };
        }
        if (!complete) return info with { Replace = replace, Dir = replace.Dir, GoMod = replace.GoMod };
        replace = await CompleteFromModCacheAsync(replace, modCache, false, ct).ConfigureAwait(false);
        return info with { Replace = replace, Dir = replace.Dir, GoMod = replace.GoMod, Retracted = replace.Retracted, GoVersion = replace.GoVersion };
    }

    private async Task<ModuleInfo> CompleteFromModCacheAsync(ModuleInfo m, string? modCache, bool outsideGraph, CancellationToken ct)
    {
        // Under -mod=readonly, go reports files only for modules whose sums go.sum already has.
        bool ChecksumOk(string suffix) =>
            outsideGraph || m.Version.Length == 0 || !Options.ReadOnly || HadSum(new ModuleVersion(m.Path, m.Version + suffix));

        if (m.Version.Length != 0)
        {
            try
            {
                var q = await StatVersionAsync(m.Path, m.Version, ct).ConfigureAwait(false);
                m = m with { Version = q.Version, Time = q.Time };
            }
            catch (Exception e) when (e is ModuleException or GoCommandException or NoMatchingVersionException)
            {
                m = m with { Error = e.Message, Failure = e };
            }
        }
        var mod = new ModuleVersion(m.Path, m.Version);
        if (m.GoVersion.Length == 0 && ChecksumOk("/go.mod"))
        {
            try
            {
                m = m with { GoVersion = (await RawSummaryAsync(mod, ct).ConfigureAwait(false)).GoVersion };
            }
            catch (Exception e) when (e is ModuleException or IOException)
            {
            }
        }
        if (m.Version.Length != 0 && modCache is not null)
        {
            // The cache rules are Fetch's (one ModuleCache): only canonical versions have cache files, and an
            // extracted tree counts only when go would trust it.
            if (SemVer.IsValid(mod.Version) && ModulePath.CanonicalVersion(mod.Version) == mod.Version)
            {
                var cache = _modCache is { } c && c.Root == modCache ? c : _modCache = new ModuleCache(modCache);
                try
                {
                    var gomod = cache.CachePath(mod, "mod");
                    if (ChecksumOk("/go.mod") && File.Exists(gomod)) m = m with { GoMod = gomod };
                    if (ChecksumOk("") && cache.GetExtractedState(mod) == ExtractedState.Complete) m = m with { Dir = cache.ModuleDir(mod) };
                }
                catch (Exception e) when (e is ModuleException or ModulePathException or InvalidVersionException)
                {
                }
            }
        }
        return m;
    }
}
