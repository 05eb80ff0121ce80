using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using MSBuildTask = Microsoft.Build.Utilities.Task;

namespace GoMod.Tasks;

/// <summary>
/// Publishes <c>@(GoModule)</c> in a no-op build of a project whose build list is too long for the g.props (past
/// <see cref="ModuleItems.EvaluationLimit"/> modules): reads obj/&lt;project&gt;.gomod.modules, which the restore wrote
/// beside its cache file, and returns one item per line, equal to what <see cref="GoModReport"/> returns from the cache.
/// It runs only when the cache file is the one evaluation saw and holds no warning to replay, and it touches no GoMod.Core
/// type, so such a build loads GoMod.Tasks alone and parses no JSON. When the file is missing or not whole, it returns
/// nothing and <see cref="Read"/> false, and GoModReport publishes from the cache file instead.
/// </summary>
public sealed class GoModPublishModules : MSBuildTask
{
    /// <summary>The modules file (obj/&lt;project&gt;.gomod.modules).</summary>
    [Required] public string ListFile { get; set; } = "";

    /// <summary>The build list, one item per module, with the metadata of <see cref="ModuleListFile.MetadataNames"/>.</summary>
    [Output] public ITaskItem[] Modules { get; private set; } = [];

    /// <summary>True when the file was read whole.</summary>
    [Output] public bool Read { get; private set; }

    /// <inheritdoc />
    public override bool Execute()
    {
        string text;
        try
        {
            text = File.ReadAllText(ListFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.LogMessage(MessageImportance.Low, "GoMod: cannot read {0} ({1}); publishing from the restore cache.", ListFile, e.Message);
            return true;
        }
        var rows = ModuleListFile.Parse(text);
        if (rows is null)
        {
            Log.LogMessage(MessageImportance.Low, "GoMod: {0} is not a whole module list; publishing from the restore cache.", ListFile);
            return true;
        }
        var items = new ITaskItem[rows.Count];
        var names = ModuleListFile.MetadataNames;
        for (var k = 0; k < rows.Count; k++)
        {
            var row = rows[k];
            // The values are escaped already, the form TaskItem keeps them in (as ModuleItems.ToItems gives them).
            var item = new TaskItem(row[0]);
            for (var i = 0; i < names.Length; i++) item.SetMetadata(names[i], row[i + 1]);
            items[k] = item;
        }
        Modules = items;
        Read = true;
        return true;
    }
}
