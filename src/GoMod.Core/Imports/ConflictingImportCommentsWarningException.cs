namespace GoMod.Core.Imports;

/// <summary>A <see cref="ConflictingImportCommentsException"/> reported as a warning (GoImportComments=warning, the default for dependencies).</summary>
public sealed class ConflictingImportCommentsWarningException(ImportComment first, ImportComment comment, string directory, string importPath)
    : ConflictingImportCommentsException(first, comment, directory, importPath);
