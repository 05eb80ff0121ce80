namespace GoMod.Core.Diagnostics;

/// <summary>
/// One row of the diagnostic table (<see cref="DiagnosticCodes"/>, documented in docs/diagnostics.md): the code, its fixed
/// severity, a title and the one-sentence fix that every occurrence carries.
/// </summary>
public sealed record DiagnosticDescriptor(string Code, DiagnosticSeverity Severity, string Title, string Fix)
{
    /// <summary>An occurrence of this diagnostic with its message and, where one applies, its position.</summary>
    public Diagnostic Create(string message, string? file = null, int line = 0, int column = 0) =>
        new(Code, Severity, message, Fix, file, line, column);
}
