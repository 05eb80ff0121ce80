namespace GoMod.Core.ModFile;

/// <summary>A <c>require</c> line.</summary>
/// <param name="Path">The module path, unquoted.</param>
/// <param name="Version">The canonical version.</param>
/// <param name="Indirect">
/// Whether the line's end-of-line comment is <c>// indirect</c> or starts with <c>// indirect;</c>.
/// </param>
public sealed record Requirement(string Path, string Version, bool Indirect = false);
