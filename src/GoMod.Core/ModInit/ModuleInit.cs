using System.Text;
using GoMod.Core.ModFile;
using GoMod.Core.ModLoad;
using GoMod.Core.ModSource;
using GoMod.Core.Packages;
using GoMod.Core.Module;
using GoMod.Core.Reports;
using GoMod.Core.Semver;

namespace GoMod.Core.ModInit;

/// <summary>
/// <c>go mod init [path]</c> as go 1.19 runs it: the go.mod of a new module — its module line, <c>go 1.19</c>, and,
/// when a legacy manifest is present (<see cref="LegacyManifests.Names"/>, the first found), a requirement for each
/// module providing a pinned package at the pinned revision (as the source resolves it: a tag, a pseudo-version,
/// <c>+incompatible</c>), the highest version per module. Pins that cannot be resolved are reported and skipped, as go
/// does. go.sum is not written (go leaves it for <c>go mod tidy</c>).
/// </summary>
public static class ModuleInit
{
    /// <summary>Runs <c>go mod init</c> in <paramref name="modRoot"/>; the result's <see cref="GoOutput.GoMod"/> is the file to create.</summary>
    /// <param name="modRoot">The new module's directory (absolute).</param>
    /// <param name="source">Where pinned revisions are resolved and modules fetched (the proxy or direct mode).</param>
    /// <param name="modulePath">The module path (go mod init's argument); empty to guess it as go does.</param>
    /// <param name="goPath">GOPATH, for the guess; null for none.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public static async Task<GoOutput> RunAsync(string modRoot, IModuleSource source, string modulePath, string? goPath = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(modRoot);
        ArgumentNullException.ThrowIfNull(source);
        var stderr = new StringBuilder();
        GoOutput Fail(Exception e)
        {
            stderr.Append("go: ").Append(e.Message);
            if (!e.Message.EndsWith('\n')) stderr.Append('\n');
            return new GoOutput { StdErr = stderr.ToString(), ExitCode = 1, Failures = [e] };
        }

        var modFilePath = Path.Combine(modRoot, "go.mod");
        if (File.Exists(modFilePath) || Directory.Exists(modFilePath)) return Fail(new ModFileExistsException(modFilePath));
        try
        {
            if (string.IsNullOrEmpty(modulePath)) modulePath = ModulePathGuess.Find(modRoot, goPath);
            else ModulePathGuess.Check(modulePath);
        }
        catch (Exception e) when (e is ModulePathUnknownException or InvalidNewModulePathException)
        {
            return Fail(e);
        }

        stderr.Append("go: creating new go.mod: module ").Append(modulePath).Append('\n');
        var mod = GoModFile.CreateEmpty(modFilePath);
        mod.SetModule(modulePath);
        mod.SetGo(GoVersions.Latest);

        var (name, data) = FindLegacyManifest(modRoot);
        if (name is not null)
        {
            var file = Path.Combine(modRoot, name).Replace(Path.DirectorySeparatorChar, '/');
            LegacyManifest manifest;
            try
            {
                manifest = LegacyManifests.Parse(name, file, data!);
            }
            catch (LegacyManifestException e)
            {
                stderr.Append("go: copying requirements from ").Append(name).Append('\n');
                return Fail(e);
            }
            var loader = await ModuleLoader.CreateAsync(source, modRoot,
                new LoadOptions { Files = new MainModuleFiles(mod.Format(), null), WorkingDirectory = modRoot }, cancellationToken).ConfigureAwait(false);
            var converted = await ConvertAsync(loader, name, manifest, cancellationToken).ConfigureAwait(false);
            stderr.Append(converted.Messages);
            foreach (var (path, version) in converted.Need)
            {
                if (converted.Replace.TryGetValue(path, out var re)) mod.AddReplace(re.Old.Path, re.Old.Version, path, version);
                mod.AddNewRequire(path, version, indirect: false);
            }
            mod.Cleanup();
            stderr.Append("go: copying requirements from ").Append(name).Append('\n');
        }

        // go's requirementsFromModFiles and updateRoots for a new go 1.19 module: the roots, sorted, each direct, none
        // the main module's own path; no graph is loaded when nothing is added.
        var roots = mod.Require.Where(r => r.Path != modulePath).Select(r => new ModuleVersion(r.Path, r.Version)).ToList();
        roots.Sort(ModuleVersion.SortOrder);
        mod.SetRequireSeparateIndirect(roots.Select(r => new Requirement(r.Path, r.Version, Indirect: false)));
        mod.Cleanup();

        if (!IsEmptyProject(modRoot)) stderr.Append("go: to add module requirements and sums:\n\tgo mod tidy\n");
        return new GoOutput { StdErr = stderr.ToString(), GoMod = mod.Format() };
    }

    /// <summary>The first legacy manifest in go's order that can be read as a file, with its bytes.</summary>
    private static (string? Name, byte[]? Data) FindLegacyManifest(string modRoot)
    {
        foreach (var name in LegacyManifests.Names)
        {
            try
            {
                return (name, File.ReadAllBytes(Path.Combine(modRoot, name)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }
        return (null, null);
    }

    private sealed record Conversion(IReadOnlyList<(string Path, string Version)> Need, IReadOnlyDictionary<string, LegacyReplacement> Replace, string Messages);

    /// <summary>
    /// go's <c>modconv.ConvertLegacyConfig</c>: each pin (through its source redirection, if any) resolved as go's
    /// <c>QueryPattern</c> resolves a package at a revision — the longest module path prefix providing the package,
    /// else the module of exactly that path — at most as many at once as there are processors; then the highest
    /// version per module path, in path order.
    /// </summary>
    private static async Task<Conversion> ConvertAsync(ModuleLoader loader, string name, LegacyManifest manifest, CancellationToken ct)
    {
        var replace = new Dictionary<string, LegacyReplacement>(StringComparer.Ordinal);
        foreach (var r in manifest.Replace)
        {
            replace[r.New.Path] = r;
            replace[r.Old.Path] = r;
        }
        var query = new PackageQuery(loader);
        static string None(string path) => "none";
        // go passes no filter here: every version, retracted or excluded, is allowed.
        static Task<Exception?> AllowAll(ModuleVersion m, CancellationToken ct) => Task.FromResult<Exception?>(null);
        using var gate = new SemaphoreSlim(Math.Max(1, Environment.ProcessorCount));
        var errors = new string?[manifest.Require.Count];
        var tasks = manifest.Require.Select(async (pin, i) =>
        {
            var m = pin;
            if (m.Path.Length == 0) return default;
            if (replace.TryGetValue(m.Path, out var re)) m = re.New;
            await gate.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                var (pkgMods, modOnly, err) = await query.QueryPatternAsync(m.Path, m.Version, None, _ => AllowAll, ct).ConfigureAwait(false);
                if (err is null && pkgMods.Count > 0) return pkgMods[0];
                if (err is null && modOnly.Path is not null) return modOnly;
                errors[i] = $"go: converting {name}: stat {m.Path}@{m.Version}: {err?.Message}\n";
                return default(ModuleVersion);
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        var versions = await Task.WhenAll(tasks).ConfigureAwait(false);

        var need = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var v in versions)
        {
            if (v.Path is null || v.Path.Length == 0) continue;
            // Not SemVer.Max: a +incompatible suffix must survive.
            if (!need.TryGetValue(v.Path, out var have) || SemVer.Compare(have, v.Version) < 0) need[v.Path] = v.Version;
        }
        var sorted = need.Keys.Order(StringComparer.Ordinal).Select(p => (p, need[p])).ToList();
        var messages = new StringBuilder();
        foreach (var e in errors) messages.Append(e);
        return new Conversion(sorted, replace, messages.ToString());
    }

    /// <summary>go's test for an existing project: a non-hidden <c>.go</c> file or subdirectory (names starting with <c>.</c> or <c>_</c> ignored).</summary>
    private static bool IsEmptyProject(string modRoot)
    {
        try
        {
            foreach (var e in new DirectoryInfo(modRoot).EnumerateFileSystemInfos())
            {
                if (e.Name.StartsWith('.') || e.Name.StartsWith('_')) continue;
                // go's DirEntry.IsDir: a symbolic link to a directory is not one.
                if (e.Name.EndsWith(".go", StringComparison.Ordinal) || (e is DirectoryInfo && e.LinkTarget is null)) return false;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return true;
    }
}
