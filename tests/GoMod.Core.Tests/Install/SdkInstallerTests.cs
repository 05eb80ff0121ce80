using GoMod.Core.Diagnostics;
using GoMod.Core.Install;
using GoMod.Testing;

namespace GoMod.Core.Tests.Install;

/// <summary>
/// Installing the SDK package into a .NET SDK's Sdks folder: what is copied, how an older copy is replaced, and that a
/// failure leaves the folder as it was (no half-copied SDK, no hidden staging directory).
/// </summary>
public sealed class SdkInstallerTests : IDisposable
{
    private readonly TempDirectory _dir = new("sdk-install");

    public void Dispose() => _dir.Dispose();

    /// <summary>A package folder as NuGet extracts it, with a marker in Sdk/Sdk.props.</summary>
    private string Package(string version, string marker)
    {
        var root = _dir.Combine("packages", "gomod.sdk", version);
        _dir.Write($"packages/gomod.sdk/{version}/gomod.sdk.nuspec",
            $"""<?xml version="1.0"?><package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd"><metadata><id>GoMod.Sdk</id><version>{version}</version></metadata></package>""");
        _dir.Write($"packages/gomod.sdk/{version}/Sdk/Sdk.props", $"<Project><!-- {marker} --></Project>");
        _dir.Write($"packages/gomod.sdk/{version}/tasks/net10.0/GoMod.Tasks.dll", marker);
        _dir.Write($"packages/gomod.sdk/{version}/gomod.sdk.{version}.nupkg", "zip");
        _dir.Write($"packages/gomod.sdk/{version}/gomod.sdk.{version}.nupkg.sha512", "hash");
        _dir.Write($"packages/gomod.sdk/{version}/.nupkg.metadata", "{}");
        return root;
    }

    private string Sdks()
    {
        var sdks = _dir.Combine("dotnet", "sdk", "10.0.100", "Sdks");
        Directory.CreateDirectory(Path.Combine(sdks, "Microsoft.NET.Sdk"));
        return sdks;
    }

    /// <summary>The Sdks folder's entries but the install lock (a hidden, empty file left there as go leaves its lock files).</summary>
    private static List<string?> Entries(string sdks) =>
        [.. Directory.GetFileSystemEntries(sdks).Select(Path.GetFileName).Where(n => n != ".GoMod.Sdk.lock").Order(StringComparer.Ordinal)];

    private static List<string> Tree(string root) =>
        Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void The_package_is_copied_without_NuGets_bookkeeping_and_its_version_read_from_the_nuspec()
    {
        var package = Package("1.2.3", "first");
        var sdks = Sdks();

        var result = SdkInstaller.Install(package, sdks, "GoMod.Sdk");

        result.ShouldBe(new SdkInstallResult(Path.Combine(sdks, "GoMod.Sdk"), "1.2.3", AlreadyInstalled: false, Replaced: false));
        Tree(result.Destination).ShouldBe(["Sdk", "Sdk/Sdk.props", "gomod.sdk.nuspec", "tasks", "tasks/net10.0", "tasks/net10.0/GoMod.Tasks.dll"]);
        Entries(sdks).ShouldBe(["GoMod.Sdk", "Microsoft.NET.Sdk"]);
    }

    [Fact]
    public void An_older_copy_is_replaced_whole_and_nothing_hidden_is_left_beside_it()
    {
        var sdks = Sdks();
        SdkInstaller.Install(Package("1.0.0", "old"), sdks, "GoMod.Sdk");
        _dir.Write("dotnet/sdk/10.0.100/Sdks/GoMod.Sdk/Sdk/only-in-old.targets", "<Project />");

        var result = SdkInstaller.Install(Package("2.0.0", "new"), sdks, "GoMod.Sdk");

        result.Replaced.ShouldBeTrue();
        result.Version.ShouldBe("2.0.0");
        File.ReadAllText(Path.Combine(result.Destination, "Sdk", "Sdk.props")).ShouldContain("new");
        File.Exists(Path.Combine(result.Destination, "Sdk", "only-in-old.targets")).ShouldBeFalse();
        Entries(sdks).ShouldBe(["GoMod.Sdk", "Microsoft.NET.Sdk"]);
    }

    [Fact]
    public void Installs_running_at_once_each_succeed_and_leave_one_whole_copy()
    {
        // A solution's projects built in parallel, each running GoModInstallSdk from the same package.
        var sdks = Sdks();
        var package = Package("1.0.0", "p");
        for (int round = 0; round < 10; round++)
        {
            var results = new SdkInstallResult[16];
            Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i => results[i] = SdkInstaller.Install(package, sdks, "GoMod.Sdk"));

            results.ShouldAllBe(r => r.Version == "1.0.0");
            Tree(Path.Combine(sdks, "GoMod.Sdk")).ShouldBe(["Sdk", "Sdk/Sdk.props", "gomod.sdk.nuspec", "tasks", "tasks/net10.0", "tasks/net10.0/GoMod.Tasks.dll"]);
            Entries(sdks).ShouldBe(["GoMod.Sdk", "Microsoft.NET.Sdk"]);
        }
    }

    [Fact]
    public void A_build_running_from_the_installed_copy_copies_nothing()
    {
        var sdks = Sdks();
        var installed = SdkInstaller.Install(Package("1.0.0", "old"), sdks, "GoMod.Sdk").Destination;
        var before = File.GetLastWriteTimeUtc(Path.Combine(installed, "Sdk", "Sdk.props"));
        // The same directory named through a symbolic link (a dotnet root reached through /usr/bin/dotnet's link).
        var link = _dir.Combine("link-to-sdks");
        Directory.CreateSymbolicLink(link, sdks);

        var result = SdkInstaller.Install(Path.Combine(link, "GoMod.Sdk"), sdks, "GoMod.Sdk");

        result.AlreadyInstalled.ShouldBeTrue();
        result.Version.ShouldBe("1.0.0");
        File.GetLastWriteTimeUtc(Path.Combine(installed, "Sdk", "Sdk.props")).ShouldBe(before);
    }

    [Fact]
    public void A_failed_copy_leaves_the_installed_copy_as_it_was_and_no_staging_directory()
    {
        var sdks = Sdks();
        SdkInstaller.Install(Package("1.0.0", "old"), sdks, "GoMod.Sdk");
        var package = Package("2.0.0", "new");
        // A file that cannot be read midway through the copy: a link to nothing.
        File.CreateSymbolicLink(Path.Combine(package, "tasks", "net10.0", "zz-missing.dll"), _dir.Combine("nowhere"));

        var e = Should.Throw<SdkInstallException>(() => SdkInstaller.Install(package, sdks, "GoMod.Sdk"));

        e.Destination.ShouldBe(Path.Combine(sdks, "GoMod.Sdk"));
        FailureCodes.For(e).Code.ShouldBe("GOMOD0903");
        File.ReadAllText(Path.Combine(sdks, "GoMod.Sdk", "Sdk", "Sdk.props")).ShouldContain("old");
        Entries(sdks).ShouldBe(["GoMod.Sdk", "Microsoft.NET.Sdk"]);
    }

    [Fact]
    public void A_file_where_the_SDK_goes_or_a_missing_Sdks_folder_is_an_error_that_changes_nothing()
    {
        var sdks = Sdks();
        var file = Path.Combine(sdks, "GoMod.Sdk");
        File.WriteAllText(file, "not a directory");
        var package = Package("1.0.0", "p");

        var blocked = Should.Throw<SdkInstallException>(() => SdkInstaller.Install(package, sdks, "GoMod.Sdk"));
        var missing = Should.Throw<SdkInstallException>(() => SdkInstaller.Install(package, _dir.Combine("no-such-sdk", "Sdks"), "GoMod.Sdk"));

        blocked.Message.ShouldContain("a file stands where the SDK's directory goes");
        File.ReadAllText(file).ShouldBe("not a directory");
        missing.Message.ShouldContain("does not exist");
        Directory.Exists(_dir.Combine("no-such-sdk")).ShouldBeFalse();
        Entries(sdks).ShouldBe(["GoMod.Sdk", "Microsoft.NET.Sdk"]);
    }
}
