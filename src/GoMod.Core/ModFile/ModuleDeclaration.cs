namespace GoMod.Core.ModFile;

/// <summary>The <c>module</c> directive: the module path and its deprecation message.</summary>
/// <param name="Path">The module path, unquoted.</param>
/// <param name="Deprecated">
/// The text of the first comment paragraph above or beside the directive that starts with <c>Deprecated:</c>
/// (case-sensitive), without that prefix; paragraphs are separated by an empty <c>//</c> line. Empty if none.
/// </param>
public sealed record ModuleDeclaration(string Path, string Deprecated);
