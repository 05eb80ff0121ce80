namespace GoMod.Core.Imports;

/// <summary>
/// A package is imported by another path than the canonical one its import comment names (GOPATH-mode go's
/// <c>code in directory DIR expects import "PATH"</c>): importers should write <see cref="ImportInstead"/>.
/// Reported as an error; <see cref="ImportCommentMismatchWarningException"/> is the same finding as a warning.
/// </summary>
public class ImportCommentMismatchException(ImportComment comment, string directory, string importPath, bool mainModule)
    : ImportCommentException(Describe(comment, directory, importPath, mainModule), comment, directory, importPath)
{
    /// <summary>The canonical import path the comment names.</summary>
    public string CanonicalPath => Comment.Path!;

    /// <summary>The import to write instead of <see cref="ImportCommentException.ImportPath"/>: the canonical path.</summary>
    public string ImportInstead => Comment.Path!;

    /// <summary>True when the package is one of the main module's (the comment, or the module path, is the user's to correct).</summary>
    public bool MainModule { get; } = mainModule;

    private static string Describe(ImportComment comment, string directory, string importPath, bool mainModule)
    {
        var go = $"code in directory {directory} expects import \"{comment.Path}\"";
        return mainModule
            ? $"{go}; the main module gives it the path \"{importPath}\": correct the import comment, or import \"{comment.Path}\" from a module of that path"
            : $"{go}; import \"{comment.Path}\" instead of \"{importPath}\"";
    }
}
