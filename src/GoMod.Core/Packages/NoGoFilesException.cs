using GoMod.Core.ModLoad;

namespace GoMod.Core.Packages;

/// <summary>
/// A package directory none of whose Go files is built (go/build's <c>NoGoError</c>): <c>no Go files in DIR</c>, or
/// <c>build constraints exclude all Go files in DIR</c> when files were left out by build tags.
/// </summary>
public sealed class NoGoFilesException : GoCommandException
{
    internal NoGoFilesException(string dir, bool excludedByTags)
        : base((excludedByTags ? "build constraints exclude all Go files in " : "no Go files in ") + dir)
    {
        Directory = dir;
    }

    /// <summary>The package directory.</summary>
    public string Directory { get; }
}
