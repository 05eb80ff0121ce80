using Microsoft.Build.Framework;
using GoMod.Core.Restore;

namespace GoMod.Tasks;

/// <summary>
/// <c>go mod graph</c> as a task: prints the requirement graph exactly as go does and writes it to a file when asked.
/// A thin adapter over <see cref="ModuleCommands"/>.
/// </summary>
public sealed class GoModGraph : GoModCommandTask
{
    /// <summary>Where to write the <c>go mod graph</c> text (full path; empty for none).</summary>
    public string? OutputFile { get; set; }

    /// <summary>The <c>go mod graph</c> text.</summary>
    [Output] public string Output { get; private set; } = "";

    /// <inheritdoc />
    public override bool Execute()
    {
        if (!Run(ModuleCommands.GraphAsync, out var result)) return false;
        Output = result.Output.StdOut;
        Log.LogMessage(MessageImportance.High, "{0}", Output.TrimEnd('\n'));
        WriteOutput(OutputFile, Output);
        return true;
    }
}
