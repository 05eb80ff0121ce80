namespace GoMod.Core.Imports;

/// <summary>How a package's import comments are checked (GoImportComments).</summary>
public enum ImportCommentSeverity
{
    /// <summary>Not checked.</summary>
    None,

    /// <summary>A disagreement is a warning.</summary>
    Warning,

    /// <summary>A disagreement is an error.</summary>
    Error,
}
