using Microsoft.Build.Framework;
using GoMod.Core.Diagnostics;
using GoMod.Core.Reports;

namespace GoMod.Tasks;

/// <summary>
/// <c>go mod verify</c> as a task: prints go's output (<c>all modules verified</c>) or fails with one GOMOD error per
/// modified module. A thin adapter over <see cref="ModuleVerifier"/>.
/// </summary>
public sealed class GoModVerify : GoModTask
{
    /// <summary>What go mod verify would print.</summary>
    [Output] public string Output { get; private set; } = "";

    /// <inheritdoc />
    public override bool Execute()
    {
        try
        {
            var result = ModuleVerifier.VerifyAsync(BuildOptions(), CancellationToken).GetAwaiter().GetResult();
            Output = result.Output;
            foreach (var d in result.Diagnostics) DiagnosticLogger.Log(Log, d, DiagnosticReporting.Normal, HelpLinkBase);
            if (result.Succeeded) Log.LogMessage(MessageImportance.High, "{0}", result.Output.TrimEnd('\n'));
            return !Log.HasLoggedErrors;
        }
        catch (OperationCanceledException e) when (CancellationToken.IsCancellationRequested)
        {
            DiagnosticLogger.Log(Log, FailureCodes.ToDiagnostic(e, message: "GoMod: verify canceled"), DiagnosticReporting.Normal, HelpLinkBase);
            return false;
        }
    }
}
