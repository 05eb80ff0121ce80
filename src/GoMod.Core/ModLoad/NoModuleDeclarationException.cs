using GoMod.Core.ModFile;

namespace GoMod.Core.ModLoad;

/// <summary>The main go.mod has no module directive (go's <c>no module declaration in go.mod. To specify the module path: …</c>).</summary>
public sealed class NoModuleDeclarationException(string goModFile)
    : GoCommandException("no module declaration in go.mod. To specify the module path:\n\tgo mod edit -module=example.com/mod")
{
    /// <summary>The go.mod without a module line.</summary>
    public string GoModFile { get; } = goModFile;
}
