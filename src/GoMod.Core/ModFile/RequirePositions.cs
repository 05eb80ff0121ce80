namespace GoMod.Core.ModFile;

/// <summary>The positions of a go.mod's live require lines at one moment (<see cref="GoModFile.RequirePositionIndex"/>).</summary>
public sealed class RequirePositions
{
    private readonly Dictionary<(string Path, string Version), ModFilePosition?> _byVersion;
    private readonly Dictionary<string, ModFilePosition?> _byPath;

    internal RequirePositions(Dictionary<(string Path, string Version), ModFilePosition?> byVersion, Dictionary<string, ModFilePosition?> byPath) =>
        (_byVersion, _byPath) = (byVersion, byPath);

    /// <summary>
    /// Where the first live require of <paramref name="path"/> (at <paramref name="version"/>, or at any version when it
    /// is null) was parsed; null when there is none or it has no position: <see cref="GoModFile.PositionOfRequire"/>.
    /// </summary>
    public ModFilePosition? Of(string path, string? version = null) =>
        version is null ? _byPath.GetValueOrDefault(path) : _byVersion.GetValueOrDefault((path, version));
}
