using GoMod.Core.Module;

namespace GoMod.Core.ModInit;

/// <summary>
/// What a legacy dependency manifest pins (go's <c>modconv</c> result): the pinned paths with their revisions or
/// versions exactly as written (a path is a repository or package path, not necessarily a module path), and for
/// dep's <c>source</c> entries, the repository the pin is fetched from instead.
/// </summary>
/// <param name="Require">The pins in file order, duplicates kept.</param>
/// <param name="Replace">dep's <c>source</c> redirections: the pinned path and revision, and the source path at the same revision.</param>
public sealed record LegacyManifest(IReadOnlyList<ModuleVersion> Require, IReadOnlyList<LegacyReplacement> Replace);
