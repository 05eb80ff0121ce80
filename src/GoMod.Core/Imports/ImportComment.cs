namespace GoMod.Core.Imports;

/// <summary>
/// A file's import comment (<c>package pdf // import "rsc.io/pdf"</c> or <c>package pdf /* import "rsc.io/pdf" */</c>)
/// as go/build's <c>findImportComment</c> finds it, with where it is.
/// </summary>
/// <param name="File">The file's full path.</param>
/// <param name="PackageName">The name in the file's package clause.</param>
/// <param name="Text">The comment's argument as written, quotes included (<c>"rsc.io/pdf"</c>).</param>
/// <param name="Path">The canonical import path the comment names, or null when <see cref="Text"/> is not a Go string literal.</param>
/// <param name="Line">1-based line of the comment (that of the package clause).</param>
/// <param name="Column">1-based byte column of the comment's <c>//</c> or <c>/*</c>, as go counts columns.</param>
public sealed record ImportComment(string File, string PackageName, string Text, string? Path, int Line, int Column);
