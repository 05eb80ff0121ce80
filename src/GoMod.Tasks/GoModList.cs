using Microsoft.Build.Framework;
using GoMod.Core.Restore;

namespace GoMod.Tasks;

/// <summary>
/// <c>go list -m all</c> as a task: prints the build list in go's format and writes it (and, when asked, the
/// <c>go list -m -json all</c> form) to files, byte for byte what go prints. A thin adapter over <see cref="ModuleCommands"/>.
/// </summary>
public sealed class GoModList : GoModCommandTask
{
    /// <summary>Where to write the <c>go list -m all</c> text (full path; empty for none).</summary>
    public string? OutputFile { get; set; }

    /// <summary>Where to write the <c>go list -m -json all</c> text (full path; empty for none).</summary>
    public string? JsonOutputFile { get; set; }

    /// <summary>The <c>go list -m all</c> text.</summary>
    [Output] public string Output { get; private set; } = "";

    /// <inheritdoc />
    public override bool Execute()
    {
        if (!Run((o, ct) => ModuleCommands.ListAsync(o, json: false, ct), out var text)) return false;
        Output = text.Output.StdOut;
        Log.LogMessage(MessageImportance.High, "{0}", Output.TrimEnd('\n'));
        WriteOutput(OutputFile, Output);
        if (string.IsNullOrEmpty(JsonOutputFile)) return true;
        if (!Run((o, ct) => ModuleCommands.ListAsync(o, json: true, ct), out var json)) return false;
        WriteOutput(JsonOutputFile, json.Output.StdOut);
        return true;
    }
}
