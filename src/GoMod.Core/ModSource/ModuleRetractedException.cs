using GoMod.Core.Module;

namespace GoMod.Core.ModSource;

/// <summary>
/// The selected version of a module was retracted by its author (go get's warning
/// <c>path@version: retracted by module author[: rationale]</c>, with only the first rationale shown, as go does).
/// </summary>
public sealed class ModuleRetractedException(ModuleVersion module, IReadOnlyList<string> rationale)
    : Exception($"{module.Path}@{module.Version}: {Describe(rationale)}")
{
    private const string Retracted = "retracted by module author";

    /// <summary>The retracted module version.</summary>
    public ModuleVersion Module { get; } = module;

    /// <summary>Every rationale of the retractions covering the version (go lists <c>retracted by module author</c> for a bare one).</summary>
    public IReadOnlyList<string> Rationale { get; } = rationale;

    private static string Describe(IReadOnlyList<string> rationale) =>
        rationale is [] or [Retracted] ? Retracted : $"{Retracted}: {DisallowedVersionException.ShortMessage(rationale[0], Retracted)}";
}
