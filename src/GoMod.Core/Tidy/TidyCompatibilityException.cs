using GoMod.Core.ModLoad;

namespace GoMod.Core.Tidy;

/// <summary>
/// go mod tidy's <c>-compat</c> check failed: with the go.mod tidy would write, the go command of the compatibility
/// version (<see cref="CompatVersion"/>) would load <see cref="ImportPath"/> differently (another module version, or not
/// at all), or could not load its module graph.
/// </summary>
public sealed class TidyCompatibilityException : GoCommandException
{
    internal TidyCompatibilityException(string importPath, string compatVersion, string message, Exception? inner = null) : base(message, inner)
    {
        ImportPath = importPath;
        CompatVersion = compatVersion;
    }

    /// <summary>The package loaded differently ("" when the graph itself failed).</summary>
    public string ImportPath { get; }

    /// <summary>The Go version tidy keeps compatibility with.</summary>
    public string CompatVersion { get; }
}
