namespace GoMod.Core.Vcs;

/// <summary>
/// Where an import path's code lives (go's <c>vcs.RepoRoot</c>): the repository URL with its scheme, the import
/// path of the repository root, the VCS (<c>git</c>, or <c>mod</c> for a module proxy at <paramref name="Repo"/>),
/// and whether a go-import meta tag (rather than go's table of hosting sites) said so.
/// </summary>
public sealed record RepoRoot(string Repo, string Root, string Vcs, bool IsCustom);
