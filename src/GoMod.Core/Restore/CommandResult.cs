using GoMod.Core.Diagnostics;
using GoMod.Core.GoEnv;
using GoMod.Core.Reports;

namespace GoMod.Core.Restore;

/// <summary>What one of <see cref="ModuleCommands"/> produced: go's output, and its failure as diagnostics (none on success).</summary>
/// <param name="Output">The go command's stdout/stderr text and exit code.</param>
/// <param name="Diagnostics">The errors, each with a GOMOD code and, for graph errors, the main go.mod line.</param>
public sealed record CommandResult(GoOutput Output, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>The <c>-mod</c> mode the command ran in (decided as the restore decides it).</summary>
    public ModMode Mode { get; init; } = ModMode.ReadOnly;

    /// <summary>True when nothing failed.</summary>
    public bool Succeeded => Output.ExitCode == 0 && !Diagnostics.Any(d => d.IsError);
}
