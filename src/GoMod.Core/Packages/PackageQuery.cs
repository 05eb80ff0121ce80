using GoMod.Core.Fetch;
using GoMod.Core.ModLoad;
using GoMod.Core.ModSource;
using GoMod.Core.Module;

namespace GoMod.Core.Packages;

/// <summary>
/// go's package queries (<c>QueryPattern</c>, <c>QueryPackages</c> for a literal path): which modules provide a
/// package at a queried version. <c>go get</c> asks them for its arguments; the package loader asks for the latest
/// version of the module providing a missing import. The versions allowed are the caller's (<c>allowed(query)</c>).
/// </summary>
internal sealed class PackageQuery(ModuleLoader loader)
{
    /// <summary>go's <c>errors.Is(err, fs.ErrNotExist)</c> for a query: no module of the path exists.</summary>
    public static bool IsNotExist(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
            if (x is ModuleNotFoundException) return true;
        return false;
    }

    /// <summary>
    /// go's <c>QueryPattern</c> for a literal path: the modules (the path itself or a prefix of it) that provide a
    /// package of that path at the queried version, and the module of exactly that path if it exists without one.
    /// </summary>
    public async Task<(IReadOnlyList<ModuleVersion> PkgMods, ModuleVersion ModOnly, Exception? Err)> QueryPatternAsync(string pattern, string query,
        Func<string, string> current, Func<string, AllowedFunc> allowed, CancellationToken ct)
    {
        var main = loader.Main;
        ModuleVersion modOnly = default;

        // A package of the main module cannot be given a version.
        if (ModuleLoader.DirInModule(pattern, main.Path, ModuleContent.FromDirectory(main.ModRoot)).HasGoFiles)
        {
            if (query is not ("upgrade" or "patch"))
                return ([], default, new GoCommandException($"package {pattern} is in the main module, so can't request version {query}"));
            return ([main.Version], default, null);
        }
        bool matchesMain = pattern == main.Path;
        if (matchesMain && query is "upgrade" or "patch") modOnly = main.Version;

        var candidates = new List<string>();
        for (var p = pattern; ;)
        {
            if (p != main.Path && ModulePath.SplitPathVersion(p, out _, out _)) candidates.Add(p);
            int j = p.LastIndexOf('/');
            if (j < 0) break;
            p = p[..j];
        }
        if (candidates.Count == 0)
        {
            if (modOnly.Path is not null) return ([], modOnly, null);
            if (matchesMain) return ([], default, new GoCommandException($"can't request version \"{query}\" of the main module ({pattern})"));
            return ([], default, new GoCommandException($"main module ({main.Path}) does not contain package {pattern}"));
        }

        var results = await Task.WhenAll(candidates.Select(p => QueryModuleAsync(pattern, query, p, current, allowed, ct))).ConfigureAwait(false);

        var found = new List<(ModuleVersion Mod, bool HasPackage)>();
        Exception? noPackage = null, noVersion = null, noPatchBase = null, invalidPath = null, notExist = null, other = null;
        foreach (var (mod, hasPackage, err) in results)
        {
            switch (err)
            {
                case null: found.Add((mod, hasPackage)); break;
                case PackageNotInModuleException: noPackage ??= err; break;
                case NoMatchingVersionException: noVersion ??= err; break;
                case NoPatchBaseException: noPatchBase ??= err; break;
                case InvalidModulePathException: invalidPath ??= err; break;
                case ModuleNotFoundException: notExist ??= err; break;
                default:
                    if (other is null && found.Count == 0 && noPackage is null) other = err;
                    break;
            }
        }
        var pkgMods = found.Where(f => f.HasPackage).Select(f => f.Mod).ToList();
        foreach (var f in found) if (!f.HasPackage) modOnly = f.Mod;

        Exception? error = other;
        if (found.Count == 0 && error is null)
            error = noPackage ?? noVersion ?? noPatchBase ?? invalidPath ?? notExist;
        return (pkgMods, modOnly, error);
    }

    /// <summary>go's <c>QueryPackages</c>: <see cref="QueryPatternAsync"/> that must find a package.</summary>
    public async Task<(IReadOnlyList<ModuleVersion> PkgMods, Exception? Err)> QueryPackagesAsync(string pattern, string query, Func<string, string> current,
        Func<string, AllowedFunc> allowed, CancellationToken ct)
    {
        var (pkgMods, modOnly, err) = await QueryPatternAsync(pattern, query, current, allowed, ct).ConfigureAwait(false);
        if (pkgMods.Count == 0 && err is null)
            return ([], new PackageNotInModuleException(modOnly, loader.Main.Replacement(modOnly), query, pattern));
        return (pkgMods, err);
    }

    private async Task<(ModuleVersion Mod, bool HasPackage, Exception? Err)> QueryModuleAsync(string pattern, string query, string path,
        Func<string, string> current, Func<string, AllowedFunc> allowed, CancellationToken ct)
    {
        var mod = new ModuleVersion(path, "");
        try
        {
            var rev = await loader.QueryAsync(path, query, current(path), allowed(query), ct).ConfigureAwait(false);
            mod = new ModuleVersion(path, rev.Version);
            var content = await loader.FetchAsync(mod, ct).ConfigureAwait(false);
            bool hasPackage = ModuleLoader.DirInModule(pattern, path, content).HasGoFiles;
            if (!hasPackage && path != pattern)
                return (mod, false, new PackageNotInModuleException(mod, loader.Main.Replacement(mod), query, pattern));
            return (mod, hasPackage, null);
        }
        catch (GoCommandException e) when (e.InnerException is ModulePathException)
        {
            return (mod, false, new InvalidModulePathException(e.Message, e));
        }
        catch (Exception e) when (e is ModuleException or GoCommandException or NoMatchingVersionException or IOException or InvalidDataException)
        {
            return (mod, false, e);
        }
    }
}
