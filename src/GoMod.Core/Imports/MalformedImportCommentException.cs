namespace GoMod.Core.Imports;

/// <summary>
/// An import comment whose argument is not a Go string literal (go/build's <c>FILE:LINE: cannot parse import comment</c>).
/// Reported as an error; <see cref="MalformedImportCommentWarningException"/> is the same finding as a warning.
/// </summary>
public class MalformedImportCommentException(ImportComment comment, string directory, string importPath)
    : ImportCommentException($"{comment.File}:{comment.Line}: cannot parse import comment", comment, directory, importPath);
