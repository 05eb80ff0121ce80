namespace GoMod.Core.SourceStore;

/// <summary>
/// How an extracted module version is recognised as the one whose facts were stored: the modification time of its
/// directory in the module cache (set when the extraction was renamed into place; adding or removing an entry changes
/// it) and the size and modification time of its <c>.ziphash</c> (written once, after the extraction). Two stats.
/// </summary>
internal readonly record struct ModuleStamp(long DirTicks, long ZipHashSize, long ZipHashTicks)
{
    /// <summary>The stamp of the extraction at <paramref name="root"/> with its <c>.ziphash</c> at <paramref name="zipHashFile"/>; null when either is missing.</summary>
    public static ModuleStamp? Of(string root, string zipHashFile)
    {
        if (Internal.PathStat.Directory(root) is not { } dirTicks || Internal.PathStat.File(zipHashFile) is not { } hash) return null;
        return new ModuleStamp(dirTicks, hash.Size, hash.ModTicks);
    }
}
