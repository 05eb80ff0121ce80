using GoMod.Core.GoBuild;
using GoMod.Core.WorkFile;

namespace GoMod.Tasks;

/// <summary>
/// The properties of the GoBuild target (GoPackages, GoBuildMode, GoTags, GoLdFlags, GoTrimPath, GoCgoEnabled, GoOS,
/// GoArch, RuntimeIdentifier, GoCache…) shared by <see cref="GoBuildPlan"/> and <see cref="GoBuild"/>, and the one
/// <see cref="GoBuildRequest"/> they describe.
/// </summary>
public abstract class GoBuildTaskBase : GoModTask
{
    /// <summary>GoPackages: package patterns, <c>;</c>-separated (default <c>.</c>).</summary>
    public string? Packages { get; set; }

    /// <summary>GoBuildMode: exe, c-shared, c-archive or default.</summary>
    public string? BuildMode { get; set; }

    /// <summary>GoTags: build tags.</summary>
    public string? Tags { get; set; }

    /// <summary>GoLdFlags: the -ldflags value.</summary>
    public string? LdFlags { get; set; }

    /// <summary>GoTrimPath (default true).</summary>
    public string? TrimPath { get; set; }

    /// <summary>GoCgoEnabled: true, false or empty (the mode decides).</summary>
    public string? CgoEnabled { get; set; }

    /// <summary>GoOS; wins over the runtime identifier's.</summary>
    public string? GoOS { get; set; }

    /// <summary>GoArch; wins over the runtime identifier's.</summary>
    public string? GoArch { get; set; }

    /// <summary>The project's RuntimeIdentifier, if any.</summary>
    public string? RuntimeIdentifier { get; set; }

    /// <summary>GoCache: the go build cache (GOCACHE).</summary>
    public string? GoCache { get; set; }

    /// <summary>Where the build writes its files (obj/…/gobuild/).</summary>
    public string IntermediateDirectory { get; set; } = "";

    /// <summary>GoOutputName: the base name of what the build writes (default the project's AssemblyName).</summary>
    public string? OutputName { get; set; }

    /// <summary>True when the SDK wrote vendor/ (go builds with -mod=vendor).</summary>
    public bool Vendor { get; set; }

    /// <summary>The base name of the files the build writes (GoOutputName, else <c>go</c>).</summary>
    protected string OutputBaseName => string.IsNullOrWhiteSpace(OutputName) ? "go" : OutputName.Trim();

    /// <summary>The request these properties describe; throws the typed failure of a bad value.</summary>
    protected GoBuildRequest CreateRequest()
    {
        var options = BuildOptions();
        var env = options.ResolveEnvironment();
        var mode = GoBuildRequest.ParseMode(BuildMode);
        var platform = GoPlatform.Resolve(GoOS, GoArch, RuntimeIdentifier);
        var outputs = GoBuildOutput.For(mode, platform, OutputBaseName);
        var moduleDir = Path.GetDirectoryName(options.ModFile)!;
        return new GoBuildRequest
        {
            ModuleDirectory = moduleDir,
            Packages = GoBuildRequest.SplitList(Packages) is { Count: > 0 } p ? p : ["."],
            Mode = mode,
            Platform = platform,
            Tags = GoBuildRequest.SplitList(Tags),
            LdFlags = LdFlags?.Trim() ?? "",
            TrimPath = GoBuildRequest.ParseSwitch("GoTrimPath", TrimPath) ?? true,
            CgoEnabled = GoBuildRequest.ParseSwitch("GoCgoEnabled", CgoEnabled),
            OutputFile = outputs.Count > 0 ? Path.GetFullPath(Path.Combine(IntermediateDirectory, outputs[0].FileName)) : null,
            ModCache = env.ModCache,
            GoCache = Path.GetFullPath(string.IsNullOrWhiteSpace(GoCache) ? Path.Combine(IntermediateDirectory, "gocache") : GoCache.Trim(), moduleDir),
            Vendor = Vendor,
            WorkFile = GoWorkLocator.Find(moduleDir, env) is { } work && File.Exists(work) ? work : null,
        };
    }
}
