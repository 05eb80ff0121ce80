namespace GoMod.Core.Restore;

/// <summary>vendor/modules.txt disagrees with go.mod (go's <c>inconsistent vendoring</c>, each difference on its own line).</summary>
public sealed class InconsistentVendoringException(string modulesTxt, IReadOnlyList<string> differences)
    : Exception("inconsistent vendoring in " + Path.GetDirectoryName(Path.GetDirectoryName(modulesTxt)) + ":\n\t" + string.Join("\n\t", differences))
{
    /// <summary>The vendor/modules.txt that disagrees.</summary>
    public string ModulesTxt { get; } = modulesTxt;

    /// <summary>Each difference, in go's words.</summary>
    public IReadOnlyList<string> Differences { get; } = differences;
}
