using System.IO.Compression;
using GoMod.Core.Module;

namespace GoMod.Core.Zip;

// Interim stand-in for the sum-zip helper's ModuleZip (deleted on merge).
public sealed class ModuleZipException(string message) : Exception(message);

public static class ModuleZip
{
    public const long MaxZipFile = 500L << 20;

    public static void Unzip(string targetDir, ModuleVersion m, string zipFile)
    {
        var prefix = m.Path + "@" + m.Version + "/";
        using var zip = ZipFile.OpenRead(zipFile);
        foreach (var e in zip.Entries)
        {
            if (!e.FullName.StartsWith(prefix, StringComparison.Ordinal) || e.FullName.Contains(".."))
                throw new ModuleZipException($"{e.FullName}: file path must have prefix {prefix}");
        }
        Directory.CreateDirectory(targetDir);
        foreach (var e in zip.Entries)
        {
            if (e.FullName.EndsWith('/')) continue;
            var dest = Path.Combine(targetDir, e.FullName[prefix.Length..]);
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            e.ExtractToFile(dest);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(dest, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
    }
}
