namespace GoMod.Core.Restore;

/// <summary>
/// One module of the build list, as the SDK publishes it in the <c>@(GoModule)</c> items.
/// </summary>
/// <param name="Path">The module path (the item's identity).</param>
/// <param name="Version">The selected version; empty for the main module and for directory replacements.</param>
/// <param name="Dir">Where its files are: the module cache directory, the replacement directory, or the main module's
/// directory; empty when the module is not (yet) on disk.</param>
/// <param name="Sum">The <c>h1:</c> hash of its content from go.sum, or empty.</param>
/// <param name="GoModSum">The <c>h1:</c> hash of its go.mod from go.sum, or empty.</param>
/// <param name="Replace">What replaces it: <c>path@version</c>, a directory, or empty.</param>
/// <param name="Indirect">True when the main module requires it only indirectly (<c>// indirect</c>) or not at all.</param>
/// <param name="Main">True for the main module.</param>
public sealed record RestoredModule(
    string Path,
    string Version,
    string Dir,
    string Sum,
    string GoModSum,
    string Replace,
    bool Indirect,
    bool Main)
{
    /// <summary><c>path@version</c>, or just the path when there is no version.</summary>
    public override string ToString() => Version.Length == 0 ? Path : $"{Path}@{Version}";
}
