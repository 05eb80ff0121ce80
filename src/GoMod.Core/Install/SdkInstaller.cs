using System.Xml.Linq;

namespace GoMod.Core.Install;

/// <summary>What <see cref="SdkInstaller.Install"/> did.</summary>
/// <param name="Destination">The installed SDK's directory.</param>
/// <param name="Version">The installed package's version (from its .nuspec), or null when the package has none.</param>
/// <param name="AlreadyInstalled">The package was already that directory (the build ran from the installed copy): nothing was copied.</param>
/// <param name="Replaced">Another copy stood there before and was replaced.</param>
public sealed record SdkInstallResult(string Destination, string? Version, bool AlreadyInstalled, bool Replaced);

/// <summary>
/// Copies an MSBuild SDK package (as NuGet extracted it: <c>Sdk/</c>, <c>build/</c>, <c>tasks/</c>, its .nuspec…) into a
/// .NET SDK's Sdks folder, where MSBuild finds an SDK by name before asking NuGet's SDK resolver, so a fresh
/// <c>dotnet build</c> does not load that resolver. The copy is made beside the destination under a hidden name and
/// renamed into place; an older copy is swapped out only once the new one is complete, and put back if the swap fails.
/// </summary>
public static class SdkInstaller
{
    /// <summary>Package files that are NuGet's own bookkeeping, not the SDK: not copied.</summary>
    private static bool IsNuGetBookkeeping(string name) =>
        name.EndsWith(".nupkg", StringComparison.OrdinalIgnoreCase) ||
        name.EndsWith(".nupkg.metadata", StringComparison.OrdinalIgnoreCase) ||
        name.EndsWith(".sha512", StringComparison.OrdinalIgnoreCase) ||
        name.Equals(".signature.p7s", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Installs the package in <paramref name="packageDirectory"/> as <paramref name="sdksDirectory"/>/<paramref name="name"/>.
    /// Throws <see cref="SdkInstallException"/> when it cannot; the destination is then as it was.
    /// </summary>
    public static SdkInstallResult Install(string packageDirectory, string sdksDirectory, string name)
    {
        var source = Path.TrimEndingDirectorySeparator(Path.GetFullPath(packageDirectory));
        var sdks = Path.TrimEndingDirectorySeparator(Path.GetFullPath(sdksDirectory));
        var destination = Path.Combine(sdks, name);
        var version = VersionOf(source);

        if (!Directory.Exists(sdks))
            throw new SdkInstallException(destination, $"{sdks} does not exist (MSBuildSDKsPath should be the Sdks folder of the .NET SDK that runs the build)");
        if (File.Exists(destination))
            throw new SdkInstallException(destination, "a file stands where the SDK's directory goes; remove it first");
        if (Directory.Exists(destination) && SameDirectory(source, destination))
            return new SdkInstallResult(destination, version, AlreadyInstalled: true, Replaced: false);

        // Builds of several projects (a solution) may install at once: one swap at a time.
        using var sdksLock = Lock(Path.Combine(sdks, $".{name}.lock"), destination);
        var token = Guid.NewGuid().ToString("N")[..12];
        var staging = Path.Combine(sdks, $".{name}.tmp-{token}");
        var previous = Path.Combine(sdks, $".{name}.old-{token}");
        var replaced = false;
        try
        {
            CopyTree(source, staging, top: true);
            if (Directory.Exists(destination))
            {
                Directory.Move(destination, previous);
                replaced = true;
                try
                {
                    Directory.Move(staging, destination);
                }
                catch
                {
                    Directory.Move(previous, destination);
                    replaced = false;
                    throw;
                }
            }
            else
            {
                Directory.Move(staging, destination);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(staging);
            throw new SdkInstallException(destination, e.Message, e);
        }
        if (replaced) TryDelete(previous);
        return new SdkInstallResult(destination, version, AlreadyInstalled: false, Replaced: replaced);
    }

    private static Internal.FileLock Lock(string path, string destination)
    {
        try
        {
            return Internal.FileLock.AcquireAsync(path, exclusive: true, create: true, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SdkInstallException(destination, e.Message, e);
        }
    }

    /// <summary>The version in the package's .nuspec (NuGet writes it beside the package's folders), or null.</summary>
    public static string? VersionOf(string packageDirectory)
    {
        if (!Directory.Exists(packageDirectory)) return null;
        foreach (var nuspec in Directory.EnumerateFiles(packageDirectory, "*.nuspec"))
        {
            try
            {
                var version = XDocument.Load(nuspec).Descendants().FirstOrDefault(e => e.Name.LocalName == "version")?.Value.Trim();
                if (!string.IsNullOrEmpty(version)) return version;
            }
            catch (Exception e) when (e is IOException or System.Xml.XmlException) { }
        }
        return null;
    }

    private static void CopyTree(string from, string to, bool top)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            var fileName = Path.GetFileName(file);
            if (top && IsNuGetBookkeeping(fileName)) continue;
            File.Copy(file, Path.Combine(to, fileName));
        }
        foreach (var dir in Directory.EnumerateDirectories(from))
        {
            // A link to a directory is copied as the directory it names would be: the package holds none.
            CopyTree(dir, Path.Combine(to, Path.GetFileName(dir)), top: false);
        }
    }

    private static bool SameDirectory(string a, string b) =>
        string.Equals(Internal.RealPaths.Of(a), Internal.RealPaths.Of(b),
            OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
