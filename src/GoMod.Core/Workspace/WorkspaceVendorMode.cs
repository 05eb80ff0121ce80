using GoMod.Core.Internal;
using GoMod.Core.Module;
using GoMod.Core.Restore;
using GoMod.Core.Sum;
using GoMod.Core.Vendor;

namespace GoMod.Core.Workspace;

/// <summary>
/// <c>-mod=vendor</c> in a workspace, as go 1.23 reads a vendor/ that <c>go work vendor</c> wrote: the build list from
/// the workspace's vendor/modules.txt (the used modules, then each module providing a vendored package), after go's
/// <c>checkVendorConsistency</c> in workspace mode — every used go.mod's requirement marked explicit, every replacement
/// of go.mod files and go.work recorded as the workspace resolves it, nothing marked explicit or replaced that no used
/// module requires or the workspace does not replace — else <see cref="InconsistentVendoringException"/> naming
/// <c>go work vendor</c>.
/// </summary>
internal static class WorkspaceVendorMode
{
    /// <summary>
    /// go's default <c>-mod</c> in workspace mode (go 1.23's <c>setDefaultBuildMod</c>): vendor when vendor/ exists at
    /// the workspace root, go.work has a go line of 1.14 or later and vendor/modules.txt was written for a workspace
    /// (first line <c>## workspace</c>; no modules.txt counts as not); otherwise readonly.
    /// </summary>
    public static bool IsDefault(GoWorkspace ws)
    {
        var vendorDir = WorkspaceVendor.VendorDir(ws);
        if (!Directory.Exists(vendorDir) || ws.File.Go is not { Length: > 0 } go || Semver.SemVer.Compare("v" + go, "v1.14") < 0) return false;
        var txt = Path.Combine(vendorDir, VendorTreeWriter.ModulesTxtName);
        try
        {
            using var reader = new StreamReader(txt);
            var first = reader.ReadLine() ?? "";
            return first.StartsWith("## ", StringComparison.Ordinal) && first[3..].Split(';').Any(e => e.Trim() == "workspace");
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
    }

    /// <summary>
    /// go's workspace <c>checkVendorConsistency</c>: each difference in go's words and order (paths of go.mod and
    /// go.work files named relative to <paramref name="workingDirectory"/>, where go runs, when that is shorter).
    /// </summary>
    public static IReadOnlyList<string> Differences(GoWorkspace ws, ModulesTxt txt, string workingDirectory)
    {
        var errors = new List<string>();
        void Error(ModuleVersion m, string detail) => errors.Add((m.Version.Length == 0 ? m.Path : m.Path + "@" + m.Version) + ": " + detail);
        static string Describe(ModuleVersion? m) => m is not { } v ? "" : v.Version.Length == 0 ? v.Path : v.Path + "@" + v.Version;
        string Short(string path)
        {
            var rel = Path.GetRelativePath(workingDirectory, path);
            return rel.Length < path.Length ? rel : path;
        }

        foreach (var u in ws.Modules)
            foreach (var r in u.File.Require)
            {
                var m = new ModuleVersion(r.Path, r.Version);
                if (!txt.Metadata(m).Explicit) Error(m, "is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt");
            }

        var seen = new HashSet<ModuleVersion>();
        void CheckReplace(IEnumerable<(string OldPath, string OldVersion)> replaces)
        {
            foreach (var (oldPath, oldVersion) in replaces)
            {
                var old = new ModuleVersion(oldPath, oldVersion);
                if (!seen.Add(old)) continue;
                var (raw, from) = WorkspaceVendor.ReplacementFrom(ws, old);
                ModuleVersion? canonical = raw is { } v && from is not null ? WorkspaceVendor.Canonical(ws, v, from) : raw;
                var source = Short(from?.GoModPath ?? ws.WorkFilePath);
                var recorded = txt.Metadata(old).Replacement;
                if (recorded is null)
                {
                    if (canonical is not null) Error(old, $"is replaced in {source}, but not marked as replaced in vendor/modules.txt");
                }
                else if (recorded != canonical)
                    Error(old, $"is replaced by {Describe(raw)} in {source}, but marked as replaced by {Describe(recorded)} in vendor/modules.txt");
            }
        }
        foreach (var u in ws.Modules) CheckReplace(u.File.Replace.Select(r => (r.OldPath, r.OldVersion)));
        CheckReplace(ws.File.Replace.Select(r => (r.OldPath, r.OldVersion)));

        foreach (var m in txt.BuildList)
        {
            if (!txt.Metadata(m).Explicit) continue;
            if (!ws.Modules.Any(u => u.File.Require.Any(r => r.Path == m.Path && r.Version == m.Version)))
                Error(m, "is marked as explicit in vendor/modules.txt, but not explicitly required in a go.mod");
        }
        foreach (var m in txt.Replaced)
            if (WorkspaceVendor.Replacement(ws, m) is null) Error(m, "is marked as replaced in vendor/modules.txt, but not replaced in the workspace");
        return errors;
    }

    /// <summary>
    /// The build list under <c>-mod=vendor</c>: the project's module, the other used modules, then each module of
    /// modules.txt that provides a package, with its directory under vendor/ and the hashes go.sum files and go.work.sum
    /// hold. Throws <see cref="InconsistentVendoringException"/> or <see cref="ModuleFileUnreadableException"/>.
    /// </summary>
    public static List<RestoredModule> BuildList(GoWorkspace ws, string moduleDir)
    {
        var vendorDir = WorkspaceVendor.VendorDir(ws);
        var txtPath = Path.Combine(vendorDir, VendorTreeWriter.ModulesTxtName);
        string text;
        try
        {
            text = File.Exists(txtPath) ? File.ReadAllText(txtPath) : "";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModuleFileUnreadableException(txtPath, e);
        }
        var txt = Vendor.ModulesTxt.Parse(txtPath, text);
        var differences = Differences(ws, txt, moduleDir);
        if (differences.Count > 0) throw new InconsistentVendoringException(ws.Dir, differences, workspace: true);

        var own = ws.ModuleContaining(moduleDir)!;
        var modules = new List<RestoredModule> { new(own.Path, "", own.Dir, "", "", "", Indirect: false, Main: true) };
        foreach (var u in ws.Modules)
            if (u != own) modules.Add(new(u.Path, "", u.Dir, "", "", "", Indirect: false, Main: true));
        var sums = WorkspaceSums.Known(ws);
        foreach (var m in txt.BuildList)
        {
            var meta = txt.Metadata(m);
            var target = meta.Replacement is { Version.Length: > 0 } r ? r : m;
            var dir = Path.Combine([vendorDir, .. m.Path.Split('/')]);
            var replace = meta.Replacement is not { } rep ? "" : rep.Version.Length == 0 ? rep.Path : rep.Path + "@" + rep.Version;
            modules.Add(new RestoredModule(m.Path, m.Version, Directory.Exists(dir) ? dir : "",
                First(sums, target.Path, target.Version), First(sums, target.Path, target.Version + "/go.mod"), replace, Indirect: true, Main: false));
        }
        return modules;
    }

    /// <summary>Records the files <c>GoVendor=true</c> wrote (so that <c>GoModClean</c> removes only a vendor/ the SDK wrote).</summary>
    public static void RecordWritten(GoWorkspace ws, VendorWriteResult written, string? listFile)
    {
        if (listFile is not { Length: > 0 }) return;
        if (written.Files.Count == 0)
        {
            if (File.Exists(listFile)) File.Delete(listFile);
            return;
        }
        var vendorDir = WorkspaceVendor.VendorDir(ws);
        AtomicFile.WriteIfChanged(listFile, System.Text.Encoding.UTF8.GetBytes(string.Concat(written.Files.Select(f => Path.Combine([vendorDir, .. f.Split('/')]) + "\n"))));
    }

    private static string First(GoSumFile sums, string path, string version) => sums.Lookup(path, version) is [var h, ..] ? h : "";
}
