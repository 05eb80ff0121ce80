namespace GoMod.Core.ModFile;

/// <summary>A <c>replace</c> line: <c>OldPath [OldVersion] =&gt; NewPath [NewVersion]</c>.</summary>
/// <param name="OldPath">The replaced module path.</param>
/// <param name="OldVersion">The replaced version; empty when every version is replaced.</param>
/// <param name="NewPath">The replacement module path, or a directory (rooted, or starting with <c>.</c> or <c>..</c>).</param>
/// <param name="NewVersion">The replacement version; empty when <see cref="NewPath"/> is a directory.</param>
public sealed record Replacement(string OldPath, string OldVersion, string NewPath, string NewVersion)
{
    /// <summary>Whether the replacement is a local directory rather than a module version.</summary>
    public bool IsDirectory => NewVersion.Length == 0;
}
