using GoMod.Core.ModInit;

namespace GoMod.Tasks;

/// <summary>
/// <c>go mod init [path]</c> as a task: creates go.mod (GoModFile) for the project's directory, converting a legacy
/// manifest's pins into requirements as go 1.19 does. A thin adapter over <see cref="ModuleInitCommand"/>.
/// </summary>
public sealed class GoModInit : GoModCommandTask
{
    /// <summary>The module path (GoModulePath); empty to guess it as go does (import comments, Godeps.json, vendor.json, GOPATH).</summary>
    public string? ModulePath { get; set; }

    /// <inheritdoc />
    public override bool Execute() => Run((o, ct) => ModuleInitCommand.RunAsync(o, ModulePath?.Trim() ?? "", ct), out _);
}
