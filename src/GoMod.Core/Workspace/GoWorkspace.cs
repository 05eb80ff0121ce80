using GoMod.Core.Internal;
using GoMod.Core.ModFile;
using GoMod.Core.ModLoad;
using GoMod.Core.Module;
using GoMod.Core.WorkFile;

namespace GoMod.Core.Workspace;

/// <summary>
/// A workspace as go 1.19 loads it (<c>loadWorkFile</c>, <c>makeMainModules</c>): the go.work file, every <c>use</c>d
/// module as a main module (in <c>use</c> order), and the replacements in force — go.work's, which win over any
/// replacement of the same module path in a module's go.mod, then the modules' own (a directory replacement read
/// relative to its go.mod, reported relative to the go.work directory).
/// </summary>
public sealed class GoWorkspace
{
    private GoWorkspace(string workFile, GoWorkFile file, IReadOnlyList<WorkspaceModule> modules,
        IReadOnlyList<(ModuleVersion Old, ModuleVersion New)> replacements, IReadOnlyList<ModuleVersion> exclusions, string? workSumText)
    {
        WorkFilePath = workFile;
        File = file;
        Modules = modules;
        Replacements = replacements;
        Exclusions = exclusions;
        WorkSumText = workSumText;
    }

    /// <summary>The go.work file's full path.</summary>
    public string WorkFilePath { get; }

    /// <summary>The workspace directory (go.work's).</summary>
    public string Dir => Path.GetDirectoryName(WorkFilePath)!;

    /// <summary>go.work.sum's path: the sums the modules' go.sum files lack (go's <c>modfetch.GoSumFile</c> in workspace mode).</summary>
    public string WorkSumPath => WorkFilePath + ".sum";

    /// <summary>go.work.sum's text as read, or null when there is none.</summary>
    public string? WorkSumText { get; }

    /// <summary>go.work, parsed (its <c>toolchain</c> and <c>godebug</c> lines as the Go Modules Reference defines them).</summary>
    public GoWorkFile File { get; }

    /// <summary>The workspace's go version: go.work's go line, or 1.18 when it has none (go's <c>MainModules.GoVersion</c>).</summary>
    public string GoVersion => File.Go ?? "1.18";

    /// <summary>go.work's toolchain line, or null.</summary>
    public string? Toolchain => File.Toolchain;

    /// <summary>go.work's godebug settings.</summary>
    public IReadOnlyList<GodebugSetting> Godebug => File.Godebug;

    /// <summary>The main modules, in <c>use</c> order.</summary>
    public IReadOnlyList<WorkspaceModule> Modules { get; }

    /// <summary>The replacements in force, each once: old module (no version: every version) and its replacement.</summary>
    public IReadOnlyList<(ModuleVersion Old, ModuleVersion New)> Replacements { get; }

    /// <summary>The exclusions of every main module (each applies to the whole workspace).</summary>
    public IReadOnlyList<ModuleVersion> Exclusions { get; }

    /// <summary>The main module whose directory is <paramref name="dir"/> or holds it (the innermost), or null.</summary>
    public WorkspaceModule? ModuleContaining(string dir)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dir));
        WorkspaceModule? best = null;
        foreach (var m in Modules)
        {
            var root = Path.TrimEndingDirectorySeparator(m.Dir);
            if (full == root || full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                if (best is null || root.Length > best.Dir.Length) best = m;
        }
        return best;
    }

    /// <summary>
    /// Reads go.work at <paramref name="workFile"/>, every used module's go.mod and go.sum, and go.work.sum, each under
    /// go's lock, with go 1.19's errors.
    /// </summary>
    /// <exception cref="WorkspaceException">go.work is unreadable or does not parse, a directory is used twice, a used
    /// directory has no go.mod, replacements conflict.</exception>
    /// <exception cref="GoCommandException">A used module's go.mod does not parse or has no module line.</exception>
    public static async Task<GoWorkspace> LoadAsync(string workFile, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workFile);
        workFile = Path.GetFullPath(workFile);
        var workDir = Path.GetDirectoryName(workFile)!;
        string? text;
        try
        {
            text = await FileLock.ReadAllTextAsync(workFile, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WorkspaceException(workFile, $"reading go.work: open {workFile}: {e.Message}", goPrefixed: false, e);
        }
        if (text is null)
            throw new WorkspaceException(workFile, $"reading go.work: open {workFile}: no such file or directory", goPrefixed: false,
                new FileNotFoundException(workFile, workFile));
        GoWorkFile wf;
        try
        {
            wf = GoWorkFile.Parse(workFile, text);
        }
        catch (ModFileParseException e)
        {
            throw new WorkspaceException(workFile, "reading go.work: " + e.Message, goPrefixed: false, e);
        }
        // go 1.23 stops at the first godebug line it refuses (modload.loadWorkFile).
        if (GodebugKeys.Check(workFile, wf.Godebug, wf.PositionOfGodebug, wf.Go) is [var godebug, ..])
            throw new WorkspaceException(workFile, "error loading go.work:\n" + godebug);

        var roots = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var use in wf.Use)
        {
            var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.IsPathRooted(use) ? use : Path.Combine(workDir, use)));
            if (!seen.Add(root))
                throw new WorkspaceException(workFile, $"reading go.work: path {root} appears multiple times in workspace", goPrefixed: false);
            roots.Add(root);
        }

        var modules = new List<WorkspaceModule>(roots.Count);
        foreach (var root in roots)
            modules.Add(await ReadModuleAsync(workFile, root, cancellationToken).ConfigureAwait(false));

        var replacements = MergeReplacements(workFile, workDir, wf, modules);
        var exclusions = modules.SelectMany(m => m.File.Exclude).Select(x => new ModuleVersion(x.Path, x.Version)).Distinct().ToArray();
        string? workSum;
        try
        {
            workSum = await FileLock.ReadAllTextAsync(workFile + ".sum", cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WorkspaceException(workFile, $"open {workFile}.sum: {e.Message}", innerException: e);
        }
        return new GoWorkspace(workFile, wf, modules, replacements, exclusions, workSum);
    }

    private static async Task<WorkspaceModule> ReadModuleAsync(string workFile, string root, CancellationToken ct)
    {
        var goMod = Path.Combine(root, "go.mod");
        byte[]? data;
        string? sum;
        try
        {
            data = await FileLock.ReadAllBytesAsync(goMod, ct).ConfigureAwait(false);
            sum = data is null ? null : await FileLock.ReadAllTextAsync(Path.Combine(root, "go.sum"), ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WorkspaceException(workFile, $"open {goMod}: {e.Message}", innerException: e);
        }
        if (data is null)
            throw new WorkspaceException(workFile, $"open {goMod}: no such file or directory", innerException: new FileNotFoundException(goMod, goMod));
        GoModFile f;
        try
        {
            f = GoModFile.Parse(goMod, GoUtf8.Decode(data));
        }
        catch (ModFileParseException e)
        {
            throw new GoCommandException($"errors parsing go.mod:\n{e.Message}\n", e);
        }
        if (f.Module is null) throw new NoModuleDeclarationException(goMod);
        try
        {
            ModulePath.CheckImportPath(f.Module.Path);
        }
        catch (ModulePathException e)
        {
            throw new GoCommandException(new ModulePathException("module", e.Path, e.Detail).Message, e);
        }
        return new WorkspaceModule(f.Module.Path, root, f, data, sum);
    }

    /// <summary>
    /// go's <c>makeMainModules</c>: go.work's replacements first (a main module replaced at every version is an error);
    /// then each module's, skipping every path go.work replaces; a module path replaced differently by two go.mod files
    /// is go's <c>conflicting replacements</c> error. Directory replacements from a go.mod are compared as absolute
    /// paths and kept relative to the go.work directory (go's <c>canonicalizeReplacePath</c>).
    /// </summary>
    private static List<(ModuleVersion Old, ModuleVersion New)> MergeReplacements(string workFile, string workDir, GoWorkFile wf, List<WorkspaceModule> modules)
    {
        var mainPaths = modules.Select(m => m.Path).ToHashSet(StringComparer.Ordinal);
        var byWork = new HashSet<string>(StringComparer.Ordinal);
        var merged = new Dictionary<ModuleVersion, (ModuleVersion Compare, ModuleVersion New)>();
        var order = new List<ModuleVersion>();
        foreach (var r in wf.Replace)
        {
            if (mainPaths.Contains(r.OldPath) && r.OldVersion.Length == 0)
                throw new WorkspaceException(workFile, $"workspace module {r.OldPath} is replaced at all versions in the go.work file. " +
                    "To fix, remove the replacement from the go.work file or specify the version at which to replace the module.");
            byWork.Add(r.OldPath);
            var old = new ModuleVersion(r.OldPath, r.OldVersion);
            var @new = new ModuleVersion(r.NewPath, r.NewVersion);
            if (!merged.ContainsKey(old)) order.Add(old);
            merged[old] = (@new, @new);
        }
        foreach (var m in modules)
        {
            var current = new HashSet<ModuleVersion>();
            foreach (var r in m.File.Replace)
            {
                if (byWork.Contains(r.OldPath)) continue;
                var old = new ModuleVersion(r.OldPath, r.OldVersion);
                var @new = new ModuleVersion(r.NewPath, r.NewVersion);
                var compare = @new;
                if (r.IsDirectory && !Path.IsPathRooted(r.NewPath))
                {
                    var abs = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(m.Dir, r.NewPath)));
                    compare = new ModuleVersion(abs, "");
                    @new = new ModuleVersion(Path.GetRelativePath(workDir, abs), "");
                }
                if (merged.TryGetValue(old, out var prev) && !current.Contains(old) && prev.Compare != compare)
                    throw new WorkspaceException(workFile, $"conflicting replacements for {old}:\n\t{prev.Compare}\n\t{compare}\n" +
                        $"use \"go work edit -replace {old}=[override]\" to resolve");
                current.Add(old);
                if (!merged.ContainsKey(old)) order.Add(old);
                merged[old] = (compare, @new);
            }
        }
        return order.Select(o => (o, merged[o].New)).ToList();
    }
}
