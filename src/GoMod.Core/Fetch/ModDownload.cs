using GoMod.Core.ModFile;
using GoMod.Core.Module;
using GoMod.Core.Semver;

namespace GoMod.Core.Fetch;

/// <summary>
/// <c>go mod download</c> with no arguments, given the build list (from GoMod.Core.Mvs, whose graph loading fetches
/// the go.mod files through the same <see cref="ModuleDownloader"/>): which modules are downloaded in full, and the
/// go.sum lines that are kept.
/// </summary>
public static class ModDownload
{
    /// <summary>
    /// The modules go downloads in full: for a main module at go 1.17 or later, the modules its go.mod requires (at
    /// their selected versions: since 1.17 go.mod lists every module that provides a package, and the rest of the graph
    /// is presumed irrelevant, golang/go#44435); before 1.17 (or without a go line), the whole build list when go.mod
    /// has any requirement. A replaced module is fetched as its replacement; a directory replacement and the main
    /// module need nothing.
    /// </summary>
    public static IReadOnlyList<ModuleVersion> Targets(GoModFile main, IEnumerable<ModuleVersion> buildList)
    {
        ArgumentNullException.ThrowIfNull(main);
        var mainPath = main.Module?.Path;
        var list = buildList.Where(m => m.Path != mainPath && m.Version.Length > 0).ToList();
        IEnumerable<ModuleVersion> selected;
        if (RequirementsOnly(main))
        {
            var byPath = list.GroupBy(m => m.Path).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
            selected = main.Require.Select(r => r.Path).Distinct().Where(byPath.ContainsKey).Select(p => byPath[p]);
        }
        else
        {
            selected = main.Require.Count > 0 ? list : [];
        }

        var result = new List<ModuleVersion>();
        foreach (var m in selected)
        {
            var r = main.Replace.FirstOrDefault(x => x.OldPath == m.Path && x.OldVersion == m.Version)
                    ?? main.Replace.FirstOrDefault(x => x.OldPath == m.Path && x.OldVersion.Length == 0);
            if (r is null) result.Add(m);
            else if (!r.IsDirectory) result.Add(new ModuleVersion(r.NewPath, r.NewVersion));
        }
        return result.Distinct().ToList();
    }

    /// <summary>Whether <see cref="Targets"/> are go.mod's requirements (go 1.17 or later) rather than the whole build list.</summary>
    public static bool RequirementsOnly(GoModFile main) => main.Go is { } go && SemVer.Compare("v" + go, "v1.17") >= 0;

    /// <summary>
    /// Downloads <see cref="Targets"/> (info, go.mod, zip, extracted tree) in parallel. Like go, the zip hashes of this
    /// command are not written to go.sum (golang/go#45332): only <c>/go.mod</c> lines are kept when the caller saves with
    /// <see cref="KeepGoModLinesOnly"/>.
    /// </summary>
    public static Task<IReadOnlyList<ModuleDownloadResult>> RunAsync(ModuleDownloader downloader, GoModFile main, IEnumerable<ModuleVersion> buildList,
        IProgress<DownloadProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(downloader);
        return downloader.DownloadAsync(Targets(main, buildList), DownloadParts.All, progress, ct);
    }

    /// <summary>The go.sum filter of <c>go mod download</c> without arguments: new go.mod hashes only.</summary>
    public static bool KeepGoModLinesOnly(string path, string version) => version.EndsWith("/go.mod", StringComparison.Ordinal);
}
