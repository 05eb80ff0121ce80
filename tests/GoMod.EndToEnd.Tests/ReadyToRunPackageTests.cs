using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using GoMod.Testing;
using static GoMod.EndToEnd.Tests.TestProject;

namespace GoMod.EndToEnd.Tests;

/// <summary>
/// On a linux-x64 packing host (GoModReadyToRun defaults to true there) the package carries, beside the IL-only task
/// assemblies in tasks/net10.0/, tasks/net10.0/linux-x64/ where GoMod.Tasks.dll and GoMod.Core.dll are ReadyToRun
/// images: a CLI header whose ManagedNativeHeader points at a READYTORUN header ("RTR"), marked IL-library (metadata and
/// IL kept), PE machine AMD64 with the Linux marker; BouncyCastle.Crypto.dll stays IL. A build on a linux-x64 host
/// loads the tasks from that folder (an image for another platform would not load at all). -p:GoModReadyToRun=false
/// packs tasks/net10.0/ alone. That builds with the packed SDK still work is what every other end-to-end test shows.
/// </summary>
[Collection(SdkCollection.Name)]
public sealed class ReadyToRunPackageTests(SdkPackage sdk)
{
    /// <summary>The READYTORUN_HEADER signature, "RTR" little-endian.</summary>
    private const uint ReadyToRunSignature = 0x00525452;

    /// <summary>COMIMAGE_FLAGS_IL_LIBRARY: the CLI header flag crossgen sets on a ReadyToRun image that keeps its IL.</summary>
    private const int IlLibraryFlag = 0x4;

    /// <summary>The PE machine of a linux-x64 ReadyToRun image: AMD64 xor the Linux marker (0x7B79).</summary>
    private const ushort LinuxAmd64Machine = 0x8664 ^ 0x7B79;

    private const string IlFolder = "tasks/net10.0/";
    private const string ReadyToRunFolder = "tasks/net10.0/linux-x64/";

    private static readonly string[] TaskAssemblies = ["BouncyCastle.Crypto.dll", "GoMod.Core.dll", "GoMod.Tasks.dll"];
    private static readonly string[] Compiled = ["GoMod.Core.dll", "GoMod.Tasks.dll"];

    private static bool HostIsLinuxX64 => RuntimeInformation.RuntimeIdentifier == "linux-x64";

    private string Nupkg => Path.Combine(sdk.Feed, $"GoMod.Sdk.{sdk.Version}.nupkg");

    [Fact]
    public void The_package_keeps_the_IL_task_assemblies_in_tasks_net10_0()
    {
        var images = TaskImages(Nupkg, IlFolder);

        images.Keys.Order(StringComparer.Ordinal).ShouldBe(TaskAssemblies);
        foreach (var (name, bytes) in images)
        {
            var image = Inspect(bytes);
            image.HasIl.ShouldBeTrue(name);
            image.IsReadyToRun.ShouldBeFalse($"{name} in {IlFolder} is IL only");
            image.IlLibrary.ShouldBeFalse(name);
        }
    }

    [Fact]
    public void On_linux_x64_the_package_carries_linux_x64_ReadyToRun_images_of_the_tasks_that_keep_their_IL()
    {
        var images = TaskImages(Nupkg, ReadyToRunFolder);
        if (!HostIsLinuxX64)
        {
            images.ShouldBeEmpty("GoModReadyToRun is off by default off linux-x64");
            return;
        }

        images.Keys.Order(StringComparer.Ordinal).ShouldBe(TaskAssemblies);
        foreach (var (name, bytes) in images)
        {
            var image = Inspect(bytes);
            image.HasIl.ShouldBeTrue($"{name} keeps its metadata and method bodies");
            if (!Compiled.Contains(name))
            {
                image.IsReadyToRun.ShouldBeFalse($"{name} is packed as IL");
                continue;
            }
            image.IsReadyToRun.ShouldBeTrue($"{name} has a READYTORUN header");
            image.IlLibrary.ShouldBeTrue($"{name} is marked IL library");
            image.Machine.ShouldBe(LinuxAmd64Machine, $"{name} targets linux-x64");
        }
    }

    [Fact]
    public void A_build_on_linux_x64_loads_the_tasks_from_the_ReadyToRun_folder()
    {
        using var p = CSharp(sdk).WithModules();
        var (build, log) = p.DotnetWithLog(GoInputs.Env(), "build");

        build.EnsureSuccess("build");
        Modules(build).Select(m => m[0]).ShouldContain("example.com/greeting");
        var folder = HostIsLinuxX64 ? "/tasks/net10.0/linux-x64/GoMod.Tasks.dll" : "/tasks/net10.0/GoMod.Tasks.dll";
        log.ShouldContain($"task from assembly \"{sdk.Packages}/gomod.sdk/{sdk.Version}{folder}\"");
    }

    [Fact]
    public void GoModReadyToRun_false_packs_the_IL_only_assemblies_alone()
    {
        using var feed = new TempDirectory("e2e-sdk-il");
        var version = "0.1.0-e2e-il." + Guid.NewGuid().ToString("N")[..12];
        Dotnet.Run(Repo.Root, "pack", Repo.Combine("sdk/GoMod.Sdk.csproj"), "-c", Repo.Configuration, "--no-build",
                "-o", feed.Path, $"-p:PackageVersion={version}", "-p:GoModReadyToRun=false")
            .EnsureSuccess("dotnet pack sdk/GoMod.Sdk.csproj -p:GoModReadyToRun=false");
        var nupkg = Path.Combine(feed.Path, $"GoMod.Sdk.{version}.nupkg");

        TaskImages(nupkg, ReadyToRunFolder).ShouldBeEmpty();
        var images = TaskImages(nupkg, IlFolder);
        images.Keys.Order(StringComparer.Ordinal).ShouldBe(TaskAssemblies);
        foreach (var (name, bytes) in images)
        {
            var image = Inspect(bytes);
            image.HasIl.ShouldBeTrue(name);
            image.IsReadyToRun.ShouldBeFalse($"{name} is IL only");
        }
    }

    /// <summary>The DLLs directly in <paramref name="folder"/> of the package, by file name.</summary>
    private static Dictionary<string, byte[]> TaskImages(string nupkg, string folder)
    {
        File.Exists(nupkg).ShouldBeTrue(nupkg);
        using var zip = ZipFile.OpenRead(nupkg);
        var images = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            if (entry.FullName != folder + entry.Name || !entry.Name.EndsWith(".dll", StringComparison.Ordinal)) continue;
            using var input = entry.Open();
            using var copy = new MemoryStream();
            input.CopyTo(copy);
            images[entry.Name] = copy.ToArray();
        }
        return images;
    }

    private static ImageFacts Inspect(byte[] bytes)
    {
        using var pe = new PEReader(new MemoryStream(bytes));
        var cor = pe.PEHeaders.CorHeader ?? throw new InvalidOperationException("no CLI header");
        var native = cor.ManagedNativeHeaderDirectory;
        var isReadyToRun = false;
        if (native.Size > 0)
        {
            var header = pe.GetSectionData(native.RelativeVirtualAddress).GetReader();
            isReadyToRun = header.ReadUInt32() == ReadyToRunSignature;
        }
        var hasIl = pe.HasMetadata && HasMethodBodies(pe);
        return new ImageFacts(isReadyToRun, ((int)cor.Flags & IlLibraryFlag) != 0, (ushort)pe.PEHeaders.CoffHeader.Machine, hasIl);
    }

    /// <summary>True when the metadata has methods and every method with a body RVA has a readable IL body.</summary>
    private static bool HasMethodBodies(PEReader pe)
    {
        var md = pe.GetMetadataReader();
        var bodies = 0;
        foreach (var handle in md.MethodDefinitions)
        {
            var rva = md.GetMethodDefinition(handle).RelativeVirtualAddress;
            if (rva == 0) continue;
            if (pe.GetMethodBody(rva).GetILBytes() is not { Length: > 0 }) return false;
            bodies++;
        }
        return bodies > 0;
    }

    private sealed record ImageFacts(bool IsReadyToRun, bool IlLibrary, ushort Machine, bool HasIl);
}
