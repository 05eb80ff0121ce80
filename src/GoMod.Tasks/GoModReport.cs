using Microsoft.Build.Framework;
using MSBuildTask = Microsoft.Build.Utilities.Task;
using GoMod.Core.Restore;

namespace GoMod.Tasks;

/// <summary>
/// Publishes the build list and reports the warnings of the last successful restore from its cache file. It runs in
/// every build whose restore did work or left warnings, whether GoModRestore ran or was skipped as up to date, so a
/// skipped restore never hides a warning and every build reports each warning once. Reads one small file; no module logic.
/// </summary>
public sealed class GoModReport : MSBuildTask
{
    /// <summary>The no-op cache file GoModRestore wrote.</summary>
    [Required] public string CacheFile { get; set; } = "";

    /// <summary>Base of help links (see <see cref="GoModRestore.HelpLinkBase"/>).</summary>
    public string? HelpLinkBase { get; set; }

    /// <summary>The build list from the cache; empty when there is no cache.</summary>
    [Output] public ITaskItem[] Modules { get; private set; } = [];

    /// <inheritdoc />
    public override bool Execute()
    {
        var cache = RestoreCache.Read(CacheFile);
        if (cache is null)
        {
            Log.LogMessage(MessageImportance.Low, "GoMod: no restore cache at {0}; nothing to report.", CacheFile);
            return true;
        }
        foreach (var d in cache.Diagnostics) DiagnosticLogger.Log(Log, d, DiagnosticReporting.Normal, HelpLinkBase);
        Modules = ModuleItems.ToItems(cache.Modules);
        return !Log.HasLoggedErrors;
    }
}
