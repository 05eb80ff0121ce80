namespace GoMod.Core.GoBuild;

/// <summary>
/// A compile error go reported at a position in a source file (<c>./main.go:7:2: undefined: x</c>): the compiler's,
/// cgo's or the C compiler's. <see cref="File"/> is absolute; <see cref="Column"/> is 0 when go gave none.
/// </summary>
public class GoCompileException(string file, int line, int column, string message, string? package = null) : Exception(message)
{
    /// <summary>The source file (absolute path).</summary>
    public string File { get; } = file;

    /// <summary>1-based line.</summary>
    public int Line { get; } = line;

    /// <summary>1-based column, or 0.</summary>
    public int Column { get; } = column;

    /// <summary>The package being compiled when go reported it (go's <c># import/path</c> header), if any.</summary>
    public string? Package { get; } = package;
}
