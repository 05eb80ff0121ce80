using System.Text;
using GoMod.Core.Fetch;
using GoMod.Core.GoEnv;
using GoMod.Core.Internal;
using GoMod.Core.ModCache;
using GoMod.Core.Module;

namespace GoMod.Core.Sum;

/// <summary>
/// Enforces go.sum on every download, as the go command does: a recorded h1 hash that differs is a SECURITY ERROR;
/// under <c>-mod=readonly</c> a missing entry is an error raised before anything is fetched; under <c>-mod=mod</c>
/// new hashes are added and <see cref="SaveAsync"/> writes go.sum in go's byte format, merging lines that other
/// processes added meanwhile. Thread-safe.
/// </summary>
public sealed class GoSumChecker
{
    private readonly object _gate = new();
    private readonly HashSet<(string Path, string Version, string Hash)> _used = [];
    private readonly HashSet<(string Path, string Version, string Hash)> _dirty = [];
    private GoSumFile _sums;

    /// <summary>
    /// A checker over parsed go.sum content. <paramref name="filePath"/> is where <see cref="SaveAsync"/> writes
    /// (null: never written); its name (go.sum or go.work.sum) appears in mismatch messages.
    /// </summary>
    public GoSumChecker(string? filePath, GoSumFile sums, ModMode mode)
    {
        FilePath = filePath is null ? null : Path.GetFullPath(filePath);
        _sums = sums;
        Mode = mode;
        IsEnabled = true;
    }

    private GoSumChecker(ModMode mode)
    {
        _sums = GoSumFile.Parse("go.sum", "");
        Mode = mode;
        IsEnabled = false;
    }

    /// <summary>
    /// No go.sum at all (outside a module, e.g. <c>go mod download path@version</c> in an empty directory): hashes are
    /// computed and cached but checked against nothing, as go does.
    /// </summary>
    public static GoSumChecker Disabled(ModMode mode = ModMode.Mod) => new(mode);

    /// <summary>Reads go.sum under a shared lock (a missing file is empty) and checks against it.</summary>
    /// <exception cref="GoSumParseException">go.sum is malformed.</exception>
    public static async Task<GoSumChecker> LoadAsync(string goSumPath, ModMode mode, CancellationToken ct)
    {
        var full = Path.GetFullPath(goSumPath);
        var text = await FileLock.ReadAllTextAsync(full, ct).ConfigureAwait(false) ?? "";
        return new GoSumChecker(full, GoSumFile.Parse(full, text), mode);
    }

    /// <summary>The go.sum file written by <see cref="SaveAsync"/>, if any.</summary>
    public string? FilePath { get; }

    /// <summary>The <c>-mod</c> mode in force.</summary>
    public ModMode Mode { get; }

    /// <summary>False when there is no go.sum to check against.</summary>
    public bool IsEnabled { get; }

    /// <summary>The file name go uses in messages.</summary>
    public string FileName => FilePath is not null && FilePath.EndsWith("go.work.sum", StringComparison.Ordinal) ? "go.work.sum" : "go.sum";

    /// <summary>True when hashes were added that <see cref="SaveAsync"/> has not written yet.</summary>
    public bool IsDirty
    {
        get
        {
            lock (_gate) return _dirty.Count > 0;
        }
    }

    /// <summary>The lines added in this session (not yet in the file when read), in go.sum order.</summary>
    public IReadOnlyList<string> AddedLines
    {
        get
        {
            lock (_gate)
            {
                var f = GoSumFile.Parse("go.sum", "");
                foreach (var (p, v, h) in _dirty) f.Add(p, v, h);
                return f.Format().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            }
        }
    }

    /// <summary>Whether go.sum records an h1 hash for the module's zip (or go.mod), like go's <c>HaveSum</c>.</summary>
    public bool HasSum(ModuleVersion m, bool goMod)
    {
        if (!IsEnabled) return false;
        var version = Key(m, goMod);
        lock (_gate)
        {
            foreach (var h in _sums.HashesOf(m.Path, version))
                if (h.StartsWith("h1:", StringComparison.Ordinal) && !_dirty.Contains((m.Path, version, h)))
                    return true;
        }
        return false;
    }

    /// <summary>
    /// Under <c>-mod=readonly</c>, refuses (before any download) a module whose go.sum line is missing.
    /// </summary>
    /// <exception cref="MissingGoSumEntryException">Read-only and no entry.</exception>
    public void RequireSum(ModuleVersion m, bool goMod)
    {
        if (IsEnabled && Mode != ModMode.Mod && !HasSum(m, goMod)) throw new MissingGoSumEntryException(m, goMod);
    }

    /// <summary>
    /// Checks a computed hash: accepted when go.sum lists it; a SECURITY ERROR when go.sum lists another h1 hash first
    /// (go checks the lines in order); otherwise, under <c>-mod=mod</c> (or without go.sum), the optional checksum
    /// database is asked and the hash is recorded for <see cref="SaveAsync"/>.
    /// </summary>
    /// <exception cref="ChecksumMismatchException">The hash differs from go.sum.</exception>
    /// <exception cref="MissingGoSumEntryException">Read-only and go.sum has no entry.</exception>
    public async Task CheckAsync(ModuleVersion m, bool goMod, string hash, IChecksumDatabase? database, CancellationToken ct)
    {
        var version = Key(m, goMod);
        if (IsEnabled)
        {
            lock (_gate)
            {
                if (Known(m, goMod, version, hash))
                {
                    _used.Add((m.Path, version, hash));
                    return;
                }
            }
            if (Mode != ModMode.Mod) throw new MissingGoSumEntryException(m, goMod);
        }
        if (database is not null) await database.VerifyAsync(m.Path, version, hash, ct).ConfigureAwait(false);
        if (!IsEnabled) return;
        lock (_gate)
        {
            _used.Add((m.Path, version, hash));
            if (Known(m, goMod, version, hash)) return;
            _sums.Add(m.Path, version, hash);
            _dirty.Add((m.Path, version, hash));
        }
    }

    /// <summary>
    /// Writes go.sum when hashes were added (go's <c>WriteGoSum</c>): under the module cache's side lock (when a cache
    /// is given) and an exclusive lock on go.sum, re-reads the file, adds every hash this session checked, and
    /// rewrites it in place in go's format. Returns whether the file changed.
    /// </summary>
    /// <param name="cache">The module cache whose side lock (<c>cache/lock</c>) is taken, as go does; null for none.</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="keep">
    /// Which new hashes to write (go's <c>keep</c> set; by default all). Hashes already in the file are always kept.
    /// </param>
    /// <exception cref="InvalidOperationException">Read-only mode with pending additions (go's wording).</exception>
    public async Task<bool> SaveAsync(ModuleCache? cache, CancellationToken ct, Func<string, string, bool>? keep = null)
    {
        if (!IsEnabled || FilePath is null) return false;
        lock (_gate)
        {
            if (!_dirty.Any(d => keep is null || keep(d.Path, d.Version))) return false;
        }
        if (Mode != ModMode.Mod)
            throw new InvalidOperationException($"updates to {FileName} needed, disabled by -mod={(Mode == ModMode.Vendor ? "vendor" : "readonly")}");

        FileLock? side = null;
        if (cache is not null)
        {
            var sidePath = Path.Combine(cache.Root, "cache", "lock");
            Directory.CreateDirectory(Path.GetDirectoryName(sidePath)!);
            side = await FileLock.AcquireAsync(sidePath, exclusive: true, create: true, ct).ConfigureAwait(false);
        }
        try
        {
            return await FileLock.TransformAsync(FilePath, old =>
            {
                lock (_gate)
                {
                    var merged = GoSumFile.ParseBytes(FilePath, old);
                    foreach (var (p, v, h) in _used)
                        if (!merged.Contains(p, v, h) && (keep is null || !_dirty.Contains((p, v, h)) || keep(p, v))) merged.Add(p, v, h);
                    var written = merged.FormatBytes();
                    // Unkept additions stay known in memory for the rest of this session.
                    foreach (var (p, v, h) in _dirty) merged.Add(p, v, h);
                    _sums = merged;
                    _dirty.Clear();
                    return written;
                }
            }, ct).ConfigureAwait(false);
        }
        finally
        {
            side?.Dispose();
        }
    }

    private bool Known(ModuleVersion m, bool goMod, string version, string hash)
    {
        foreach (var recorded in _sums.HashesOf(m.Path, version))
        {
            if (recorded == hash) return true;
            if (recorded.StartsWith("h1:", StringComparison.Ordinal))
                throw new ChecksumMismatchException(m.Path, version, hash, recorded, FileName);
        }
        return false;
    }

    private static string Key(ModuleVersion m, bool goMod) => goMod ? m.Version + "/go.mod" : m.Version;
}
