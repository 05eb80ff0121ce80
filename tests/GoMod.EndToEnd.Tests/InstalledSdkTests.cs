using GoMod.Testing;
using static GoMod.EndToEnd.Tests.TestProject;

namespace GoMod.EndToEnd.Tests;

/// <summary>
/// <c>dotnet build -t:GoModInstallSdk</c>: the package copies itself into the .NET SDK that runs the build, and MSBuild
/// then finds <c>&lt;Sdk Name="GoMod.Sdk" /&gt;</c> there without NuGet (no feed, no package folder, whatever Version
/// the project names). Run on a copy of this machine's .NET installation, so the real one is never touched.
/// </summary>
[Collection(SdkCollection.Name)]
public sealed class InstalledSdkTests(SdkPackage sdk)
{
    /// <summary>
    /// A copy of the .NET installation that runs the tests, its files hard-linked where the file system allows (a copy
    /// otherwise); removed with <c>rm -rf</c>, which changes no shared file's mode as TempDirectory's removal would.
    /// </summary>
    private sealed class DotnetCopy : IDisposable
    {
        public DotnetCopy()
        {
            var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
                .Select(d => Path.Combine(d, "dotnet")).First(File.Exists);
            var real = new FileInfo(onPath).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? onPath;
            Root = Path.Combine(Path.GetTempPath(), "gomod-dotnet-" + Guid.NewGuid().ToString("N")[..12]);
            var source = Path.GetDirectoryName(real)!;
            if (ProcessRunner.Run("cp", ["-al", source, Root], Path.GetTempPath()).ExitCode != 0)
            {
                ProcessRunner.Run("rm", ["-rf", Root], Path.GetTempPath());
                ProcessRunner.Run("cp", ["-a", source, Root], Path.GetTempPath()).EnsureSuccess("cp -a of the .NET installation");
            }
        }

        public string Root { get; }

        public string Dotnet => Path.Combine(Root, "dotnet");

        /// <summary>The Sdks folder of every .NET SDK in the copy.</summary>
        public IEnumerable<string> SdksFolders => Directory.EnumerateDirectories(Path.Combine(Root, "sdk")).Select(d => Path.Combine(d, "Sdks"));

        public void Dispose() => ProcessRunner.Run("rm", ["-rf", Root], Path.GetTempPath());
    }

    private static ProcessResult Build(DotnetCopy dotnet, TestProject p, params string[] args) =>
        EndToEnd.Tests.Dotnet.RunWith(dotnet.Dotnet, p.Directory, GoInputs.Env(("GOMODCACHE", p.ModCache)), ["build", p.ProjectFile, "-nologo", .. args]);

    /// <summary>A C# project whose NuGet.config has an empty feed and an empty package folder: NuGet cannot supply GoMod.Sdk.</summary>
    private static TestProject WithoutNuGet(SdkPackage sdk, string reference)
    {
        var p = CSharp(sdk).WithModules();
        var xml = File.ReadAllText(p.ProjectFile).Replace($"""<Sdk Name="GoMod.Sdk" Version="{sdk.Version}" />""", reference);
        p.WriteProject(xml);
        Directory.CreateDirectory(p.Combine("empty-feed"));
        p.Write("NuGet.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources><clear /><add key="empty" value="{p.Combine("empty-feed")}" /></packageSources>
              <config><add key="globalPackagesFolder" value="{p.Combine("nuget-packages")}" /></config>
            </configuration>
            """);
        return p;
    }

    [Fact]
    public void The_installed_SDK_builds_projects_without_NuGet_whatever_version_they_name()
    {
        using var dotnet = new DotnetCopy();
        using var installer = CSharp(sdk).WithModules();

        var install = Build(dotnet, installer, "-t:GoModInstallSdk").EnsureSuccess("dotnet build -t:GoModInstallSdk");

        var sdks = dotnet.SdksFolders.Single(d => Directory.Exists(Path.Combine(d, "GoMod.Sdk")));
        var installed = Path.Combine(sdks, "GoMod.Sdk");
        install.StdOut.ShouldContain($"GoMod.Sdk {sdk.Version} installed in {installed}");
        File.Exists(Path.Combine(installed, "Sdk", "Sdk.props")).ShouldBeTrue();
        File.Exists(Path.Combine(installed, "tasks", "net10.0", "GoMod.Tasks.dll")).ShouldBeTrue();
        Directory.EnumerateFiles(installed, "*.nupkg").ShouldBeEmpty();
        // Only the target ran: the restore phase left the Go modules alone.
        Directory.Exists(installer.ModCache).ShouldBeFalse();

        using var unversioned = WithoutNuGet(sdk, """<Sdk Name="GoMod.Sdk" />""");
        using var otherVersion = WithoutNuGet(sdk, """<Sdk Name="GoMod.Sdk" Version="99.0.0" />""");
        foreach (var p in new[] { unversioned, otherVersion })
        {
            var build = Build(dotnet, p).EnsureSuccess("dotnet build with the installed SDK");
            Modules(build).Select(m => m[0]).ShouldContain("example.com/greeting");
            Directory.Exists(Path.Combine(p.ModCache, "example.com", "greeting@v1.1.0")).ShouldBeTrue();
            Directory.Exists(p.Combine("nuget-packages", "gomod.sdk")).ShouldBeFalse();
        }

        var again = Build(dotnet, unversioned, "-t:GoModInstallSdk").EnsureSuccess("GoModInstallSdk from the installed copy");
        again.StdOut.ShouldContain($"GoMod.Sdk {sdk.Version} is installed in {installed}, and this build ran from it");
        // Only the install lock stays beside it: no staging or replaced copy.
        Directory.GetFileSystemEntries(sdks, ".GoMod.Sdk*").Select(Path.GetFileName).ShouldBe([".GoMod.Sdk.lock"]);
    }

    [Fact]
    public void A_file_where_the_SDK_goes_fails_the_install_with_GOMOD0903_and_is_left_alone()
    {
        using var dotnet = new DotnetCopy();
        using var p = CSharp(sdk).WithModules();
        var blockers = dotnet.SdksFolders.Select(d => Path.Combine(d, "GoMod.Sdk")).ToList();
        foreach (var b in blockers) File.WriteAllText(b, "in the way");

        var install = Build(dotnet, p, "-t:GoModInstallSdk");

        install.ExitCode.ShouldNotBe(0);
        install.StdOut.ShouldContain("error GOMOD0903");
        install.StdOut.ShouldContain("a file stands where the SDK's directory goes");
        foreach (var b in blockers) File.ReadAllText(b).ShouldBe("in the way");
    }
}
