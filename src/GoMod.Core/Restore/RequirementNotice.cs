namespace GoMod.Core.Restore;

/// <summary>
/// What the latest go.mod of a directly required module said about the selected version, as the restore's
/// retraction/deprecation lookup found it: its <c>Deprecated:</c> message ("" for none) and the rationales of the
/// retractions covering the version (empty when not retracted; "retracted by module author" when none is given).
/// </summary>
public sealed record RequirementNotice(string Path, string Version, string Deprecated, IReadOnlyList<string> Retracted);
