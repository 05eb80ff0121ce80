namespace GoMod.Core.Imports;

/// <summary>A <see cref="MalformedImportCommentException"/> reported as a warning (GoImportComments=warning, the default for dependencies).</summary>
public sealed class MalformedImportCommentWarningException(ImportComment comment, string directory, string importPath)
    : MalformedImportCommentException(comment, directory, importPath);
