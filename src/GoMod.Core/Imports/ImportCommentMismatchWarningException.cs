namespace GoMod.Core.Imports;

/// <summary>An <see cref="ImportCommentMismatchException"/> reported as a warning (GoImportComments=warning, the default for dependencies).</summary>
public sealed class ImportCommentMismatchWarningException(ImportComment comment, string directory, string importPath, bool mainModule)
    : ImportCommentMismatchException(comment, directory, importPath, mainModule);
