using GoMod.Core.Imports;
using GoMod.Core.ModFile;
using GoMod.Core.ModLoad;
using GoMod.Core.Module;
using GoMod.Core.Packages;
using GoMod.Core.Vendor;

namespace GoMod.Core.Workspace;

/// <summary>
/// <c>go work vendor</c> as go 1.23 writes it (go 1.22 added it; go 1.19 has none): the package load of <c>all</c> over
/// every used module (any build tags but <c>ignore</c>, the main modules' tests, no tests of dependencies), vendor/ at
/// the workspace root with the files <c>go mod vendor</c> copies (<see cref="VendorPlan"/>), and vendor/modules.txt
/// with go's workspace rules: a first line <c>## workspace</c>; the requirements of every used go.mod marked
/// <c>## explicit</c> (the go.work go version is always at least 1.14); each module's <c>## go</c> version (go.work's go
/// version at least 1.17) read from the selected version of its path; each entry's replacement as the workspace
/// resolves it (go.work's first, then the used modules' in <c>use</c> order; a directory from a go.mod written relative
/// to the workspace, <c>./</c>-prefixed); then, once each, go.work's replacements not yet written, as go.work spells
/// them, and each used module's, as the workspace resolves them.
/// </summary>
internal static class WorkspaceVendor
{
    /// <summary>The workspace's vendor directory (go's <c>VendorDir</c> in workspace mode).</summary>
    public static string VendorDir(GoWorkspace ws) => Path.Combine(ws.Dir, "vendor");

    /// <summary>
    /// Loads the packages <c>go work vendor</c> vendors and plans vendor/. <paramref name="moduleDir"/> gives the root
    /// of a downloaded build-list module (as go.mod names it); directory replacements are read where they are.
    /// Returns the plan or the failures (package errors, an embed pattern go cannot resolve, a module not extracted).
    /// </summary>
    public static async Task<(VendorPlan? Plan, IReadOnlyList<Exception> Failures)> PlanAsync(WorkspaceLoader loader,
        Func<ModuleVersion, string?> moduleDir, bool cgoEnabled, GoFileFactsCache? sourceFacts, CancellationToken ct)
    {
        var ws = loader.Workspace;
        var graph = await WorkspacePackages.LoadAsync(loader, ["all"], new PackageLoadOptions { Tags = BuildTags.Any, AllowErrors = true, SourceFacts = sourceFacts }, ct)
            .ConfigureAwait(false);
        var failures = new List<Exception>();
        foreach (var e in graph.Errors) failures.Add(new GoCommandException(e.StartsWith("go: ", StringComparison.Ordinal) ? e[4..] : e));
        var main = loader.Loader.Main;
        string? Root(ModuleVersion m)
        {
            var r = main.Replacement(m);
            if (r.Path is not null && r.Version.Length == 0) return main.ReplacementDirectory(r.Path);
            return moduleDir(m);
        }
        graph.SetModuleDirectories(Root);

        var packages = new List<VendorPackage>();
        foreach (var pkg in VendorRestore.VendorAll(graph))
        {
            if (pkg.Error is { } error)
            {
                failures.Add(error);
                continue;
            }
            if (pkg.IsStandard || pkg.InMainModule || pkg.Module.Path is not { Length: > 0 }) continue;
            if (pkg.AbsoluteDir is null || Root(pkg.Module) is not { Length: > 0 } root)
            {
                failures.Add(new ModCache.ModuleNotInCacheException(pkg.Module));
                continue;
            }
            packages.Add(new VendorPackage(pkg.ImportPath, pkg.Module, pkg.AbsoluteDir, root));
        }
        if (failures.Count > 0) return (null, failures);

        // go's ModuleInfo(path).GoVersion: the go line of the selected version of the path (a used module's own).
        var (mg, _) = await graph.Requirements.GraphAsync(loader.Loader, ct).ConfigureAwait(false);
        var paths = packages.Select(p => p.Module.Path).Concat(ws.Modules.SelectMany(m => m.File.Require.Select(r => r.Path))).Distinct(StringComparer.Ordinal);
        var goVersions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (loader.MainModule(path) is { } used) goVersions[path] = used.GoVersion;
            else goVersions[path] = await loader.Loader.GoVersionOfAsync(new ModuleVersion(path, mg.Selected(path)), ct).ConfigureAwait(false);
        }

        VendorPlan plan;
        try
        {
            // go 1.22+ resolves only the packages' own embeds at a workspace go version of 1.22 or later (go issue 63473).
            var testEmbeds = Semver.SemVer.Compare("v" + ws.GoVersion, "v1.22") < 0;
            plan = VendorPlan.Create(ExplicitRequirements(ws), packages, path => goVersions.GetValueOrDefault(path, ""), cgoEnabled, sourceFacts, testEmbeds);
        }
        catch (EmbedPatternException e)
        {
            return (null, [e]);
        }
        return (plan.WithModulesTxt(ModulesTxt(ws, plan.ModulesTxt)), []);
    }

    /// <summary>
    /// A go.mod standing for the workspace in <see cref="VendorPlan"/>: no module path (the used modules' packages are
    /// left out before), go.work's go version, and every used module's requirements (go's <c>isExplicit</c>).
    /// </summary>
    private static GoModFile ExplicitRequirements(GoWorkspace ws)
    {
        var text = new System.Text.StringBuilder().Append("go ").Append(ws.GoVersion).Append('\n');
        var seen = new HashSet<ModuleVersion>();
        foreach (var m in ws.Modules)
            foreach (var r in m.File.Require)
                if (seen.Add(new ModuleVersion(r.Path, r.Version))) text.Append("require ").Append(r.Path).Append(' ').Append(r.Version).Append('\n');
        return GoModFile.Parse("go.work", text.ToString());
    }

    /// <summary>modules.txt of the plan with the workspace's replacements, trailing replacement lines and header.</summary>
    private static ModulesTxt ModulesTxt(GoWorkspace ws, ModulesTxt planned)
    {
        var entries = new List<VendoredModule>();
        var written = new HashSet<ModuleVersion>();
        foreach (var e in planned.Modules)
        {
            if (e.Module.Version.Length == 0) continue;
            entries.Add(e with { Replacement = Replacement(ws, e.Module) });
            written.Add(e.Module);
        }
        foreach (var r in ws.File.Replace)
        {
            var old = new ModuleVersion(r.OldPath, r.OldVersion);
            if (written.Add(old)) entries.Add(new VendoredModule(old, new ModuleVersion(r.NewPath, r.NewVersion), false, "", []));
        }
        foreach (var m in ws.Modules)
            foreach (var r in m.File.Replace)
            {
                var old = new ModuleVersion(r.OldPath, r.OldVersion);
                if (!written.Add(old)) continue;
                if (Replacement(ws, old) is { } resolved) entries.Add(new VendoredModule(old, resolved, false, "", []));
            }
        return new ModulesTxt(entries) { Workspace = true };
    }

    /// <summary>go's <c>replacementFrom</c>: go.work's replacement, else the first used module's; with where it is written.</summary>
    internal static (ModuleVersion? New, WorkspaceModule? From) ReplacementFrom(GoWorkspace ws, ModuleVersion m)
    {
        if (ws.Modules.Any(u => u.Path == m.Path) && m.Version.Length == 0) return (null, null);
        if (Find(ws.File.Replace.Select(r => (r.OldPath, r.OldVersion, r.NewPath, r.NewVersion)), m) is { } w) return (w, null);
        foreach (var u in ws.Modules)
            if (Find(u.File.Replace.Select(r => (r.OldPath, r.OldVersion, r.NewPath, r.NewVersion)), m) is { } r) return (r, u);
        return (null, null);
    }

    /// <summary>go's <c>Replacement</c> in a workspace: <see cref="ReplacementFrom"/>, a go.mod directory made relative to the workspace.</summary>
    internal static ModuleVersion? Replacement(GoWorkspace ws, ModuleVersion m)
    {
        var (r, from) = ReplacementFrom(ws, m);
        return r is { } v && from is not null ? Canonical(ws, v, from) : r;
    }

    /// <summary>go's <c>canonicalizeReplacePath</c>: a relative directory of a used go.mod, relative to the workspace (<c>./</c>-prefixed).</summary>
    internal static ModuleVersion Canonical(GoWorkspace ws, ModuleVersion r, WorkspaceModule from)
    {
        if (r.Version.Length != 0 || Path.IsPathRooted(r.Path)) return r;
        var rel = Path.GetRelativePath(ws.Dir, Path.GetFullPath(Path.Combine(from.Dir, r.Path))).Replace(Path.DirectorySeparatorChar, '/');
        if (!(rel is "." or ".." || rel.StartsWith("./", StringComparison.Ordinal) || rel.StartsWith("../", StringComparison.Ordinal))) rel = "./" + rel;
        return new ModuleVersion(rel, "");
    }

    /// <summary>go's <c>replacement</c> over one file's replacements: this version's, else every version's.</summary>
    private static ModuleVersion? Find(IEnumerable<(string OldPath, string OldVersion, string NewPath, string NewVersion)> replaces, ModuleVersion m)
    {
        ModuleVersion? wildcard = null;
        foreach (var r in replaces)
        {
            if (r.OldPath != m.Path) continue;
            if (r.OldVersion == m.Version && m.Version.Length != 0) return new ModuleVersion(r.NewPath, r.NewVersion);
            if (r.OldVersion.Length == 0) wildcard ??= new ModuleVersion(r.NewPath, r.NewVersion);
        }
        return wildcard;
    }
}
