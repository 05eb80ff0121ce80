using System.Text;
using GoMod.Core.Internal;
using GoMod.Core.ModFile;
using GoMod.Core.Module;

namespace GoMod.Core.Zip;

/// <summary>A file found in a module's directory, with what <c>lstat</c> said about it.</summary>
internal sealed record DirFile(string Path, string FullPath, bool IsDir, bool IsSymlink, bool IsRegular, long Size);

/// <summary>
/// Which files of a module directory belong in its zip, by the rules of golang.org/x/mod/zip. Two rules depend on the
/// module's own <c>go</c> line (Go Modules Reference, "Module zip files"; x/mod since Go 1.24): for go 1.24 and later,
/// <c>vendor/modules.txt</c> is left out, and a file is "vendored" only if it lies below a <c>vendor/</c> directory
/// (older modules keep a historic offset bug that also drops some files of packages merely named like
/// <c>x/vendor</c>; their checksums depend on it, so it stays).
/// </summary>
internal static class ZipFileSelection
{
    public const string ErrPathNotClean = "file path is not clean";
    public const string ErrPathNotRelative = "file path is not relative";
    public const string ErrGoModCase = "go.mod files must have lowercase names";
    public static readonly string ErrGoModSize = $"go.mod file too large (max size is {ModuleZip.MaxGoMod} bytes)";
    public static readonly string ErrLicenseSize = $"LICENSE file too large (max size is {ModuleZip.MaxLicense} bytes)";
    public const string ErrVcs = "directory is a version control repository";
    public const string ErrVendored = "file is in vendor directory";
    public const string ErrSubmoduleFile = "file is in another module";
    public const string ErrSubmoduleDir = "directory is in another module";
    public const string ErrHgArchivalTxt = "file is inserted by 'hg archive' and is always omitted";
    public const string ErrSymlink = "file is a symbolic link";
    public const string ErrNotRegular = "not a regular file";

    /// <summary>
    /// Whether a module whose go.mod says <c>go <paramref name="goVersion"/></c> uses the go 1.24 zip rules: Go's
    /// toolchain-version order puts every 1.24 form (1.24, 1.24rc1, 1.24.0, …) at or above 1.24, and an absent or
    /// malformed version below everything.
    /// </summary>
    public static bool UsesGo124Rules(string? goVersion)
    {
        if (goVersion is null || !TryParseGoVersion(goVersion, out var major, out var minor)) return false;
        return major > 1 || (major == 1 && minor >= 24);
    }

    // Go's toolchain version syntax: MAJOR[.MINOR[.PATCH | KINDn?]] with kind a run of lower-case letters (rc, beta, …).
    private static bool TryParseGoVersion(string v, out long major, out long minor)
    {
        major = minor = 0;
        var i = 0;
        if (!Int(v, ref i, out major)) return false;
        if (i == v.Length) return true;
        if (v[i] != '.') return false;
        i++;
        if (!Int(v, ref i, out minor)) return false;
        if (i == v.Length) return true;
        if (v[i] == '.')
        {
            i++;
            return Int(v, ref i, out _) && i == v.Length;
        }
        var start = i;
        while (i < v.Length && v[i] is >= 'a' and <= 'z') i++;
        if (i == start) return false;
        if (i == v.Length) return true;
        return Int(v, ref i, out _) && i == v.Length;
    }

    private static bool Int(string v, ref int i, out long value)
    {
        value = 0;
        var start = i;
        while (i < v.Length && v[i] is >= '0' and <= '9') i++;
        var digits = v[start..i];
        if (digits.Length == 0 || (digits.Length > 1 && digits[0] == '0')) return false;
        value = digits.Length > 18 ? long.MaxValue : long.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>Whether <paramref name="name"/> is a file of a vendored package (see the class summary for the version rule).</summary>
    public static bool IsVendoredPackage(string name, bool go124)
    {
        if (go124 && name == "vendor/modules.txt") return true;
        int i;
        if (name.StartsWith("vendor/", StringComparison.Ordinal))
        {
            i = "vendor/".Length;
        }
        else
        {
            var j = name.IndexOf("/vendor/", StringComparison.Ordinal);
            if (j < 0) return false;
            // Before go 1.24 the offset is measured from the start of the name, not from the match (golang.org/issue/37397).
            i = go124 ? j + "/vendor/".Length : "/vendor/".Length;
        }
        return name.IndexOf('/', i) >= 0;
    }

    /// <summary>
    /// The go version of the module rooted at <paramref name="dir"/>, from its go.mod if that is a regular file, read
    /// leniently as a dependency's go.mod is (x/mod uses modfile.ParseLax); a go.mod that does not parse has no version.
    /// </summary>
    public static string? RootGoVersion(string dir)
    {
        var goMod = new FileInfo(System.IO.Path.Combine(dir, "go.mod"));
        if (!goMod.Exists || (goMod.Attributes & FileAttributes.ReparsePoint) != 0 || goMod.Length > ModuleZip.MaxGoMod || FileKind.IsIrregular(goMod))
            return null;
        try
        {
            return GoModFile.ParseLax("go.mod", File.ReadAllText(goMod.FullName, new UTF8Encoding(false))).Go;
        }
        catch (ModFileParseException)
        {
            return null;
        }
    }

    /// <summary>
    /// Walks <paramref name="dir"/> as Go's <c>filepath.Walk</c> does (names in byte order, links not followed), skipping
    /// VCS directories, nested modules and vendored packages, and leaving out everything that is not a regular file.
    /// </summary>
    public static (List<DirFile> Files, List<ZipFileError> Omitted) ListFilesInDir(string dir, bool go124, CancellationToken cancellationToken)
    {
        var files = new List<DirFile>();
        var omitted = new List<ZipFileError>();
        var root = new DirectoryInfo(dir);
        if (!root.Exists) throw new DirectoryNotFoundException($"lstat {dir}: no such file or directory");
        Walk(root, "", isModuleDir: false);
        return (files, omitted);

        // isModuleDir: a subdirectory reached normally, which is another module if it holds a go.mod that is not a
        // directory (Go uses lstat, so even a link named go.mod counts). Vendored directories are walked without that test.
        void Walk(DirectoryInfo d, string rel, bool isModuleDir)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var children = d.EnumerateFileSystemInfos().ToList();
            if (isModuleDir && children.Any(c => c.Name == "go.mod" && (c is not DirectoryInfo || IsLink(c))))
            {
                omitted.Add(new(rel, ErrSubmoduleDir));
                return;
            }
            children.Sort((a, b) => GoString.CompareOrdinal(a.Name, b.Name));
            foreach (var info in children)
            {
                var slashPath = rel.Length == 0 ? info.Name : rel + "/" + info.Name;
                var isDir = info is DirectoryInfo && !IsLink(info);
                if (IsVendoredPackage(slashPath, go124))
                {
                    // Go keeps walking into such a directory, so each file below is reported as well.
                    omitted.Add(new(slashPath, ErrVendored));
                    if (isDir) Walk((DirectoryInfo)info, slashPath, isModuleDir: false);
                    continue;
                }
                if (isDir)
                {
                    if (info.Name is ".bzr" or ".git" or ".hg" or ".svn") omitted.Add(new(slashPath, ErrVcs));
                    else Walk((DirectoryInfo)info, slashPath, isModuleDir: true);
                    continue;
                }
                if (IsLink(info) || info is not FileInfo file || FileKind.IsIrregular(file))
                {
                    omitted.Add(new(slashPath, ErrNotRegular));
                    continue;
                }
                files.Add(new DirFile(slashPath, file.FullName, IsDir: false, IsSymlink: false, IsRegular: true, Size: file.Length));
            }
        }
    }

    /// <summary>ModulePath.CheckFilePath's message for an invalid path, or null.</summary>
    public static string? FilePathError(string path)
    {
        if (ModulePath.IsValidFilePath(path)) return null;
        try
        {
            ModulePath.CheckFilePath(path);
            return null;
        }
        catch (ModulePathException e)
        {
            return e.Message;
        }
    }

    private static bool IsLink(FileSystemInfo info) => (info.Attributes & FileAttributes.ReparsePoint) != 0;

    /// <summary>
    /// Sorts <paramref name="files"/> into valid, omitted and invalid by Go's checkFiles rules, in the given order (which
    /// decides which of two colliding names is reported). The first error for a path wins.
    /// </summary>
    public static (CheckedFiles Checked, List<DirFile> Valid) CheckFiles(IReadOnlyList<DirFile> files, bool go124)
    {
        var valid = new List<DirFile>();
        var omitted = new List<ZipFileError>();
        var invalid = new List<ZipFileError>();
        var errorPaths = new HashSet<string>(StringComparer.Ordinal);
        string? sizeError = null;

        void AddError(string path, bool isOmitted, string reason)
        {
            if (!errorPaths.Add(path)) return;
            (isOmitted ? omitted : invalid).Add(new ZipFileError(path, reason));
        }

        // Directories holding a go.mod (of any case, if it is a regular file) are other modules.
        var haveGoMod = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in files)
        {
            var (dir, file) = GoPath.Split(f.Path);
            if (string.Equals(file, "go.mod", StringComparison.OrdinalIgnoreCase) && f.IsRegular) haveGoMod.Add(dir);
        }

        bool InSubmodule(string p)
        {
            while (true)
            {
                var (dir, _) = GoPath.Split(p);
                if (dir.Length == 0) return false;
                if (haveGoMod.Contains(dir)) return true;
                p = dir[..^1];
            }
        }

        var collisions = new CollisionChecker();
        var remaining = ModuleZip.MaxZipFile;
        foreach (var f in files)
        {
            var p = f.Path;
            if (p != GoPath.Clean(p)) { AddError(p, false, ErrPathNotClean); continue; }
            if (p.StartsWith('/')) { AddError(p, false, ErrPathNotRelative); continue; }
            if (IsVendoredPackage(p, go124)) { AddError(p, true, ErrVendored); continue; }
            if (InSubmodule(p)) { AddError(p, true, ErrSubmoduleFile); continue; }
            if (p == ".hg_archival.txt") { AddError(p, true, ErrHgArchivalTxt); continue; }
            if (FilePathError(p) is { } pathError) { AddError(p, false, pathError); continue; }
            if (p.ToLowerInvariant() == "go.mod" && p != "go.mod") { AddError(p, false, ErrGoModCase); continue; }
            if (collisions.Check(p, f.IsDir) is { } clash) { AddError(p, false, clash); continue; }
            if (f.IsSymlink) { AddError(p, true, ErrSymlink); continue; }
            if (!f.IsRegular) { AddError(p, true, ErrNotRegular); continue; }
            if (f.Size >= 0 && f.Size <= remaining) remaining -= f.Size;
            else sizeError ??= $"module source tree too large (max size is {ModuleZip.MaxZipFile} bytes)";
            if (p == "go.mod" && f.Size > ModuleZip.MaxGoMod) { AddError(p, false, ErrGoModSize); continue; }
            if (p == "LICENSE" && f.Size > ModuleZip.MaxLicense) { AddError(p, false, ErrLicenseSize); continue; }
            valid.Add(f);
        }
        return (new CheckedFiles(valid.Select(v => v.Path).ToList(), omitted, invalid, sizeError), valid);
    }
}
