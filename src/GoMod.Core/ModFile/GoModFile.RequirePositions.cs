namespace GoMod.Core.ModFile;

public sealed partial class GoModFile
{
    /// <summary>
    /// <see cref="PositionOfRequire"/> for every live require at once, as a snapshot of the file now (later edits do
    /// not show): one pass over the requires instead of one per lookup, for callers that place a diagnostic or an item
    /// on each of thousands of require lines.
    /// </summary>
    public RequirePositions RequirePositionIndex()
    {
        var byVersion = new Dictionary<(string Path, string Version), ModFilePosition?>();
        var byPath = new Dictionary<string, ModFilePosition?>(StringComparer.Ordinal);
        foreach (var r in Live(_require))
        {
            var at = PositionOf(r);
            byVersion.TryAdd((r.Path, r.Version), at);
            byPath.TryAdd(r.Path, at);
        }
        return new RequirePositions(byVersion, byPath);
    }
}
