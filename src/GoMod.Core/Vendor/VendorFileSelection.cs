using GoMod.Core.Imports;

namespace GoMod.Core.Vendor;

/// <summary>
/// Which files of a module's directory <c>go mod vendor</c> copies (go 1.19's <c>matchPotentialSourceFile</c> and
/// <c>matchMetadata</c>). Only regular files directly in the directory count (no subdirectories, no symbolic links).
/// </summary>
public static class VendorFileSelection
{
    /// <summary>Names whose prefix marks a license or metadata file, copied from every parent directory of a vendored package up to its module root.</summary>
    public static readonly IReadOnlyList<string> MetadataPrefixes =
        ["AUTHORS", "CONTRIBUTORS", "COPYLEFT", "COPYING", "COPYRIGHT", "LEGAL", "LICENSE", "NOTICE", "PATENTS"];

    /// <summary>
    /// Whether a file of a vendored package's directory is copied: every file except <c>_test.go</c> files, <c>.go</c>
    /// files whose build constraints exclude them whatever the tags (<c>//go:build ignore</c>: go evaluates every tag as
    /// both true and false, except <c>ignore</c>), and go.mod/go.sum when the main module says go 1.17 or later. A
    /// <c>.go</c> file whose header cannot be read is kept; GOOS/GOARCH file-name suffixes do not matter.
    /// </summary>
    public static bool IsPackageFile(string name, Func<byte[]> read, bool dropGoModAndSum)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(read);
        if (name.EndsWith("_test.go", StringComparison.Ordinal)) return false;
        if (dropGoModAndSum && name is "go.mod" or "go.sum") return false;
        if (!name.EndsWith(".go", StringComparison.Ordinal)) return true;
        var data = read();
        var (_, error) = GoSourceScanner.ReadImports(data);
        return error is not null || GoSourceScanner.ShouldBuild(data);
    }

    /// <summary>Whether a file name is a license or metadata file (<see cref="MetadataPrefixes"/>, case-sensitive).</summary>
    public static bool IsMetadataFile(string name) =>
        MetadataPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal));

    /// <summary>The regular files directly in <paramref name="dir"/> (symbolic links excluded, as go's directory entries report them), by name.</summary>
    public static IEnumerable<string> RegularFiles(string dir) =>
        new DirectoryInfo(dir).EnumerateFiles()
            .Where(f => (f.Attributes & FileAttributes.ReparsePoint) == 0)
            .Select(f => f.Name)
            .Order(StringComparer.Ordinal);
}
