namespace GoMod.Core.GoBuild;

/// <summary>
/// The go command line and environment of a build. The build is hermetic: go never downloads or resolves anything
/// itself. It finds every module where the SDK's restore put it and may not fetch one (<c>GOPROXY=off</c>,
/// <c>GOSUMDB=off</c>: go.sum was checked by the restore and go still checks the module cache against it), uses no
/// workspace but the one the restore followed (<c>GOWORK=off</c> otherwise) and no other toolchain (<c>GOTOOLCHAIN=local</c>), and ignores the user's GOFLAGS and
/// <c>go env -w</c> file (<c>GOENV=off</c>); <c>-mod=mod</c> (or <c>-mod=vendor</c> when the SDK wrote vendor/)
/// is the only flag it gets that way.
/// </summary>
public static class GoBuildCommand
{
    /// <summary>Go environment variables the user's environment may set that would change where modules come from; removed.</summary>
    private static readonly string[] Cleared = ["GONOPROXY", "GONOSUMDB", "GOPRIVATE", "GOINSECURE", "GOVCS"];

    /// <summary>
    /// <c>build -buildmode=… -buildvcs=false [-trimpath] [-tags=…] [-ldflags=…] -o out packages…</c>. VCS stamping is off
    /// (it would run git on the working tree); <see cref="GoBuildMode.Default"/> writes to the null device, which go
    /// takes as "compile, keep nothing", also for several packages.
    /// </summary>
    public static IReadOnlyList<string> Arguments(GoBuildRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var args = new List<string>
        {
            "build",
            "-buildmode=" + request.Mode switch
            {
                GoBuildMode.CShared => "c-shared",
                GoBuildMode.CArchive => "c-archive",
                GoBuildMode.Default => "default",
                _ => "exe",
            },
            "-buildvcs=false",
        };
        if (request.TrimPath) args.Add("-trimpath");
        if (request.Tags.Count > 0) args.Add("-tags=" + string.Join(',', request.Tags));
        if (request.LdFlags.Length > 0) args.Add("-ldflags=" + request.LdFlags);
        args.Add("-o");
        args.Add(request.Mode == GoBuildMode.Default || request.OutputFile is null ? DevNull : request.OutputFile);
        args.Add("--");
        args.AddRange(request.Packages.Count == 0 ? ["."] : request.Packages);
        return args;
    }

    /// <summary>
    /// What to set in the go process's environment (a null value removes the variable): the hermetic settings, the
    /// SDK's module cache, the build cache, GOOS/GOARCH and CGO_ENABLED.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> Environment(GoBuildRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var env = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["GOPROXY"] = "off",
            ["GOSUMDB"] = "off",
            // In a workspace go accepts only -mod=readonly (the restore wrote go.work.sum).
            ["GOFLAGS"] = request.WorkFile is not null ? "-mod=readonly" : request.Vendor ? "-mod=vendor" : "-mod=mod",
            ["GOMODCACHE"] = request.ModCache,
            ["GOCACHE"] = request.GoCache,
            ["GOWORK"] = request.WorkFile ?? "off",
            ["GOTOOLCHAIN"] = "local",
            ["GOENV"] = "off",
            ["GO111MODULE"] = "on",
            ["GOOS"] = request.Platform.Os,
            ["GOARCH"] = request.Platform.Arch,
            ["CGO_ENABLED"] = CgoEnabled(request) is { } cgo ? (cgo ? "1" : "0") : null,
        };
        foreach (var name in Cleared) env[name] = null;
        return env;
    }

    /// <summary>
    /// CGO_ENABLED: GoCgoEnabled when set; else on for <c>c-shared</c> and <c>c-archive</c>, which need cgo; else go's
    /// own default (on for the host when a C compiler exists, off for a cross build), never the user's environment.
    /// </summary>
    public static bool? CgoEnabled(GoBuildRequest request) =>
        request.CgoEnabled ?? (request.Mode is GoBuildMode.CShared or GoBuildMode.CArchive ? true : null);

    /// <summary>The null device, as go recognises it for <c>-o</c>.</summary>
    public static string DevNull => OperatingSystem.IsWindows() ? "NUL" : "/dev/null";
}
