
namespace GoMod.Core.ModLoad;

/// <summary>
/// go.mod must change to be consistent but <c>-mod=readonly</c> forbids it (go's <c>errGoModDirty</c>:
/// <c>updates to go.mod needed[, disabled by -mod=readonly]; to update it: go mod tidy</c>).
/// </summary>
public sealed class ModFileUpdateNeededException(bool modFlagExplicit) : GoCommandException(modFlagExplicit
    ? "updates to go.mod needed, disabled by -mod=readonly; to update it:\n\tgo mod tidy"
    : "updates to go.mod needed; to update it:\n\tgo mod tidy")
{
    /// <summary>True when <c>-mod=readonly</c> was given explicitly (go then names it).</summary>
    public bool ModFlagExplicit { get; } = modFlagExplicit;
}
