namespace GoMod.Core.GoBuild;

/// <summary>
/// A warning go's build printed at a position in a source file (cgo's C compiler: <c>./lib.go:12:3: warning: …</c>),
/// reported as an MSBuild warning. A value, never thrown.
/// </summary>
public sealed class GoCompileWarningException(string file, int line, int column, string message, string? package = null) : Exception(message)
{
    /// <summary>The source file (absolute path).</summary>
    public string File { get; } = file;

    /// <summary>1-based line.</summary>
    public int Line { get; } = line;

    /// <summary>1-based column, or 0.</summary>
    public int Column { get; } = column;

    /// <summary>The package being compiled, if go named it.</summary>
    public string? Package { get; } = package;
}
