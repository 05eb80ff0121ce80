using System.Globalization;

namespace GoMod.Core.ModFile;

/// <summary>
/// One error in a go.mod file (x/mod's modfile.Error): the file, the 1-based line and column (in runes) where it was
/// found, and go's message, including any <c>verb path: </c> prefix go puts before it.
/// </summary>
/// <param name="File">The file name as given to the parser.</param>
/// <param name="Line">1-based line; 0 when the error has no position.</param>
/// <param name="Column">1-based column in runes; directive errors point at the first token of their line.</param>
/// <param name="Message">The text after the position, e.g. <c>unknown directive: foo</c>.</param>
public sealed record ModFileError(string File, int Line, int Column, string Message)
{
    /// <summary>
    /// The error as go prints it: <c>file:line:col: message</c>, where go leaves out a column of 1 (the start of a
    /// line, as for every directive outside a block) and prints <c>file:line: message</c> instead.
    /// </summary>
    public override string ToString()
    {
        if (Column > 1) return string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}:{Column}: {Message}");
        if (Line > 0) return string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}: {Message}");
        return File.Length > 0 ? $"{File}: {Message}" : Message;
    }
}
