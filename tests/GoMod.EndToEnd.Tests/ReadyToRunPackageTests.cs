using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using GoMod.Testing;

namespace GoMod.EndToEnd.Tests;

/// <summary>
/// The packed task assemblies are ReadyToRun images on a linux-x64 packing host (GoModReadyToRun defaults to true there):
/// each carries a CLI header whose ManagedNativeHeader points at a READYTORUN header ("RTR"), is marked IL-library (its
/// IL and metadata are kept, so the runtime of any other OS or architecture JIT-compiles it), and targets linux-x64
/// (the PE machine is AMD64 with the Linux marker the runtime checks before using the native code).
/// -p:GoModReadyToRun=false packs the IL-only assemblies. That builds with the packed SDK still work is what every
/// other end-to-end test shows.
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

    private static readonly string[] TaskAssemblies = ["GoMod.Tasks.dll", "GoMod.Core.dll", "BouncyCastle.Crypto.dll"];

    private static bool PackingHostIsLinuxX64 =>
        OperatingSystem.IsLinux() && RuntimeInformation.OSArchitecture == Architecture.X64;

    [Fact]
    public void The_packed_task_assemblies_are_linux_x64_ReadyToRun_images_that_keep_their_IL()
    {
        var images = TaskImages(Path.Combine(sdk.Feed, $"GoMod.Sdk.{sdk.Version}.nupkg"));

        images.Keys.Order(StringComparer.Ordinal).ShouldBe(TaskAssemblies.Order(StringComparer.Ordinal));
        foreach (var (name, bytes) in images)
        {
            var image = Inspect(bytes);
            image.HasIl.ShouldBeTrue($"{name} keeps its metadata and method bodies");
            if (!PackingHostIsLinuxX64)
            {
                image.IsReadyToRun.ShouldBeFalse($"{name}: GoModReadyToRun is off by default off linux-x64");
                continue;
            }
            image.IsReadyToRun.ShouldBeTrue($"{name} has a READYTORUN header");
            image.IlLibrary.ShouldBeTrue($"{name} is marked IL library");
            image.Machine.ShouldBe(LinuxAmd64Machine, $"{name} targets linux-x64");
        }
    }

    [Fact]
    public void GoModReadyToRun_false_packs_the_IL_only_assemblies()
    {
        using var feed = new TempDirectory("e2e-sdk-il");
        var version = "0.1.0-e2e-il." + Guid.NewGuid().ToString("N")[..12];
        Dotnet.Run(Repo.Root, "pack", Repo.Combine("sdk/GoMod.Sdk.csproj"), "-c", Repo.Configuration, "--no-build",
                "-o", feed.Path, $"-p:PackageVersion={version}", "-p:GoModReadyToRun=false")
            .EnsureSuccess("dotnet pack sdk/GoMod.Sdk.csproj -p:GoModReadyToRun=false");

        var images = TaskImages(Path.Combine(feed.Path, $"GoMod.Sdk.{version}.nupkg"));

        images.Keys.Order(StringComparer.Ordinal).ShouldBe(TaskAssemblies.Order(StringComparer.Ordinal));
        foreach (var (name, bytes) in images)
        {
            var image = Inspect(bytes);
            image.HasIl.ShouldBeTrue(name);
            image.IsReadyToRun.ShouldBeFalse($"{name} is IL only");
            image.IlLibrary.ShouldBeFalse(name);
        }
    }

    /// <summary>The DLLs under tasks/net10.0/ in the package, by file name.</summary>
    private static Dictionary<string, byte[]> TaskImages(string nupkg)
    {
        File.Exists(nupkg).ShouldBeTrue(nupkg);
        using var zip = ZipFile.OpenRead(nupkg);
        var images = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            if (!entry.FullName.StartsWith("tasks/net10.0/", StringComparison.Ordinal) ||
                !entry.Name.EndsWith(".dll", StringComparison.Ordinal)) continue;
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
