using System.Runtime.InteropServices;
using GoMod.Core.Restore;

namespace GoMod.Core.GoBuild;

/// <summary>
/// A Go target platform (GOOS/GOARCH) and how .NET names it: a runtime identifier <c>&lt;os&gt;[-&lt;qualifier&gt;]-&lt;arch&gt;</c>
/// (<c>linux-x64</c>, <c>linux-musl-arm64</c>, <c>win-x86</c>, <c>osx-arm64</c>) maps to go's names
/// (<c>linux/amd64</c>, <c>linux/arm64</c>, <c>windows/386</c>, <c>darwin/arm64</c>).
/// </summary>
public readonly record struct GoPlatform(string Os, string Arch)
{
    /// <summary>The platform this process runs on, in go's names.</summary>
    public static GoPlatform Host => new(
        OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "darwin" : OperatingSystem.IsFreeBSD() ? "freebsd" : "linux",
        ArchOf(RuntimeInformation.OSArchitecture));

    /// <summary>True for Windows, whose executables end in .exe and shared libraries in .dll.</summary>
    public bool IsWindows => Os == "windows";

    /// <summary>
    /// The platform of a runtime identifier: the first dash-separated part names the operating system (a version after a
    /// dot, as in <c>osx.13</c>, is ignored), the last the architecture; qualifiers between (<c>musl</c>, <c>bionic</c>)
    /// do not change go's names.
    /// </summary>
    /// <exception cref="InvalidPropertyException">The identifier names an OS or architecture go does not build for.</exception>
    public static GoPlatform FromRuntimeIdentifier(string runtimeIdentifier)
    {
        ArgumentNullException.ThrowIfNull(runtimeIdentifier);
        var parts = runtimeIdentifier.Trim().ToLowerInvariant().Split('-');
        if (parts.Length < 2) throw Invalid(runtimeIdentifier, "it has no architecture part");
        var osPart = parts[0].Split('.')[0];
        var os = osPart switch
        {
            "linux" or "ubuntu" or "debian" or "alpine" or "rhel" or "fedora" or "centos" or "opensuse" or "sles" or "tizen" => "linux",
            "win" or "windows" => "windows",
            "osx" or "macos" or "maccatalyst" => "darwin",
            "freebsd" => "freebsd",
            "netbsd" => "netbsd",
            "openbsd" => "openbsd",
            "illumos" => "illumos",
            "solaris" => "solaris",
            "android" => "android",
            "ios" or "iossimulator" => "ios",
            "browser" => "js",
            "wasi" => "wasip1",
            _ => null,
        } ?? throw Invalid(runtimeIdentifier, $"go builds for no operating system called '{osPart}'");
        var arch = parts[^1] switch
        {
            "x64" => "amd64",
            "x86" => "386",
            "arm64" => "arm64",
            "arm" => "arm",
            "armel" => "arm",
            "s390x" => "s390x",
            "ppc64le" => "ppc64le",
            "riscv64" => "riscv64",
            "loongarch64" => "loong64",
            "mips64" => "mips64",
            "wasm" => "wasm",
            _ => null,
        } ?? throw Invalid(runtimeIdentifier, $"go builds for no architecture called '{parts[^1]}'");
        return new GoPlatform(os, arch);
    }

    /// <summary>
    /// The platform a build targets: GoOS/GoArch when set (each wins on its own), else the runtime identifier's, else the host's.
    /// </summary>
    public static GoPlatform Resolve(string? goOs, string? goArch, string? runtimeIdentifier)
    {
        var basis = string.IsNullOrWhiteSpace(runtimeIdentifier) ? Host : FromRuntimeIdentifier(runtimeIdentifier);
        return new GoPlatform(
            string.IsNullOrWhiteSpace(goOs) ? basis.Os : goOs.Trim(),
            string.IsNullOrWhiteSpace(goArch) ? basis.Arch : goArch.Trim());
    }

    /// <summary><c>os/arch</c>, as go prints a platform.</summary>
    public override string ToString() => Os + "/" + Arch;

    private static string ArchOf(Architecture a) => a switch
    {
        Architecture.X64 => "amd64",
        Architecture.X86 => "386",
        Architecture.Arm64 => "arm64",
        Architecture.Arm or Architecture.Armv6 => "arm",
        Architecture.S390x => "s390x",
        Architecture.Ppc64le => "ppc64le",
        Architecture.RiscV64 => "riscv64",
        Architecture.LoongArch64 => "loong64",
        Architecture.Wasm => "wasm",
        _ => a.ToString().ToLowerInvariant(),
    };

    private static InvalidPropertyException Invalid(string rid, string why) =>
        new("RuntimeIdentifier", rid, $"RuntimeIdentifier={rid} cannot be built by go: {why} (set GoOS and GoArch to go's names instead)");
}
