namespace GoMod.Core.Sum;

/// <summary>
/// A go.sum line that does not have exactly three fields. The message is the go command's:
/// <c>malformed go.sum:\nFILE:LINE: wrong number of fields N</c>.
/// </summary>
public sealed class GoSumParseException : FormatException
{
    public GoSumParseException(string fileName, int line, int fieldCount)
        : base($"malformed go.sum:\n{fileName}:{line}: wrong number of fields {fieldCount}")
    {
        FileName = fileName;
        Line = line;
        FieldCount = fieldCount;
    }

    /// <summary>The file name as given to the parser.</summary>
    public string FileName { get; }

    /// <summary>The 1-based line number.</summary>
    public int Line { get; }

    /// <summary>How many whitespace-separated fields the line had.</summary>
    public int FieldCount { get; }
}
