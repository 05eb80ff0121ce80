namespace GoMod.Core.Imports;

/// <summary>
/// An import comment go would refuse in GOPATH mode, found in a package the build loads: where the comment is (file,
/// line, column), the package's directory and the import path the build gives the package.
/// </summary>
public abstract class ImportCommentException(string message, ImportComment comment, string directory, string importPath)
    : Exception(message)
{
    /// <summary>The comment at fault.</summary>
    public ImportComment Comment { get; } = comment;

    /// <summary>The file holding the comment.</summary>
    public string File => Comment.File;

    /// <summary>1-based line of the comment.</summary>
    public int Line => Comment.Line;

    /// <summary>1-based column of the comment's <c>//</c> or <c>/*</c>.</summary>
    public int Column => Comment.Column;

    /// <summary>The package's directory.</summary>
    public string Directory { get; } = directory;

    /// <summary>The import path the package is loaded by (its module's path and its directory within the module).</summary>
    public string ImportPath { get; } = importPath;
}
