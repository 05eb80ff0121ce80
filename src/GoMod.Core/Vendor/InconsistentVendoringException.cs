namespace GoMod.Core.Vendor;

/// <summary>
/// vendor/modules.txt disagrees with go.mod: go's <c>inconsistent vendoring in DIR:</c>, each difference on its own
/// tab-indented line, then go's two hints (ignore vendor/ with <c>-mod=readonly</c> or <c>-mod=mod</c>, or run
/// <c>go mod vendor</c>, or <c>go work vendor</c> for a workspace's vendor/). The message is go's without the <c>go: </c> prefix.
/// </summary>
public sealed class InconsistentVendoringException(string moduleDir, IReadOnlyList<string> differences, bool workspace = false)
    : Exception("inconsistent vendoring in " + moduleDir + ":" + string.Concat(differences.Select(d => "\n\t" + d))
        + "\n\n\tTo ignore the vendor directory, use -mod=readonly or -mod=mod.\n\tTo sync the vendor directory, run:\n\t\tgo " + (workspace ? "work" : "mod") + " vendor")
{
    /// <summary>The main module's directory, or the workspace's (go names it, not the file).</summary>
    public string ModuleDir { get; } = moduleDir;

    /// <summary>The vendor/modules.txt that disagrees.</summary>
    public string ModulesTxt => Path.Combine(ModuleDir, "vendor", "modules.txt");

    /// <summary>Each difference, in go's words (<c>path@version: detail</c>).</summary>
    public IReadOnlyList<string> Differences { get; } = differences;
}
