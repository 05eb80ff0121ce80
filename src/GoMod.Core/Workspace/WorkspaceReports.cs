using System.Text;
using GoMod.Core.ModLoad;
using GoMod.Core.ModSource;
using GoMod.Core.Module;
using GoMod.Core.Mvs;
using GoMod.Core.Reports;

namespace GoMod.Core.Workspace;

/// <summary>
/// <c>go list -m all</c> and <c>go mod graph</c> in workspace mode, byte for byte as go 1.19 prints them: every used
/// module is a main module (listed first, in <c>use</c> order, without a version), the rest of the build list sorted by
/// path. go.mod files are never written in workspace mode; go.work.sum gains the sums the modules' go.sum files lack
/// (returned as <see cref="GoOutput.GoSum"/> for the caller to write, null when unchanged).
/// </summary>
public static class WorkspaceReports
{
    /// <summary><c>go list -m [-json] all</c> in the workspace of <paramref name="workFile"/>.</summary>
    public static async Task<GoOutput> ListAsync(string workFile, IModuleSource source, bool json = false, string? modCache = null,
        string? workingDirectory = null, CancellationToken cancellationToken = default)
    {
        GoWorkspace ws;
        try
        {
            ws = await GoWorkspace.LoadAsync(workFile, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WorkspaceException or GoCommandException)
        {
            return Fail(e);
        }
        return await ListAsync(ws, source, json, modCache, workingDirectory, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>go list -m [-json] all</c> in a loaded workspace.</summary>
    public static async Task<GoOutput> ListAsync(GoWorkspace workspace, IModuleSource source, bool json = false, string? modCache = null,
        string? workingDirectory = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var loader = new WorkspaceLoader(workspace, source, workingDirectory);
        var (mg, err) = await loader.ReadGraphAsync(cancellationToken).ConfigureAwait(false);
        // With a graph error go still describes the build list it has (each module's own error first), then fails.
        var infos = await ModuleInfosAsync(loader, mg, modCache, cancellationToken).ConfigureAwait(false);

        var stderr = new StringBuilder();
        var failures = new List<Exception>();
        foreach (var info in infos)
        {
            if (info.Error is null) continue;
            ModuleReports.AppendLog(stderr, "go: " + info.Error);
            failures.Add(info.Failure ?? new GoCommandException(info.Error));
        }
        if (err is not null)
        {
            ModuleReports.AppendLog(stderr, "go: " + err.Message);
            failures.Add(new GoCommandException(err.Message, err));
            return new GoOutput { StdErr = stderr.ToString(), ExitCode = 1, Failures = failures };
        }
        string? workSum = null;
        var added = WorkspaceSums.NewSums(loader, loader.KeepSums(mg, buildListZips: true));
        if (added.Count > 0) workSum = WorkspaceSums.Merge(workspace, workspace.WorkSumText ?? "", added);
        if (failures.Count > 0)
            return new GoOutput { StdErr = stderr.ToString(), ExitCode = 1, GoSum = workSum, Failures = failures };

        var stdout = new StringBuilder();
        foreach (var info in infos)
        {
            if (json) ModuleReports.AppendJson(stdout, info);
            else stdout.Append(info.ToString()).Append('\n');
        }
        return new GoOutput { StdOut = stdout.ToString(), StdErr = stderr.ToString(), GoSum = workSum, Modules = infos };
    }

    /// <summary>The build list of a loaded graph as <c>go list -m</c> describes it: main modules first.</summary>
    internal static async Task<ModuleInfo[]> ModuleInfosAsync(WorkspaceLoader loader, ModuleGraph mg, string? modCache, CancellationToken ct)
    {
        // No requirement of a workspace is direct: go keeps no direct set in workspace mode.
        var rs = new Requirements(ModulePruning.Pruned, [], new HashSet<string>(StringComparer.Ordinal));
        var tasks = new List<Task<ModuleInfo>>();
        foreach (var m in mg.BuildList)
        {
            if (loader.IsMain(m))
            {
                var main = loader.MainModule(m.Path)!;
                tasks.Add(Task.FromResult(new ModuleInfo
                {
                    Path = m.Path,
                    Main = true,
                    Dir = main.Dir,
                    GoMod = main.GoModPath,
                    GoVersion = main.GoVersion,
                }));
                continue;
            }
            tasks.Add(WithLoadedGoVersionAsync(loader, mg, m, loader.Loader.ModuleInfoAsync(rs, m, modCache, ct), ct));
        }
        return await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    /// <summary>
    /// go reports the go version of every module whose go.mod it read while loading the graph (its <c>rawGoVersion</c>),
    /// even when readonly keeps it from reading others for want of a go.sum line.
    /// </summary>
    private static async Task<ModuleInfo> WithLoadedGoVersionAsync(WorkspaceLoader loader, ModuleGraph mg, ModuleVersion m, Task<ModuleInfo> info, CancellationToken ct)
    {
        var i = await info.ConfigureAwait(false);
        if (i.GoVersion.Length != 0 || i.Replace is not null || !mg.Graph.IsLoaded(m)) return i;
        var go = (await loader.Loader.RawSummaryAsync(m, ct).ConfigureAwait(false)).GoVersion;
        return go.Length == 0 ? i : i with { GoVersion = go };
    }

    /// <summary><c>go mod graph</c> in the workspace of <paramref name="workFile"/>: main modules without a version, breadth-first from them.</summary>
    public static async Task<GoOutput> GraphAsync(string workFile, IModuleSource source, string? workingDirectory = null,
        CancellationToken cancellationToken = default)
    {
        GoWorkspace ws;
        try
        {
            ws = await GoWorkspace.LoadAsync(workFile, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WorkspaceException or GoCommandException)
        {
            return Fail(e);
        }
        return await GraphAsync(ws, source, workingDirectory, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>go mod graph</c> in a loaded workspace.</summary>
    public static async Task<GoOutput> GraphAsync(GoWorkspace workspace, IModuleSource source, string? workingDirectory = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var loader = new WorkspaceLoader(workspace, source, workingDirectory);
        var (mg, err) = await loader.ReadGraphAsync(cancellationToken).ConfigureAwait(false);
        if (err is not null) return Fail(err);
        return new GoOutput { StdOut = ModuleReports.FormatGraph(mg) };
    }

    private static GoOutput Fail(Exception e)
    {
        var stderr = new StringBuilder();
        ModuleReports.AppendLog(stderr, e is WorkspaceException w ? w.GoLine : "go: " + e.Message);
        var failure = e switch
        {
            WorkspaceException or GoCommandException => e,
            _ => new GoCommandException(e.Message, e),
        };
        return new GoOutput { StdErr = stderr.ToString(), ExitCode = 1, Failures = [failure] };
    }
}
