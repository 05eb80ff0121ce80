using GoMod.Core.Diagnostics;

namespace GoMod.Core.Reports;

/// <summary>What <see cref="ModuleVerifier.VerifyAsync"/> found.</summary>
/// <param name="Output">go mod verify's output: <c>all modules verified\n</c>, or its error lines.</param>
/// <param name="Diagnostics">Every problem as a diagnostic (none when all modules verified).</param>
public sealed record ModuleVerification(string Output, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when nothing was found modified and go.mod/go.sum could be read.</summary>
    public bool Succeeded => !Diagnostics.Any(d => d.IsError);
}
