namespace GoMod.Core.Mvs;

/// <summary>
/// Whether the transitive requirements of a module are pruned out of the graph
/// (go ≥ 1.17 modules list every module they need, so only their own go.mod is read; see go.dev/ref/mod#graph-pruning).
/// </summary>
public enum ModulePruning
{
    /// <summary>Go 1.17 or later: only the module's direct requirements enter the graph.</summary>
    Pruned,

    /// <summary>Before Go 1.17 (or no go line): the full transitive closure enters the graph.</summary>
    Unpruned,
}
