using Microsoft.Build.Framework;
using GoMod.Core.Diagnostics;
using GoMod.Core.GoBuild;

namespace GoMod.Tasks;

/// <summary>
/// Runs go build on the main module, hermetically (<see cref="GoBuildCommand"/>), and reports go's compile errors and
/// warnings at their file, line and column. A thin adapter over <see cref="GoBuilder"/>; <see cref="GoBuildPlan"/>
/// chose the go command.
/// </summary>
public sealed class GoBuild : GoBuildTaskBase
{
    /// <summary>The go executable (GoBuildPlan's Toolchain).</summary>
    [Required] public string Toolchain { get; set; } = "";

    /// <inheritdoc />
    public override bool Execute()
    {
        try
        {
            var request = CreateRequest();
            Log.LogMessage(MessageImportance.High, "GoBuild: running {0} {1} ({2}) -> {3}", Toolchain, string.Join(' ', GoBuildCommand.Arguments(request)),
                request.Platform, request.OutputFile ?? "(compile only)");
            var result = GoBuilder.BuildAsync(request, Toolchain, CancellationToken).GetAwaiter().GetResult();
            if (result.Output.Length > 0) Log.LogMessage(MessageImportance.Low, "{0}", result.Output.TrimEnd());
            foreach (var d in result.Diagnostics) DiagnosticLogger.Log(Log, d, DiagnosticReporting.Normal, HelpLinkBase);
            return result.Succeeded && !Log.HasLoggedErrors;
        }
        catch (OperationCanceledException e) when (CancellationToken.IsCancellationRequested)
        {
            DiagnosticLogger.Log(Log, FailureCodes.ToDiagnostic(e, message: "GoMod: go build canceled"), DiagnosticReporting.Normal, HelpLinkBase);
            return false;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            DiagnosticLogger.Log(Log, GoBuilder.Diagnose(e), DiagnosticReporting.Normal, HelpLinkBase);
            return false;
        }
    }
}
