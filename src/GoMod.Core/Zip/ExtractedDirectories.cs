using System.Runtime.InteropServices;
using GoMod.Core.Internal;

namespace GoMod.Core.Zip;

/// <summary>
/// The directories of one extraction, each created once: a file's directory is made (with any missing parents) the
/// first time an entry needs it and remembered, so a directory the zip returns to after a subdirectory costs nothing,
/// and no existing path is created again or checked (the temporary tree starts empty and only this extraction writes
/// it). On Unix a directory is one <c>mkdir(0777)</c> less the umask, as go's extraction makes them; elsewhere
/// <see cref="Directory.CreateDirectory(string)"/>. The list lets the finished tree be made read-only without walking it.
/// </summary>
internal sealed class ExtractedDirectories
{
    private const int DirectoryMode = 0x1FF; // 0777, less the umask
    private const int WriteBits = 0x92; // 0222

    private readonly string _root;
    private readonly HashSet<string> _created = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private string _last = "";

    /// <summary>Directories below <paramref name="root"/>, which exists.</summary>
    public ExtractedDirectories(string root) => _root = root;

    /// <summary>The directories created, relative to the root with '/' separators, parents before children.</summary>
    public IReadOnlyList<string> Created => _order;

    /// <summary>Makes sure the directory of the file at <paramref name="relativeFile"/> ('/'-separated, below the root) exists.</summary>
    public void EnsureParentOf(string relativeFile)
    {
        var slash = relativeFile.LastIndexOf('/');
        if (slash <= 0) return;
        var dir = relativeFile.AsSpan(0, slash);
        // Entries come grouped by directory: most files share the last one's.
        if (dir.SequenceEqual(_last)) return;
        _last = dir.ToString();
        Ensure(_last);
    }

    private void Ensure(string relativeDir)
    {
        if (_created.Contains(relativeDir)) return;
        var slash = relativeDir.LastIndexOf('/');
        if (slash > 0) Ensure(relativeDir[..slash]);
        Create(FullPath(_root, relativeDir));
        _created.Add(relativeDir);
        _order.Add(relativeDir);
    }

    private static string FullPath(string root, string relativeDir) =>
        OperatingSystem.IsWindows() ? Path.Combine(root, relativeDir.Replace('/', Path.DirectorySeparatorChar)) : string.Concat(root, "/", relativeDir);

    private static void Create(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }
        if (Libc.mkdir(path, DirectoryMode) != 0) throw Libc.Failure(path, message => new DirectoryNotFoundException(message));
    }

    /// <summary>
    /// Removes write permission from <paramref name="root"/> (the published tree) and every directory created below
    /// it, as go's extraction does for each directory it walks. The mode is read once, from the root: every directory
    /// of the tree was made the same way in the same place (same umask, same inherited bits), so they all share it.
    /// Nothing on Windows (go changes no directory there either).
    /// </summary>
    public void MakeReadOnly(string root)
    {
        if (OperatingSystem.IsWindows()) return;
        var mode = (int)File.GetUnixFileMode(root) & ~WriteBits;
        // Children first, the root last, as a walk that changes each directory after its contents would.
        for (var i = _order.Count - 1; i >= 0; i--) ChangeMode(FullPath(root, _order[i]), mode);
        ChangeMode(root, mode);
    }

    private static void ChangeMode(string path, int mode)
    {
        if (Libc.chmod(path, mode) == 0) return;
        if (Marshal.GetLastPInvokeError() == Libc.EINTR && Libc.chmod(path, mode) == 0) return;
        throw Libc.Failure(path, message => new DirectoryNotFoundException(message));
    }
}
