namespace GoMod.Core.Diagnostics;

/// <summary>
/// One problem found while restoring, as data: the MSBuild tasks turn it into a log event, the restore cache stores it so
/// a skipped restore can replay it. <see cref="File"/>, <see cref="Line"/> and <see cref="Column"/> point into go.mod or
/// go.sum where the problem is (1-based; 0 when there is no position), so editors can jump there.
/// </summary>
/// <param name="Code">A code from <see cref="DiagnosticCodes"/>, e.g. <c>GOMOD0002</c>.</param>
/// <param name="Severity">Error or warning, fixed by the code.</param>
/// <param name="Message">What went wrong, in the go command's words where go has words for it.</param>
/// <param name="Fix">One sentence saying how to fix it.</param>
/// <param name="File">The file the problem is in, or null.</param>
/// <param name="Line">1-based line, or 0.</param>
/// <param name="Column">1-based column, or 0.</param>
public sealed record Diagnostic(
    string Code,
    DiagnosticSeverity Severity,
    string Message,
    string Fix,
    string? File = null,
    int Line = 0,
    int Column = 0)
{
    /// <summary>True for errors.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>The canonical one-line form, <c>file(line,col): error CODE: message</c>, as MSBuild prints it.</summary>
    public override string ToString()
    {
        var where = File is null ? "" : Line > 0 ? $"{File}({Line},{Math.Max(Column, 1)}): " : $"{File}: ";
        var kind = IsError ? "error" : "warning";
        return $"{where}{kind} {Code}: {Message} {Fix}";
    }
}
