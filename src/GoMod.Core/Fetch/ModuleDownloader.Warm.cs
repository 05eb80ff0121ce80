using System.Collections.Concurrent;
using GoMod.Core.ModCache;
using GoMod.Core.Module;
using GoMod.Core.Sum;
using GoMod.Core.VerifiedTrees;

namespace GoMod.Core.Fetch;

public sealed partial class ModuleDownloader
{
    // The go.mod hash each .mod was checked against go.sum with during this run (by a read, or by the summary store's
    // check of its recorded hash): a batch download after the build list neither reads nor hashes it again.
    private readonly ConcurrentDictionary<ModuleVersion, string> _checkedGoMods = new();

    /// <summary>
    /// Records that <paramref name="m"/>'s cached <c>.mod</c> passed go.sum's check in this run with
    /// <paramref name="goModHash"/> without being read (GraphCache's summary store: same size and modification time as
    /// when its hash was computed).
    /// </summary>
    internal void NoteCheckedGoMod(ModuleVersion m, string goModHash) => _checkedGoMods.TryAdd(m, goModHash);

    /// <summary>
    /// Module versions a warm check found complete in earlier runs (<see cref="VerifiedTreeRecord"/>): a version whose
    /// recorded stamp still holds is checked with three stats and its recorded <c>.ziphash</c> hash; null checks every
    /// version by reading its files.
    /// </summary>
    internal VerifiedTreeRecord? Trees { get; set; }

    /// <summary>
    /// A batch member that is complete in the cache, checked as go checks it and nothing more: the tree as
    /// <see cref="ModuleCache.TryReadCompleteTree"/> finds it, its <c>.ziphash</c> against go.sum, the zip present and the
    /// <c>.info</c> readable (when asked), the go.mod hash this run already checked (else the <c>.mod</c> read
    /// and checked once). Null when anything is missing or odd: the caller's full path then decides, and reports
    /// exactly as before. A go.sum that disagrees throws here as on the full path (go's SECURITY ERROR). With
    /// <see cref="Trees"/>, a version whose recorded stamp still holds skips the reads of the tree state, zip and
    /// <c>.info</c> (its recorded <c>.ziphash</c> hash meets go.sum as a read one does), and a version that passes
    /// the reads is recorded.
    /// </summary>
    private async ValueTask<ModuleDownloadResult?> TryWarmAsync(ModuleVersion m, DownloadParts parts, CancellationToken ct)
    {
        if (!parts.HasFlag(DownloadParts.Extract)) return null;
        VersionFiles files;
        try
        {
            files = Cache.FilesOf(m);
        }
        catch (Exception e) when (e is ModuleException or ModulePathException or FormatException or ArgumentException)
        {
            return null;
        }
        // The stamp is taken before anything is read: a change made while the files are read shows in the next run's stamp.
        var trees = Trees;
        var stamp = trees?.StampOf(m, files);
        var zipHash = trees?.TryGet(m, stamp);
        var recorded = zipHash is not null;
        if (zipHash is null)
        {
            if (Cache.TryReadCompleteTree(files) is not { } read || !read.StartsWith("h1:", StringComparison.Ordinal)) return null;
            // Extract implies the zip: the full path downloads a missing one.
            if (!File.Exists(files.Zip)) return null;
            if (parts.HasFlag(DownloadParts.Info) && Cache.ReadInfo(files) is null) return null;
            zipHash = read;
        }
        string? goModHash = null;
        if (parts.HasFlag(DownloadParts.GoMod) && !_checkedGoMods.TryGetValue(m, out goModHash))
        {
            if (Cache.ReadGoMod(files) is not { } data) return null;
            goModHash = DirHash.HashGoMod(data);
            // The same check, in the same order (go.mod before zip), as the full path's GoModAsync.
            await Sums.CheckAsync(m, goMod: true, goModHash, ChecksumDatabase, ct).ConfigureAwait(false);
            _checkedGoMods.TryAdd(m, goModHash);
        }
        if (!_checkedZipHashes.TryGetValue(m, out var checkedHash) || checkedHash != zipHash)
        {
            await Sums.CheckAsync(m, goMod: false, zipHash, ChecksumDatabase, ct).ConfigureAwait(false);
            _checkedZipHashes[m] = zipHash;
        }
        // Recorded only once go.sum agreed, and only when the .info was among what this check read.
        if (trees is not null && !recorded && parts.HasFlag(DownloadParts.Info)) trees.Add(m, stamp, zipHash);
        return new ModuleDownloadResult(m)
        {
            Info = parts.HasFlag(DownloadParts.Info) ? files.Info : null,
            GoMod = parts.HasFlag(DownloadParts.GoMod) ? files.Mod : null,
            GoModSum = goModHash,
            Zip = files.Zip,
            Sum = zipHash,
            Dir = files.Dir,
            FromCache = !UsedNetwork(m),
            Downloaded = StoredZip(m),
        };
    }
}
