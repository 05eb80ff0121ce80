using GoMod.Core.Internal;
using GoMod.Core.Module;
using GoMod.Core.Mvs;
using GoMod.Core.Packages;
using GoMod.Core.Sum;

namespace GoMod.Core.ModLoad;

internal sealed partial class ModuleLoader
{
    /// <summary>
    /// go's <c>commitRequirements</c>: the main go.mod rewritten to the roots of <paramref name="rs"/> (indirect marked,
    /// in one block before go 1.17 and separate direct/indirect blocks from 1.17), when that changes its meaning; and
    /// go.sum with the sums checked during the command that are needed to reproduce the graph and build list
    /// (go.mod sums of every module whose requirements were read, zip sums of build-list modules that were fetched).
    /// </summary>
    /// <remarks>
    /// After a package load (<paramref name="packages"/>; go build, go list) pass <paramref name="loadedZipSumsOnly"/>:
    /// go then keeps the zip sums of the modules that may provide a loaded package only (go's <c>loadedZipSumsOnly</c>),
    /// not those of the whole build list (<c>addBuildListZipSums</c>, go list -m and go get). <paramref name="rewrite"/>
    /// writes go.mod even when its requirements keep their meaning: the caller edited something else in it (go get -tool).
    /// </remarks>
    public async Task<(string? GoMod, string? GoSum)> CommitAsync(Requirements rs, CancellationToken ct, IReadOnlyList<GoPackage>? packages = null,
        bool loadedZipSumsOnly = false, bool rewrite = false)
    {
        var list = rs.RootModules.Select(m => (m, Indirect: !rs.Direct.Contains(m.Path))).ToArray();
        var (text, dirty) = ModFileAdapter.UpdateRequirements(Main, list, AddedGoVersion, rewrite);
        // The rewrite edited Main.File: no later loader may reuse this main module as the text's reading.
        if (dirty) Options.MainModules?.Forget(Main);
        if (dirty && Options.ReadOnly) throw GoModDirty();

        string? goSum = null;
        if (!Options.ReadOnly) goSum = await UpdatedGoSumAsync(await KeepSumsAsync(rs, packages ?? [], !loadedZipSumsOnly, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
        return (dirty ? text : null, goSum);
    }

    /// <summary>
    /// go's <c>keepSums</c> with no packages loaded: when the graph of <paramref name="rs"/> was read, the go.mod sum of
    /// every module whose requirements it holds and the zip sum of every build-list module; when it was never needed,
    /// only the roots' sums (go does not load the graph just to decide).
    /// </summary>
    internal async Task<KeepSet> KeepSumsAsync(Requirements rs, IReadOnlyList<GoPackage> packages, bool buildListZips, CancellationToken ct)
    {
        var keep = new KeepSet();

        // The zips of every module in the build list whose path is a prefix of a loaded package (the provider and
        // the modules that could have been): needed to rule out an ambiguous import the next time.
        foreach (var pkg in packages)
        {
            bool std = pkg.Module.Path is null || pkg.Module.Path.Length == 0;
            if (pkg.IsTest || (std && pkg.Error is null) || !ModulePath.IsValidImportPath(pkg.ImportPath)) continue;
            if (rs.Pruning == ModulePruning.Pruned && !std && rs.RootSelected(Main.Path, pkg.Module.Path!, out var rv) && rv == pkg.Module.Version)
            {
                for (var prefix = pkg.ImportPath; prefix != "."; prefix = ParentPath(prefix))
                    if (rs.RootSelected(Main.Path, prefix, out var v) && v != "none") keep.Zips.Add(Main.Resolve(new ModuleVersion(prefix, v)));
                continue;
            }
            var (g, _) = await rs.GraphAsync(this, ct).ConfigureAwait(false);
            for (var prefix = pkg.ImportPath; prefix != "."; prefix = ParentPath(prefix))
            {
                var v = g.Selected(prefix);
                if (v != "none") keep.Zips.Add(Main.Resolve(new ModuleVersion(prefix, v)));
            }
        }

        if (!rs.IsGraphLoaded)
        {
            foreach (var m in rs.RootModules)
            {
                var r = Main.Resolve(m);
                keep.GoMods.Add(r);
                if (buildListZips) keep.Zips.Add(r);
            }
            return keep;
        }
        var (mg, _) = await rs.GraphAsync(this, ct).ConfigureAwait(false);
        mg.Graph.WalkBreadthFirst(m =>
        {
            if (mg.Graph.IsLoaded(m)) keep.GoMods.Add(Main.Resolve(m));
        });
        if (buildListZips) foreach (var m in mg.BuildList) keep.Zips.Add(Main.Resolve(m));
        return keep;
    }

    private static string ParentPath(string p)
    {
        int i = p.LastIndexOf('/');
        return i < 0 ? "." : p[..i];
    }

    /// <summary>The go.sum lines to keep: go.mod lines and zip lines, by module.</summary>
    internal sealed class KeepSet
    {
        public HashSet<ModuleVersion> GoMods { get; } = [];
        public HashSet<ModuleVersion> Zips { get; } = [];
    }

    private async Task<string?> UpdatedGoSumAsync(KeepSet keep, CancellationToken ct)
    {
        // Most commands add nothing: check the keys first and parse go.sum only to change it.
        bool missing = false;
        foreach (var (m, _) in GoModData)
        {
            if (!keep.GoMods.Contains(m) || HadGoModSum(m)) continue;
            missing = true;
            break;
        }
        if (!missing)
            foreach (var (m, _) in DownloadedZips)
                if (keep.Zips.Contains(m) && !HadSum(m)) { missing = true; break; }
        if (!missing) return null;

        var sumPath = Path.Combine(Main.ModRoot, "go.sum");
        var sumText = Options.Files is { } files ? files.GoSum : await FileLock.ReadAllTextAsync(sumPath, ct).ConfigureAwait(false);
        var sums = sumText is null ? new GoSumFile(sumPath) : GoSumFile.Parse(sumPath, sumText);

        bool dirty = false;
        foreach (var (m, data) in GoModData)
        {
            // A line already there for the key is kept as is (go would have stopped on a mismatch).
            if (!keep.GoMods.Contains(m) || HadGoModSum(m) || data is null) continue;
            dirty |= sums.Add(m.Path, m.Version + "/go.mod", DirHash.HashGoMod(data));
        }
        foreach (var (m, zip) in DownloadedZips)
        {
            if (!keep.Zips.Contains(m)) continue;
            dirty |= sums.Add(m.Path, m.Version, DirHash.HashZip(zip));
        }
        return dirty ? sums.Format() : null;
    }

    /// <summary>Whether the main module's go.sum had a line for <paramref name="m"/> when the command started (go's <c>modfetch.HaveSum</c>).</summary>
    /// <remarks><paramref name="m"/>'s version may end in <c>/go.mod</c> for the go.mod line.</remarks>
    public bool HadSum(ModuleVersion m)
    {
        const string suffix = "/go.mod";
        var keys = InitialSumKeys.Value;
        return m.Version.EndsWith(suffix, StringComparison.Ordinal)
            ? keys.GoMods.Contains(new ModuleVersion(m.Path, m.Version[..^suffix.Length]))
            : keys.Zips.Contains(m);
    }

    /// <summary>Whether go.sum had the go.mod line of <paramref name="m"/> when the command started.</summary>
    public bool HadGoModSum(ModuleVersion m) => InitialSumKeys.Value.GoMods.Contains(m);

    private Lazy<(HashSet<ModuleVersion> GoMods, HashSet<ModuleVersion> Zips)> InitialSumKeys =>
        _initialSumKeys ?? Interlocked.CompareExchange(ref _initialSumKeys, new(ReadInitialSumKeys), null) ?? _initialSumKeys;

    private Lazy<(HashSet<ModuleVersion> GoMods, HashSet<ModuleVersion> Zips)>? _initialSumKeys;

    /// <summary>The modules of every go.sum line as the command found it, split into go.mod and zip lines (hashes are not needed to decide).</summary>
    private (HashSet<ModuleVersion>, HashSet<ModuleVersion>) ReadInitialSumKeys()
    {
        var goMods = new HashSet<ModuleVersion>();
        var zips = new HashSet<ModuleVersion>();
        var sumPath = Path.Combine(Main.ModRoot, "go.sum");
        var bytes = Options.Files is { } files
            ? files.GoSum is null ? null : System.Text.Encoding.UTF8.GetBytes(files.GoSum)
            : FileLock.ReadAllBytesAsync(sumPath, CancellationToken.None).GetAwaiter().GetResult();
        if (bytes is null) return (goMods, zips);
        var data = bytes.AsSpan();
        while (data.Length > 0)
        {
            int nl = data.IndexOf((byte)'\n');
            var line = nl < 0 ? data : data[..nl];
            data = nl < 0 ? default : data[(nl + 1)..];
            int a = line.IndexOf((byte)' ');
            if (a <= 0) continue;
            var rest = line[(a + 1)..];
            int b = rest.IndexOf((byte)' ');
            if (b <= 0 || rest[(b + 1)..].Contains((byte)' ') || !System.Text.Ascii.IsValid(line)) continue;
            var path = _strings.Get(line[..a]);
            var version = rest[..b];
            if (version.EndsWith("/go.mod"u8)) goMods.Add(new ModuleVersion(path, _strings.Get(version[..^"/go.mod".Length])));
            else zips.Add(new ModuleVersion(path, _strings.Get(version)));
        }
        return (goMods, zips);
    }
}
