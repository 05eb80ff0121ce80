namespace GoMod.Core.ModFile;

/// <summary>An <c>exclude</c> line: a module version the main module refuses to use.</summary>
/// <param name="Path">The module path, unquoted.</param>
/// <param name="Version">The canonical version.</param>
public sealed record Exclusion(string Path, string Version);
