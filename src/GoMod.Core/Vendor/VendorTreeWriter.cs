using System.Text;
using GoMod.Core.Internal;

namespace GoMod.Core.Vendor;

/// <summary>
/// Writes a <see cref="VendorPlan"/> into a vendor directory so that the tree ends up exactly as <c>go mod vendor</c>
/// leaves it (same paths, same bytes), but incrementally and safely:
/// <list type="bullet">
/// <item>a file whose bytes are already right is not rewritten (its timestamp stays); files and directories the plan
/// does not have are removed;</item>
/// <item>each file is written to a temporary name beside it, then renamed; vendor/modules.txt is removed before the
/// first change and written last, so an interrupted run never leaves a tree that looks complete (go reads a vendor/
/// without modules.txt as inconsistent);</item>
/// <item>the result does not depend on the machine: files are 0644 and directories 0755 whatever the umask, and no
/// time or absolute path goes into any file.</item>
/// </list>
/// An empty plan removes the vendor directory, as go does after <c>no dependencies to vendor</c>.
/// </summary>
public static class VendorTreeWriter
{
    internal const UnixFileMode FilePermissions = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    internal const UnixFileMode DirPermissions = FilePermissions | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    /// <summary>The name of the manifest inside the vendor directory.</summary>
    public const string ModulesTxtName = "modules.txt";

    /// <summary>
    /// Brings <paramref name="vendorDir"/> in line with <paramref name="plan"/>. Returns what changed. Throws
    /// <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/> when the tree cannot be written (modules.txt
    /// is then absent).
    /// </summary>
    public static VendorWriteResult Write(string vendorDir, VendorPlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vendorDir);
        ArgumentNullException.ThrowIfNull(plan);
        vendorDir = Path.GetFullPath(vendorDir);
        if (plan.IsEmpty)
        {
            var existed = Directory.Exists(vendorDir);
            if (existed) Directory.Delete(vendorDir, recursive: true);
            return new VendorWriteResult([], existed ? ["."] : [], []);
        }

        var modulesTxt = Encoding.UTF8.GetBytes(plan.ModulesTxt.Format());
        var wanted = new Dictionary<string, string>(plan.Files, StringComparer.Ordinal);
        if (!Directory.Exists(vendorDir) && !File.Exists(vendorDir) && new DirectoryInfo(vendorDir).LinkTarget is null)
            return VendorTreeStaging.WriteNew(vendorDir, plan.Files, modulesTxt, cancellationToken);
        var existing = ExistingFiles(vendorDir);
        var unchanged = new bool[wanted.Count];
        var pairs = wanted.ToArray();
        OrderedParallel.For(pairs.Length, i => unchanged[i] = existing.Contains(pairs[i].Key) && SameBytes(pairs[i].Value, Path.Combine(vendorDir, pairs[i].Key)),
            cancellationToken);
        var toWrite = new List<string>();
        for (int i = 0; i < pairs.Length; i++)
            if (!unchanged[i]) toWrite.Add(pairs[i].Key);
        var stale = existing.Where(f => f != ModulesTxtName && !wanted.ContainsKey(f)).Order(StringComparer.Ordinal).ToList();
        var modulesPath = Path.Combine(vendorDir, ModulesTxtName);
        var modulesSame = existing.Contains(ModulesTxtName) && File.ReadAllBytes(modulesPath).AsSpan().SequenceEqual(modulesTxt);
        var changed = toWrite.Count > 0 || stale.Count > 0 || !modulesSame;

        var removed = new List<string>();
        if (changed)
        {
            // From here until the end, the tree is in flux: no modules.txt may claim it is complete.
            EnsureDirectory(vendorDir);
            if (File.Exists(modulesPath)) File.Delete(modulesPath);
            foreach (var rel in stale)
            {
                var full = Path.Combine(vendorDir, rel);
                File.SetAttributes(full, FileAttributes.Normal);
                File.Delete(full);
                removed.Add(rel);
            }
            RemoveStaleDirectories(vendorDir, wanted.Keys, removed);
            foreach (var rel in toWrite)
                EnsureDirectories(vendorDir, Path.GetDirectoryName(Path.Combine(vendorDir, rel.Replace('/', Path.DirectorySeparatorChar)))!);
            OrderedParallel.For(toWrite.Count, i =>
            {
                var target = Path.Combine(vendorDir, toWrite[i].Replace('/', Path.DirectorySeparatorChar));
                using var source = File.OpenRead(wanted[toWrite[i]]);
                WriteAtomically(target, source);
            }, cancellationToken);
            using var text = new MemoryStream(modulesTxt);
            WriteAtomically(modulesPath, text);
        }
        // Files just written have their mode already; the others may come from an older run under another umask.
        FixModes(vendorDir, wanted.Keys.Append(ModulesTxtName), toWrite.ToHashSet(StringComparer.Ordinal));
        var written = toWrite.ToList();
        if (!modulesSame) written.Add(ModulesTxtName);
        written.Sort(StringComparer.Ordinal);
        return new VendorWriteResult(written, removed, [.. wanted.Keys.Append(ModulesTxtName).Order(StringComparer.Ordinal)]);
    }

    /// <summary>Every file below the directory (symbolic links included, never followed), as relative slash paths.</summary>
    private static HashSet<string> ExistingFiles(string root)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            foreach (var e in new DirectoryInfo(dir).EnumerateFileSystemInfos())
            {
                if ((e.Attributes & FileAttributes.Directory) != 0 && e.LinkTarget is null) pending.Push(e.FullName);
                else result.Add(Path.GetRelativePath(root, e.FullName).Replace(Path.DirectorySeparatorChar, '/'));
            }
        }
        return result;
    }

    /// <summary>Removes every directory that holds no wanted file (deepest first), and any symbolic link to a directory.</summary>
    private static void RemoveStaleDirectories(string root, IEnumerable<string> wantedFiles, List<string> removed)
    {
        var keep = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in wantedFiles)
            for (int slash = f.LastIndexOf('/'); slash > 0; slash = f.LastIndexOf('/', slash - 1))
                if (!keep.Add(f[..slash])) break;
        var dirs = Directory.EnumerateDirectories(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Select(d => Path.GetRelativePath(root, d).Replace(Path.DirectorySeparatorChar, '/'))
            .OrderByDescending(d => d.Length).ToList();
        foreach (var rel in dirs)
        {
            if (keep.Contains(rel)) continue;
            var full = Path.Combine(root, rel);
            if (!Directory.Exists(full) && new DirectoryInfo(full).LinkTarget is null) continue;
            if (new DirectoryInfo(full).LinkTarget is not null) Directory.Delete(full);
            else Directory.Delete(full, recursive: true);
            removed.Add(rel + "/");
        }
    }

    private static void EnsureDirectories(string root, string dir)
    {
        if (Directory.Exists(dir)) return;
        EnsureDirectories(root, Path.GetDirectoryName(dir)!);
        EnsureDirectory(dir);
    }

    private static void EnsureDirectory(string dir)
    {
        if (Directory.Exists(dir)) return;
        Directory.CreateDirectory(dir);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(dir, DirPermissions);
    }

    /// <summary>
    /// Gives every wanted file 0644 and every directory 0755, whatever umask created them (no rewrite, no new timestamp);
    /// <paramref name="justWritten"/> files got their mode when written.
    /// </summary>
    private static void FixModes(string root, IEnumerable<string> files, HashSet<string> justWritten)
    {
        if (OperatingSystem.IsWindows()) return;
        var dirs = new HashSet<string>(StringComparer.Ordinal) { root };
        foreach (var rel in files)
        {
            var full = Path.Combine(root, rel.Replace('/', Path.DirectorySeparatorChar));
            if (!justWritten.Contains(rel) && File.GetUnixFileMode(full) != FilePermissions) File.SetUnixFileMode(full, FilePermissions);
            for (var d = Path.GetDirectoryName(full)!; d.Length > root.Length && dirs.Add(d); d = Path.GetDirectoryName(d)!) { }
        }
        foreach (var d in dirs)
            if (File.GetUnixFileMode(d) != DirPermissions) File.SetUnixFileMode(d, DirPermissions);
    }

    private static void WriteAtomically(string target, Stream content)
    {
        var dir = Path.GetDirectoryName(target)!;
        var temp = Path.Combine(dir, "." + Path.GetFileName(target) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        try
        {
            using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920))
                content.CopyTo(output);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, FilePermissions);
            if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    private static bool SameBytes(string a, string b)
    {
        var fb = new FileInfo(b);
        if (!fb.Exists || fb.LinkTarget is not null) return false;
        var fa = new FileInfo(a);
        if (fa.Length != fb.Length) return false;
        using var sa = File.OpenRead(a);
        using var sb = File.OpenRead(b);
        Span<byte> ba = stackalloc byte[8192];
        Span<byte> bb = stackalloc byte[8192];
        while (true)
        {
            int n = sa.ReadAtLeast(ba, ba.Length, throwOnEndOfStream: false);
            int m = sb.ReadAtLeast(bb, bb.Length, throwOnEndOfStream: false);
            if (n != m || !ba[..n].SequenceEqual(bb[..m])) return false;
            if (n == 0) return true;
        }
    }
}
