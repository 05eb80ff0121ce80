using GoMod.Core.Internal;
using GoMod.Core.ModCache;
using GoMod.Core.SourceStore;

namespace GoMod.Core.VerifiedTrees;

/// <summary>
/// What a warm check of one module version found, in three stats: the modification time of its
/// <c>cache/download/&lt;path&gt;/@v</c> directory (creating, removing or renaming any file there — a <c>.partial</c>
/// marker, the zip, the <c>.info</c>, a temporary file — changes it), and the <see cref="ModuleStamp"/> of its extracted
/// tree and <c>.ziphash</c> (the one file of the version go rewrites in place, so its own size and time are kept).
/// </summary>
internal readonly record struct TreeStamp(long VersionDirTicks, ModuleStamp Tree)
{
    /// <summary>The stamp of <paramref name="files"/> now; null when the <c>@v</c> directory, the tree or the <c>.ziphash</c> is missing.</summary>
    public static TreeStamp? Of(in VersionFiles files)
    {
        if (ModuleStamp.Of(files.Dir, files.ZipHash) is not { } tree || PathStat.Directory(files.DownloadDir) is not { } versionDir) return null;
        return new TreeStamp(versionDir, tree);
    }

    /// <summary>
    /// Whether every time in the stamp is older than <paramref name="limitTicks"/>: a change made in the same tick of
    /// the file system's clock as the stamp could leave the times unchanged, so a stamp that recent is not recorded
    /// (as git treats a "racily clean" index entry).
    /// </summary>
    public bool OlderThan(long limitTicks) =>
        VersionDirTicks < limitTicks && Tree.DirTicks < limitTicks && Tree.ZipHashTicks < limitTicks;
}
