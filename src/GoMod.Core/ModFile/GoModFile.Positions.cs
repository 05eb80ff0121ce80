namespace GoMod.Core.ModFile;

public sealed partial class GoModFile
{
    /// <summary>
    /// Where the first live <c>require</c> of <paramref name="path"/> (at <paramref name="version"/>, or at any version
    /// when it is null) was parsed; null when there is none or the line was added by an edit (it has no position yet).
    /// </summary>
    public ModFilePosition? PositionOfRequire(string path, string? version = null) =>
        PositionOf(Live(_require).FirstOrDefault(r => r.Path == path && (version is null || r.Version == version)));

    /// <summary>
    /// Where the <c>replace</c> that applies to <paramref name="path"/>@<paramref name="version"/> was parsed: the one
    /// naming that exact version, else the one for every version of the path; null when none applies.
    /// </summary>
    public ModFilePosition? PositionOfReplace(string path, string version) =>
        PositionOf(Live(_replace).FirstOrDefault(r => r.OldPath == path && r.OldVersion == version)
                   ?? Live(_replace).FirstOrDefault(r => r.OldPath == path && r.OldVersion.Length == 0));

    /// <summary>Where the <c>exclude</c> of <paramref name="path"/>@<paramref name="version"/> was parsed, or null.</summary>
    public ModFilePosition? PositionOfExclude(string path, string version) =>
        PositionOf(Live(_exclude).FirstOrDefault(x => x.Path == path && x.Version == version));

    /// <summary>Where the <c>module</c> directive was parsed, or null.</summary>
    public ModFilePosition? PositionOfModule() => PositionOf(_module is { Removed: false } ? _module : null);

    /// <summary>Where the <paramref name="index"/>-th live <c>godebug</c> setting (as <see cref="Godebug"/> lists them) was parsed, or null.</summary>
    public ModFilePosition? PositionOfGodebug(int index) => PositionOf(Live(_godebug).ElementAtOrDefault(index));

    private static ModFilePosition? PositionOf(Entry? entry)
    {
        if (entry?.Line is null) return null;
        var start = entry.Line.SpanStart;
        return start.Line > 0 ? new ModFilePosition(start.Line, start.Column) : null;
    }
}
