namespace GoMod.Core.Imports;

/// <summary>
/// A place in a Go source file as go reports it: the file (its name inside the package directory), the 1-based line,
/// and the 1-based column counted in bytes (go's <c>token.Position</c>).
/// </summary>
internal readonly record struct SourcePosition(string File, int Line, int Column)
{
    /// <summary><c>file:line:col</c>.</summary>
    public override string ToString() => $"{File}:{Line}:{Column}";

    /// <summary>The position of byte <paramref name="offset"/> of <paramref name="data"/> in file <paramref name="file"/>.</summary>
    public static SourcePosition At(string file, byte[] data, int offset)
    {
        int line = 1, lineStart = 0;
        offset = Math.Min(offset, data.Length);
        for (int i = 0; i < offset; i++)
        {
            if (data[i] != '\n') continue;
            line++;
            lineStart = i + 1;
        }
        return new SourcePosition(file, line, offset - lineStart + 1);
    }
}
