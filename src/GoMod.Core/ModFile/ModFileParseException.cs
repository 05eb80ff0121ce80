namespace GoMod.Core.ModFile;

/// <summary>
/// A go.mod file that does not parse. <see cref="Exception.Message"/> is go's text: every error as
/// <c>go.mod:LINE[:COL]: message</c>, one per line, in file order. The only exception the parsers throw.
/// </summary>
public sealed class ModFileParseException : Exception
{
    /// <summary>Creates the exception for one or more errors (at least one).</summary>
    public ModFileParseException(IReadOnlyList<ModFileError> errors)
        : base(string.Join("\n", errors))
    {
        if (errors.Count == 0) throw new ArgumentException("a parse exception needs at least one error", nameof(errors));
        Errors = errors;
    }

    /// <summary>The errors, in the order go reports them.</summary>
    public IReadOnlyList<ModFileError> Errors { get; }
}
