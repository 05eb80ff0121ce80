namespace GoMod.Core.Diagnostics;

/// <summary>How a diagnostic affects the build: an error stops it, a warning is reported and the build goes on.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Reported; the build continues.</summary>
    Warning,

    /// <summary>Reported; the restore fails.</summary>
    Error,
}
