using Microsoft.Build.Framework;
using MSBuildTask = Microsoft.Build.Utilities.Task;

namespace GoMod.Tasks;

/// <summary>
/// Decides whether the restore phase should restore the Go modules. <c>dotnet build -t:GoModVerify</c> (and
/// <c>GoModList</c>, <c>GoModGraph</c>, <c>GoModGet</c>) first runs a restore build that is not told which targets
/// follow; restoring there would go to the network and change the module cache that verify and the reports must see as
/// it is. So when the process command line names only such targets, the restore phase leaves the modules alone. When
/// the command line cannot tell (an MSBuild worker node, the MSBuild server, a response file), the restore runs as usual.
/// </summary>
public sealed class GoModRestorePhaseCheck : MSBuildTask
{
    /// <summary>The targets that work on the module cache as it is (GoModVerify, GoModList…).</summary>
    [Required] public string[] ReportTargets { get; set; } = [];

    /// <summary>True when the restore phase should restore.</summary>
    [Output] public bool Restore { get; private set; } = true;

    /// <inheritdoc />
    public override bool Execute()
    {
        var args = Environment.GetCommandLineArgs().Skip(1).ToList();
        if (RequestedTargets.NamesOnly(args, ReportTargets))
        {
            Restore = false;
            Log.LogMessage(MessageImportance.Normal,
                "GoMod: the restore phase leaves the Go modules as they are: the requested targets ({0}) work on what the module cache holds.",
                string.Join(";", RequestedTargets.Parse(args)));
        }
        return true;
    }
}
