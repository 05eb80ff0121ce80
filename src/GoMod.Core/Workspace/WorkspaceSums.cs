using GoMod.Core.Internal;
using GoMod.Core.Module;
using GoMod.Core.Sum;

namespace GoMod.Core.Workspace;

/// <summary>
/// go.work.sum as go 1.19 keeps it (modfetch's <c>WriteGoSum</c> with <c>WorkspaceGoSumFiles</c>): a sum is needed
/// when the graph or build list uses it and no go.sum of a used module has its key; go.work.sum is rewritten, under
/// go's lock and merged with what another process wrote meanwhile, only when such a sum is new, and then without
/// the keys the modules' go.sum files hold.
/// </summary>
internal static class WorkspaceSums
{
    /// <summary>Every sum the workspace starts with: the used modules' go.sum files and go.work.sum (go's <c>HaveSum</c> looks in all).</summary>
    public static GoSumFile Known(GoWorkspace workspace)
    {
        var sums = GoSumFile.Parse(workspace.WorkSumPath, "");
        foreach (var m in workspace.Modules)
            if (m.GoSumText is { } text)
                foreach (var l in GoSumFile.Parse(m.GoSumPath, text).Lines) sums.Add(l.Path, l.Version, l.Hash);
        if (workspace.WorkSumText is { } workSum)
            foreach (var l in GoSumFile.Parse(workspace.WorkSumPath, workSum).Lines) sums.Add(l.Path, l.Version, l.Hash);
        return sums;
    }

    /// <summary>The sums checked during the command that go.work.sum must gain (empty when none).</summary>
    public static List<GoSumLine> NewSums(WorkspaceLoader ws, (HashSet<ModuleVersion> GoMods, HashSet<ModuleVersion> Zips) keep)
    {
        var lines = new List<GoSumLine>();
        foreach (var (m, data) in ws.Loader.GoModData)
            if (data is not null && keep.GoMods.Contains(m) && !ws.Loader.HadGoModSum(m))
                lines.Add(new GoSumLine(m.Path, m.Version + "/go.mod", DirHash.HashGoMod(data)));
        foreach (var (m, zip) in ws.Loader.DownloadedZips)
            if (keep.Zips.Contains(m) && !ws.Loader.HadSum(m))
                lines.Add(new GoSumLine(m.Path, m.Version, DirHash.HashZip(zip)));
        return lines;
    }

    /// <summary>go.work.sum's new text: <paramref name="current"/> (may be empty) with <paramref name="added"/>, minus keys a module's go.sum has.</summary>
    public static string Merge(GoWorkspace workspace, string current, IEnumerable<GoSumLine> added)
    {
        var sums = GoSumFile.Parse(workspace.WorkSumPath, current);
        foreach (var l in added) sums.Add(l.Path, l.Version, l.Hash);
        foreach (var m in workspace.Modules)
        {
            if (m.GoSumText is null) continue;
            foreach (var l in GoSumFile.Parse(m.GoSumPath, m.GoSumText).Lines) sums.Remove(l.Path, l.Version);
        }
        return sums.Format();
    }

    /// <summary>Adds <paramref name="added"/> to go.work.sum in place under go's lock (what another build wrote meanwhile is kept).</summary>
    public static Task<bool> WriteAsync(GoWorkspace workspace, IReadOnlyList<GoSumLine> added, CancellationToken ct)
    {
        if (added.Count == 0) return Task.FromResult(false);
        return FileLock.TransformAsync(workspace.WorkSumPath, old => GoUtf8.Encode(Merge(workspace, GoUtf8.Decode(old), added)), ct);
    }
}
