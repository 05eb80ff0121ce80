using System.Text;
using Microsoft.Build.Framework;
using GoMod.Core.Diagnostics;
using GoMod.Core.Internal;
using GoMod.Core.Restore;

namespace GoMod.Tasks;

/// <summary>
/// A GoMod task that runs one go command (<see cref="ModuleCommands"/>): logs its failure as GOMOD diagnostics, its
/// stderr lines as messages, and writes output files exactly as go prints the text.
/// </summary>
public abstract class GoModCommandTask : GoModTask
{
    /// <summary>Runs the command; returns false (with errors logged) when it fails.</summary>
    protected bool Run(Func<RestoreOptions, CancellationToken, Task<CommandResult>> command, out CommandResult result)
    {
        try
        {
            result = command(BuildOptions(), CancellationToken).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException e) when (CancellationToken.IsCancellationRequested)
        {
            DiagnosticLogger.Log(Log, FailureCodes.ToDiagnostic(e, message: "GoMod: canceled"), DiagnosticReporting.Normal, HelpLinkBase);
            result = null!;
            return false;
        }
        foreach (var d in result.Diagnostics) DiagnosticLogger.Log(Log, d, DiagnosticReporting.Normal, HelpLinkBase);
        if (!result.Diagnostics.Any(d => d.IsError))
            foreach (var line in result.Output.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                Log.LogMessage(MessageImportance.High, "{0}", line);
        return !Log.HasLoggedErrors;
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="file"/> (temp-then-rename, only when it changes), creating its folder.</summary>
    protected static void WriteOutput(string? file, string text)
    {
        if (string.IsNullOrEmpty(file)) return;
        var full = Path.GetFullPath(file);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        AtomicFile.WriteIfChanged(full, Encoding.UTF8.GetBytes(text));
    }
}
