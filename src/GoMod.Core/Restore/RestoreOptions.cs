namespace GoMod.Core.Restore;

/// <summary>
/// Everything a restore needs, mapped from MSBuild properties by the task: where go.mod is, the resolved Go environment,
/// and the switches. Values are taken as given; <see cref="ModuleRestorer"/> validates them and reports bad ones as
/// diagnostics.
/// </summary>
public sealed record RestoreOptions
{
    /// <summary>Full path of the main module's go.mod; go.sum is read beside it.</summary>
    public required string ModFile { get; init; }

    /// <summary>The resolved Go settings (GOPROXY, GOMODCACHE…).</summary>
    public GoEnvironment Environment { get; init; } = new();

    /// <summary>The explicit <c>-mod=</c> value (GoModMode): "", "readonly", "mod" or "vendor". Empty lets GOFLAGS and go's default decide.</summary>
    public string ModMode { get; init; } = "";

    /// <summary>GoVendor: write vendor/ as <c>go mod vendor</c> would.</summary>
    public bool WriteVendor { get; init; }

    /// <summary>GoImportComments: "error", "warning" or "none" (go ignores import comments in module mode: "none" is the default).</summary>
    public string ImportComments { get; init; } = "";

    /// <summary>True in design-time builds: never touch the network; report only what the module cache has.</summary>
    public bool Offline { get; init; }

    /// <summary>Receives download progress; may be null.</summary>
    public IProgress<RestoreProgress>? Progress { get; init; }

    /// <summary>The go.sum path that goes with <see cref="ModFile"/>.</summary>
    public string SumFile => System.IO.Path.Combine(System.IO.Path.GetDirectoryName(ModFile) ?? ".", "go.sum");
}
