namespace GoMod.Core.Vcs;

/// <summary>One <c>&lt;meta name="go-import" content="prefix vcs repo-root"&gt;</c> tag.</summary>
public sealed record MetaImport(string Prefix, string Vcs, string RepoRoot);
