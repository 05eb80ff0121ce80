using GoMod.Core.GoEnv;

namespace GoMod.Core.GoBuild;

/// <summary>
/// What a build compiles for, as go decides it: the platform, whether cgo is on, and the <c>-tags</c>. It decides which
/// files a package load reads, so the restore loads for the build that follows it.
/// </summary>
/// <param name="Platform">GOOS/GOARCH.</param>
/// <param name="Cgo">Whether files importing <c>"C"</c> are built (the <c>cgo</c> build tag).</param>
/// <param name="Tags">The extra build tags (go's <c>-tags</c>).</param>
public sealed record BuildTarget(GoPlatform Platform, bool Cgo, IReadOnlyList<string> Tags)
{
    /// <summary>
    /// The target of a <c>go build</c> in <paramref name="env"/>: GOOS/GOARCH as set, else this machine's; CGO_ENABLED
    /// when it is <c>0</c> or <c>1</c>, else go's default (<see cref="CgoDefault"/>); <paramref name="tags"/> (GoTags)
    /// when given, else GOFLAGS's <c>-tags</c>, as a <c>-tags</c> on go's command line replaces the one in GOFLAGS; the
    /// tool tags of GOEXPERIMENT for that GOARCH.
    /// </summary>
    public static BuildTarget Resolve(GoEnvironment env, string? tags, Func<string, string?> getEnvironmentVariable)
    {
        ArgumentNullException.ThrowIfNull(env);
        var platform = new GoPlatform(env.GoOS ?? GoPlatform.Host.Os, env.GoArch ?? GoPlatform.Host.Arch);
        var cgo = env.CgoEnabled switch
        {
            "1" => true,
            "0" => false,
            _ => CgoDefault(platform, env.CC, getEnvironmentVariable),
        };
        return new BuildTarget(platform, cgo, GoBuildRequest.SplitList(tags ?? env.Flags.Tags))
        {
            ToolTags = GoExperiments.ToolTags(platform.Arch, env.GoExperiment),
        };
    }

    /// <summary>The toolchain's own tags: <c>goexperiment.*</c> for each experiment GOEXPERIMENT leaves on (<see cref="GoExperiments"/>).</summary>
    public IReadOnlyList<string> ToolTags { get; init; } = [];

    /// <summary>
    /// go's CGO_ENABLED when it is unset: off for a cross build (another GOOS/GOARCH than this machine's) and on
    /// platforms cgo does not support; otherwise on, when CC is set or the default C compiler (<c>clang</c> where
    /// that is the system's compiler, else <c>gcc</c>) is on PATH. The compiler check is go 1.20's rule; go 1.19
    /// turned cgo on without it, which differs only where no C compiler is installed, where cgo code cannot build.
    /// </summary>
    public static bool CgoDefault(GoPlatform platform, string? cc, Func<string, string?> getEnvironmentVariable)
    {
        if (platform != GoPlatform.Host || !CgoPlatforms.Contains(platform.ToString())) return false;
        if (!string.IsNullOrEmpty(cc)) return true;
        var compiler = platform.Os is "darwin" or "ios" or "freebsd" or "openbsd" ? "clang" : "gcc";
        return GoToolchain.OnPath(compiler, getEnvironmentVariable) is not null;
    }

    /// <summary>
    /// One line for a restore's inputs hash: everything here, so that another platform, cgo setting or tag list
    /// loads again.
    /// </summary>
    public string Key => $"GOOS={Platform.Os} GOARCH={Platform.Arch} cgo={Cgo} tags={string.Join(',', Tags)} tooltags={string.Join(',', ToolTags)}";

    /// <summary>The platforms go supports cgo on (go/build's list, go 1.19).</summary>
    private static readonly HashSet<string> CgoPlatforms = new(StringComparer.Ordinal)
    {
        "aix/ppc64", "android/386", "android/amd64", "android/arm", "android/arm64", "darwin/amd64", "darwin/arm64",
        "dragonfly/amd64", "freebsd/386", "freebsd/amd64", "freebsd/arm", "freebsd/arm64",
        "illumos/amd64", "ios/amd64", "ios/arm64", "linux/386", "linux/amd64", "linux/arm", "linux/arm64",
        "linux/loong64", "linux/mips", "linux/mips64", "linux/mips64le", "linux/mipsle", "linux/ppc64le",
        "linux/riscv64", "linux/s390x", "linux/sparc64", "netbsd/386", "netbsd/amd64", "netbsd/arm", "netbsd/arm64",
        "openbsd/386", "openbsd/amd64", "openbsd/arm", "openbsd/arm64", "openbsd/mips64", "solaris/amd64",
        "windows/386", "windows/amd64", "windows/arm64",
    };
}
