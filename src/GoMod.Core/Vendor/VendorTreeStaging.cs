using GoMod.Core.Internal;

namespace GoMod.Core.Vendor;

/// <summary>
/// A vendor/ written where none exists: the whole tree is built in a hidden staging directory beside it (files 0644,
/// directories 0755 whatever the umask, modules.txt included) and renamed into place at the end, so the tree appears
/// complete or not at all. Each file is copied once, by all cores (<see cref="VendorFileCopy"/>); no file needs a rename of its own.
/// </summary>
internal static class VendorTreeStaging
{
    /// <summary>
    /// Writes <paramref name="files"/> (relative slash path → source file) and modules.txt into the absent
    /// <paramref name="vendorDir"/>. Throws <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/> when it
    /// cannot; nothing is left behind then.
    /// </summary>
    public static VendorWriteResult WriteNew(string vendorDir, IReadOnlyDictionary<string, string> files, byte[] modulesTxt, CancellationToken cancellationToken)
    {
        var parent = Path.GetDirectoryName(vendorDir)!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, "." + Path.GetFileName(vendorDir) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        try
        {
            bool fixModes = CreateRoot(staging);
            var dirs = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var rel in files.Keys)
                for (int slash = rel.LastIndexOf('/'); slash > 0; slash = rel.LastIndexOf('/', slash - 1))
                    if (!dirs.Add(rel[..slash])) break;
            // Ordinal order puts every directory after its parent.
            foreach (var d in dirs) CreateDirectory(Local(staging, d), fixModes);

            var keys = files.Keys.ToArray();
            OrderedParallel.For(keys.Length, i => VendorFileCopy.Copy(files[keys[i]], Local(staging, keys[i]), fixModes), cancellationToken);
            using (var output = Create(Path.Combine(staging, VendorTreeWriter.ModulesTxtName), fixModes))
                output.Write(modulesTxt);
            cancellationToken.ThrowIfCancellationRequested();
            Directory.Move(staging, vendorDir);
        }
        catch
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
            throw;
        }
        var all = files.Keys.Append(VendorTreeWriter.ModulesTxtName).Order(StringComparer.Ordinal).ToList();
        return new VendorWriteResult(all, [], all);
    }

    private static string Local(string root, string rel) => Path.Combine(root, rel.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Creates the staging root with mode 0755 and returns whether the umask took bits away (then every directory and file gets its mode set explicitly).</summary>
    private static bool CreateRoot(string dir)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(dir);
            return false;
        }
        Directory.CreateDirectory(dir, VendorTreeWriter.DirPermissions);
        bool stripped = File.GetUnixFileMode(dir) != VendorTreeWriter.DirPermissions;
        if (stripped) File.SetUnixFileMode(dir, VendorTreeWriter.DirPermissions);
        return stripped;
    }

    private static void CreateDirectory(string dir, bool fixMode)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(dir);
            return;
        }
        Directory.CreateDirectory(dir, VendorTreeWriter.DirPermissions);
        if (fixMode) File.SetUnixFileMode(dir, VendorTreeWriter.DirPermissions);
    }

    private static FileStream Create(string path, bool fixMode)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 0 };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = VendorTreeWriter.FilePermissions;
        var stream = new FileStream(path, options);
        if (fixMode && !OperatingSystem.IsWindows()) File.SetUnixFileMode(stream.SafeFileHandle, VendorTreeWriter.FilePermissions);
        return stream;
    }
}
