namespace GoMod.Core.Imports;

/// <summary>
/// Two files of one package name different canonical paths (go/build's
/// <c>found import comments "A" (a.go) and "B" (b.go) in DIR</c>); the comment at fault is the later file's. Reported as
/// an error; <see cref="ConflictingImportCommentsWarningException"/> is the same finding as a warning.
/// </summary>
public class ConflictingImportCommentsException(ImportComment first, ImportComment comment, string directory, string importPath)
    : ImportCommentException(
        $"found import comments \"{first.Path}\" ({System.IO.Path.GetFileName(first.File)}) and \"{comment.Path}\" ({System.IO.Path.GetFileName(comment.File)}) in {directory}",
        comment, directory, importPath)
{
    /// <summary>The package's first import comment (by file name), which the later one contradicts.</summary>
    public ImportComment First { get; } = first;
}
