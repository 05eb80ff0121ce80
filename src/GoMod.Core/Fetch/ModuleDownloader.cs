using System.Collections.Concurrent;
using GoMod.Core.Auth;
using GoMod.Core.GoEnv;
using GoMod.Core.Internal;
using GoMod.Core.ModCache;
using GoMod.Core.Module;
using GoMod.Core.Proxy;
using GoMod.Core.Semver;
using GoMod.Core.Sum;
using GoMod.Core.SumDb;
using GoMod.Core.Zip;

namespace GoMod.Core.Fetch;

/// <summary>
/// Downloads module versions through GOPROXY into the shared module cache, as the go command's <c>modfetch</c> does:
/// the cache is consulted first (a warm cache does no network I/O at all), every .mod and .zip is hashed and checked
/// against go.sum before it is stored or used, zips are streamed to a temporary file, checked and renamed into place
/// under go's per-version flock, and extraction follows go's <c>.partial</c> protocol. Within one downloader each
/// module version is fetched at most once, transfers run in parallel up to
/// <see cref="FetchOptions.MaxParallelDownloads"/>, and one HTTP handler serves all requests.
/// </summary>
public sealed partial class ModuleDownloader : IDisposable
{
    private readonly Lazy<ProxyTransport> _transport;
    private readonly ProxyRouter _router;
    private readonly SemaphoreSlim _network;
    // Extractions (inflate, hash, write: CPU-bound for a whole zip) run on threads of their own, one per core, so the
    // network reads' continuations always find a thread-pool thread.
    private readonly Lazy<CpuLanes> _cpu = new(() => new CpuLanes(System.Environment.ProcessorCount, "GoMod extraction"), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly ConcurrentDictionary<(string Kind, ModuleVersion Module), Lazy<Task<object?>>> _once = new();
    private readonly ConcurrentDictionary<ModuleVersion, bool> _usedNetwork = new();
    private readonly ConcurrentDictionary<ModuleVersion, bool> _storedZips = new();
    // The .ziphash each zip was checked against go.sum with during this run: go checks a cached zip once per command
    // (its checkMod behind a per-module cache), so the dir, zip and result steps of one module read it once, not three times.
    private readonly ConcurrentDictionary<ModuleVersion, string> _checkedZipHashes = new();

    /// <summary>
    /// A downloader for <paramref name="environment"/> (GOPROXY, GONOPROXY, GOMODCACHE, GOFLAGS…) checking against
    /// <paramref name="sums"/> (default: no go.sum, mode from GOFLAGS), into <paramref name="cache"/> (default: GOMODCACHE's).
    /// </summary>
    public ModuleDownloader(GoEnvironment environment, GoSumChecker? sums = null, FetchOptions? options = null, IChecksumDatabase? checksumDatabase = null,
        ModuleCache? cache = null)
    {
        Environment = environment;
        Options = options ?? new FetchOptions();
        Sums = sums ?? GoSumChecker.Disabled(environment.ModMode(ModMode.Mod));
        ChecksumDatabase = checksumDatabase;
        Cache = cache ?? new ModuleCache(environment.ModCache);
        _transport = new Lazy<ProxyTransport>(
            () => new ProxyTransport(Options, Options.Auth ?? GoAuth.For(environment, Options)),
            LazyThreadSafetyMode.ExecutionAndPublication);
        _router = new ProxyRouter(environment, () => _transport.Value, Options, Sums.Mode);
        _network = new SemaphoreSlim(Math.Max(1, Options.MaxParallelDownloads));
    }

    /// <summary>The go settings in force.</summary>
    public GoEnvironment Environment { get; }

    /// <summary>Tuning.</summary>
    public FetchOptions Options { get; }

    /// <summary>The go.sum enforcement (call <see cref="GoSumChecker.SaveAsync"/> to write additions).</summary>
    public GoSumChecker Sums { get; }

    /// <summary>The checksum database consulted for new hashes, if any.</summary>
    public IChecksumDatabase? ChecksumDatabase { get; }

    /// <summary>The module cache.</summary>
    public ModuleCache Cache { get; }

    /// <summary>Whether any request for <paramref name="module"/> went to the network in this downloader.</summary>
    public bool UsedNetwork(ModuleVersion module) => _usedNetwork.ContainsKey(module);

    /// <summary>
    /// Whether this downloader itself fetched the zip of <paramref name="module"/> and stored it in the cache: false
    /// when the zip was there already or another process stored it while this one waited for the version lock, even
    /// if this downloader asked the network for the module's .info or .mod.
    /// </summary>
    public bool StoredZip(ModuleVersion module) => _storedZips.ContainsKey(module);

    /// <summary>Writes go.sum additions (under <c>-mod=mod</c>); see <see cref="GoSumChecker.SaveAsync"/>.</summary>
    public Task<bool> SaveGoSumAsync(CancellationToken ct = default, Func<string, string, bool>? keep = null) => Sums.SaveAsync(Cache, ct, keep);

    /// <summary>The tagged versions of a module from the first proxy that knows it (pseudo-versions left out).</summary>
    public async Task<IReadOnlyList<string>> VersionsAsync(string modulePath, CancellationToken ct = default) =>
        await NetworkAsync(new ModuleVersion(modulePath, ""), s => s.VersionsAsync("", ct), ct).ConfigureAwait(false);

    /// <summary>The latest version of a module (<c>@latest</c>, else derived from the list).</summary>
    public async Task<RevInfo> LatestAsync(string modulePath, CancellationToken ct = default) =>
        await NetworkAsync(new ModuleVersion(modulePath, ""), s => s.LatestAsync(ct), ct).ConfigureAwait(false);

    /// <summary>The raw lines of <c>@v/list</c> from the first proxy that has the module (for version queries).</summary>
    public async Task<IReadOnlyList<string>> VersionListLinesAsync(string modulePath, CancellationToken ct = default) =>
        await NetworkAsync(new ModuleVersion(modulePath, ""), s => s.ListLinesAsync(ct), ct).ConfigureAwait(false);

    /// <summary>The <c>@latest</c> endpoint alone; a <see cref="ModuleFetchException"/> that is "not found" when no proxy has it.</summary>
    public async Task<RevInfo> LatestEndpointAsync(string modulePath, CancellationToken ct = default) =>
        await NetworkAsync(new ModuleVersion(modulePath, ""), s => s.LatestEndpointAsync(ct), ct).ConfigureAwait(false);

    /// <summary>The <c>@latest</c> endpoint alone, null (no exception) when no proxy has it; other failures are thrown.</summary>
    public async Task<RevInfo?> TryLatestEndpointAsync(string modulePath, CancellationToken ct = default)
    {
        await _network.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            _usedNetwork[new ModuleVersion(modulePath, "")] = true;
            return await _router.TryProxiesOrNotFoundAsync(modulePath, "", s => s.TryLatestEndpointAsync(ct)).ConfigureAwait(false);
        }
        finally
        {
            _network.Release();
        }
    }

    /// <summary>
    /// The .info of any revision a proxy can resolve: a canonical version is served from the cache when present;
    /// anything else (a query such as a branch name or a non-canonical version) asks the proxies, and the answer is
    /// cached under the version it resolved to, as go does.
    /// </summary>
    public async Task<RevInfo> StatAsync(string modulePath, string revision, CancellationToken ct = default)
    {
        if (revision.Length > 0 && SemVer.IsValid(revision) && ModulePath.CanonicalVersion(revision) == revision)
            return await StatAsync(new ModuleVersion(modulePath, revision), ct).ConfigureAwait(false);
        var info = await NetworkAsync(new ModuleVersion(modulePath, revision), s => s.StatAsync(revision, ct), ct).ConfigureAwait(false);
        if (SemVer.IsValid(info.Version) && ModulePath.CanonicalVersion(info.Version) == info.Version)
        {
            var resolved = new ModuleVersion(modulePath, info.Version);
            if (Cache.ReadInfo(resolved) is null) await Cache.WriteInfoAsync(resolved, info, ct).ConfigureAwait(false);
        }
        return info;
    }

    /// <summary>The .info of a canonical version: from the cache, else fetched and cached.</summary>
    public Task<RevInfo> StatAsync(ModuleVersion module, CancellationToken ct = default) =>
        OnceAsync("info", module, async () =>
        {
            Cache.CachePath(module, "info"); // validates the version before anything else
            if (Cache.ReadInfo(module) is { } cached) return cached;
            var info = await NetworkAsync(module, s => s.StatAsync(module.Version, ct), ct).ConfigureAwait(false);
            await Cache.WriteInfoAsync(module, info, ct).ConfigureAwait(false);
            return info;
        });

    /// <summary>
    /// The go.mod of a canonical version: from the cache or the proxies, its hash checked against go.sum before it is
    /// cached or returned (a mismatch is a SECURITY ERROR; under -mod=readonly a missing line fails before any
    /// network access).
    /// </summary>
    public Task<byte[]> GoModAsync(ModuleVersion module, CancellationToken ct = default) =>
        OnceAsync("mod", module, async () =>
        {
            if (Cache.ReadGoMod(module) is { } cached)
            {
                var cachedHash = DirHash.HashGoMod(cached);
                await Sums.CheckAsync(module, goMod: true, cachedHash, ChecksumDatabase, ct).ConfigureAwait(false);
                _checkedGoMods.TryAdd(module, cachedHash);
                return cached;
            }
            Sums.RequireSum(module, goMod: true);
            var data = await NetworkAsync(module, s => s.GoModAsync(module.Version, ct), ct).ConfigureAwait(false);
            var hash = DirHash.HashGoMod(data);
            await Sums.CheckAsync(module, goMod: true, hash, ChecksumDatabase, ct).ConfigureAwait(false);
            await Cache.WriteGoModAsync(module, data, ct).ConfigureAwait(false);
            _checkedGoMods.TryAdd(module, hash);
            return data;
        });

    /// <summary>
    /// Ensures the zip of a canonical version is in the cache and matches go.sum; returns its path. A cached zip is
    /// trusted through its <c>.ziphash</c> as go does (re-hashed when that file is torn).
    /// </summary>
    public Task<string> DownloadZipAsync(ModuleVersion module, CancellationToken ct = default) =>
        DownloadZipAsync(module, null, ct);

    private Task<string> DownloadZipAsync(ModuleVersion module, IProgress<DownloadProgress>? progress, CancellationToken ct) =>
        OnceAsync("zip", module, async () =>
        {
            var zip = Cache.ZipPath(module);
            if (Cache.HasZip(module))
            {
                await CheckCachedZipAsync(module, ct).ConfigureAwait(false);
                return zip;
            }
            Sums.RequireSum(module, goMod: false);
            using (await Cache.LockVersionAsync(module, ct).ConfigureAwait(false))
            {
                if (Cache.HasZip(module))
                {
                    await CheckCachedZipAsync(module, ct, locked: true).ConfigureAwait(false);
                    return zip;
                }
                ModuleCache.RemoveStaleTempFiles(zip);
                if (File.Exists(zip))
                {
                    // The zip survived but its .ziphash did not: hash it again instead of downloading.
                    await HashAndRecordZipAsync(module, zip, ct).ConfigureAwait(false);
                    return zip;
                }
                progress?.Report(new DownloadProgress(module, DownloadStage.Downloading));
                var (tmp, stream) = ModuleCache.CreateTempFile(Path.GetDirectoryName(zip)!, Path.GetFileName(zip));
                try
                {
                    long size = 0;
                    string hash;
                    for (var attempt = 1; ; attempt++)
                    {
                        var origin = await FetchZipAsync(module, stream, ct).ConfigureAwait(false);
                        size = stream.Length;
                        try
                        {
                            CheckZipPrefix(module, tmp);
                            hash = DirHash.HashZip(tmp, ct);
                            break;
                        }
                        catch (InvalidDataException e)
                        {
                            // Not a zip at all (or failing its CRCs): damaged on the way, unlike a well-formed zip
                            // with other content, which go.sum turns into a SECURITY ERROR below. Fetch it again.
                            if (attempt >= Math.Max(1, Options.Retry.MaxAttempts))
                                throw new InvalidModuleZipException(module.Path, module.Version, $"reading {origin}: not a valid zip file: {e.Message}", e);
                            Options.Trace?.Invoke($"# get {origin}: not a valid zip file ({e.Message}); fetching it again");
                        }
                    }
                    await stream.DisposeAsync().ConfigureAwait(false);
                    await Sums.CheckAsync(module, goMod: false, hash, ChecksumDatabase, ct).ConfigureAwait(false);
                    await Cache.WriteZipHashAsync(module, hash, ct).ConfigureAwait(false);
                    File.Move(tmp, zip, overwrite: true);
                    _storedZips[module] = true;
                    progress?.Report(new DownloadProgress(module, DownloadStage.Downloaded, size));
                }
                catch
                {
                    await stream.DisposeAsync().ConfigureAwait(false);
                    ModuleCache.TryDelete(tmp);
                    throw;
                }
            }
            return zip;
        });

    /// <summary>
    /// Ensures the module is extracted in the cache (read-only unless -modcacherw) and returns the directory, following
    /// go's protocol: under the version lock, a <c>.partial</c> marker exists while files are written.
    /// </summary>
    public Task<string> DownloadAsync(ModuleVersion module, CancellationToken ct = default) => DownloadAsync(module, null, ct);

    private Task<string> DownloadAsync(ModuleVersion module, IProgress<DownloadProgress>? progress, CancellationToken ct) =>
        OnceAsync("dir", module, async () =>
        {
            var dir = Cache.ModuleDir(module);
            if (Cache.GetExtractedState(module) == ExtractedState.Complete)
            {
                await CheckCachedZipAsync(module, ct).ConfigureAwait(false);
                return dir;
            }
            if (!Cache.HasZip(module) && !File.Exists(Cache.ZipPath(module)))
            {
                Sums.RequireSum(module, goMod: false);
                using (await Cache.LockVersionAsync(module, ct).ConfigureAwait(false))
                {
                    if (Cache.GetExtractedState(module) == ExtractedState.Complete && Cache.HasZip(module))
                    {
                        await CheckCachedZipAsync(module, ct, locked: true).ConfigureAwait(false);
                        return dir;
                    }
                    if (!Cache.HasZip(module) && !File.Exists(Cache.ZipPath(module)) && await FetchAndExtractAsync(module, dir, progress, ct).ConfigureAwait(false))
                        return dir;
                }
            }
            var zip = await DownloadZipAsync(module, progress, ct).ConfigureAwait(false);
            using (await Cache.LockVersionAsync(module, ct).ConfigureAwait(false))
            {
                var state = Cache.GetExtractedState(module);
                if (state == ExtractedState.Complete) return dir;
                var parent = Path.GetDirectoryName(dir)!;
                if (Directory.Exists(parent))
                {
                    // Temporary trees of go < 1.16 and half-extracted trees: safe to remove while we hold the lock.
                    foreach (var old in Directory.EnumerateDirectories(parent, Path.GetFileName(dir) + ".tmp-*"))
                        ModuleCache.RemoveAll(old);
                }
                if (state == ExtractedState.Partial) ModuleCache.RemoveAll(dir);
                var partial = Cache.CachePath(module, "partial");
                Directory.CreateDirectory(parent);
                await File.WriteAllBytesAsync(partial, [], ct).ConfigureAwait(false);
                try
                {
                    await _cpu.Value.RunAsync(() => ModuleZip.Unzip(dir, module, zip, ct), ct).ConfigureAwait(false);
                }
                catch (ModuleZipException e)
                {
                    RemoveExtraction(dir, partial);
                    throw new InvalidModuleZipException(module.Path, module.Version, e.Message, e);
                }
                catch
                {
                    RemoveExtraction(dir, partial);
                    throw;
                }
                FinishExtraction(module, dir, partial, progress);
            }
            return dir;
        });

    /// <summary>
    /// Downloads many module versions in parallel (bounded by <see cref="FetchOptions.MaxParallelDownloads"/>), each
    /// independently: one failure does not stop the others. Results come back in input order (duplicates removed),
    /// with go mod download's fields.
    /// </summary>
    public async Task<IReadOnlyList<ModuleDownloadResult>> DownloadAsync(IEnumerable<ModuleVersion> modules, DownloadParts parts,
        IProgress<DownloadProgress>? progress = null, CancellationToken ct = default)
    {
        var list = modules.Distinct().ToList();
        var results = new ModuleDownloadResult[list.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, list.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Options.MaxParallelDownloads), CancellationToken = ct },
            async (i, token) => results[i] = await DownloadOneAsync(list[i], parts, progress, token).ConfigureAwait(false))
            .ConfigureAwait(false);
        return results;
    }

    private async Task<ModuleDownloadResult> DownloadOneAsync(ModuleVersion m, DownloadParts parts, IProgress<DownloadProgress>? progress, CancellationToken ct)
    {
        var result = new ModuleDownloadResult(m);
        try
        {
            if (await TryWarmAsync(m, parts, ct).ConfigureAwait(false) is { } warm)
            {
                progress?.Report(new DownloadProgress(m, warm.FromCache ? DownloadStage.Cached : DownloadStage.Completed));
                return warm;
            }
            if (parts.HasFlag(DownloadParts.Info))
            {
                await StatAsync(m, ct).ConfigureAwait(false);
                result = result with { Info = Cache.CachePath(m, "info") };
            }
            if (parts.HasFlag(DownloadParts.GoMod))
            {
                var mod = await GoModAsync(m, ct).ConfigureAwait(false);
                result = result with { GoMod = Cache.CachePath(m, "mod"), GoModSum = _checkedGoMods.TryGetValue(m, out var goModHash) ? goModHash : DirHash.HashGoMod(mod) };
            }
            // Extracting first lets a new module be inflated once, hashed while it is written; the zip is then cached.
            string? dir = parts.HasFlag(DownloadParts.Extract) ? await DownloadAsync(m, progress, ct).ConfigureAwait(false) : null;
            if (parts.HasFlag(DownloadParts.Zip) || parts.HasFlag(DownloadParts.Extract))
            {
                var zip = await DownloadZipAsync(m, progress, ct).ConfigureAwait(false);
                result = result with { Zip = zip, Sum = _checkedZipHashes.TryGetValue(m, out var sum) ? sum : await Cache.ReadZipHashAsync(m, ct).ConfigureAwait(false) };
            }
            if (dir is not null) result = result with { Dir = dir };
            var fromCache = !UsedNetwork(m);
            progress?.Report(new DownloadProgress(m, fromCache ? DownloadStage.Cached : DownloadStage.Completed));
            return result with { FromCache = fromCache, Downloaded = StoredZip(m) };
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            progress?.Report(new DownloadProgress(m, DownloadStage.Failed, Error: e.Message));
            return result with { Error = e.Message, Exception = e, FromCache = !UsedNetwork(m) };
        }
    }

    /// <summary>A complete tree: the <c>.partial</c> marker goes, directories become read-only (unless -modcacherw).</summary>
    private void FinishExtraction(ModuleVersion module, string dir, string partial, IProgress<DownloadProgress>? progress, HashedUnzip? tree = null)
    {
        File.Delete(partial);
        if (!Environment.Flags.ModCacheRW)
        {
            if (tree is not null) tree.MakeDirectoriesReadOnly(); // the directories it made, no walk
            else ModuleCache.MakeDirectoriesReadOnly(dir);
        }
        progress?.Report(new DownloadProgress(module, DownloadStage.Extracted));
    }

    /// <summary>Downloads the zip of <paramref name="module"/> into <paramref name="stream"/> (from its start); returns where it came from.</summary>
    private async Task<string> FetchZipAsync(ModuleVersion module, FileStream stream, CancellationToken ct)
    {
        var origin = "";
        await NetworkAsync(module, async s =>
        {
            origin = s.ZipLocation(module.Version);
            stream.SetLength(0);
            stream.Position = 0;
            // Written inline: an asynchronous file write on Unix is a thread-pool hand-off per piece.
            await s.ZipAsync(module.Version, new InlineWriteStream(stream), ct).ConfigureAwait(false);
            return true;
        }, ct).ConfigureAwait(false);
        await stream.FlushAsync(ct).ConfigureAwait(false);
        return origin;
    }

    /// <summary>
    /// A module with nothing cached, under its version lock: downloads the zip to a temporary file and extracts it into a
    /// temporary directory while hashing (each entry inflated once, see <see cref="HashedUnzip"/>); only when the hash
    /// matches go.sum are the .ziphash, the zip and the tree published (the tree with go's <c>.partial</c> marker around
    /// the rename). A mismatch or any failure leaves no directory, no .ziphash, no .partial and no zip. Returns false,
    /// with the zip published and no tree, when the zip's entries are invalid (the caller's unzip reports that, as before)
    /// or when the checked tree cannot be renamed into place (the caller's unzip extracts the published zip again).
    /// </summary>
    private async Task<bool> FetchAndExtractAsync(ModuleVersion module, string dir, IProgress<DownloadProgress>? progress, CancellationToken ct)
    {
        var zip = Cache.ZipPath(module);
        ModuleCache.RemoveStaleTempFiles(zip);
        var parent = Path.GetDirectoryName(dir)!;
        if (Directory.Exists(parent))
            foreach (var old in Directory.EnumerateDirectories(parent, Path.GetFileName(dir) + ".tmp-*"))
                ModuleCache.RemoveAll(old);
        if (Cache.GetExtractedState(module) == ExtractedState.Partial) ModuleCache.RemoveAll(dir);
        progress?.Report(new DownloadProgress(module, DownloadStage.Downloading));
        var (tmp, stream) = ModuleCache.CreateTempFile(Path.GetDirectoryName(zip)!, Path.GetFileName(zip));
        HashedUnzip? tree = null;
        try
        {
            long size;
            for (var attempt = 1; ; attempt++)
            {
                var origin = await FetchZipAsync(module, stream, ct).ConfigureAwait(false);
                size = stream.Length;
                try
                {
                    // The prefix check first, on the reader the extraction then uses: the directory is read once.
                    tree = await _cpu.Value.RunAsync(() => HashedUnzip.Extract(dir, module, tmp, Options.EntryStreamWrapper, ct, zip => CheckZipPrefix(module, zip)), ct)
                        .ConfigureAwait(false);
                    break;
                }
                catch (Exception e) when (e is InvalidDataException || e.InnerException is InvalidDataException)
                {
                    var cause = e as InvalidDataException ?? (InvalidDataException)e.InnerException!;
                    if (attempt >= Math.Max(1, Options.Retry.MaxAttempts))
                        throw new InvalidModuleZipException(module.Path, module.Version, $"reading {origin}: not a valid zip file: {cause.Message}", cause);
                    Options.Trace?.Invoke($"# get {origin}: not a valid zip file ({cause.Message}); fetching it again");
                }
                catch (ModuleZipException)
                {
                    // Entries that may not be extracted: record the zip as go does (hash checked first), let the unzip report it.
                    await stream.DisposeAsync().ConfigureAwait(false);
                    string hash;
                    try
                    {
                        hash = DirHash.HashZip(tmp, ct);
                    }
                    catch (InvalidDataException e)
                    {
                        throw new InvalidModuleZipException(module.Path, module.Version, $"reading {origin}: not a valid zip file: {e.Message}", e);
                    }
                    await Sums.CheckAsync(module, goMod: false, hash, ChecksumDatabase, ct).ConfigureAwait(false);
                    await Cache.WriteZipHashAsync(module, hash, ct).ConfigureAwait(false);
                    File.Move(tmp, zip, overwrite: true);
                    _storedZips[module] = true;
                    return false;
                }
            }
            await stream.DisposeAsync().ConfigureAwait(false);
            await Sums.CheckAsync(module, goMod: false, tree.Hash, ChecksumDatabase, ct).ConfigureAwait(false);
            await Cache.WriteZipHashAsync(module, tree.Hash, ct).ConfigureAwait(false);
            File.Move(tmp, zip, overwrite: true);
            _storedZips[module] = true;
            progress?.Report(new DownloadProgress(module, DownloadStage.Downloaded, size));
            var partial = Cache.CachePath(module, "partial");
            await File.WriteAllBytesAsync(partial, [], ct).ConfigureAwait(false);
            bool published;
            try
            {
                // With the marker written, anything standing at the target is a partial extraction, which go removes
                // under this lock too (it was empty when the extraction began).
                if (Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).Any()) ModuleCache.RemoveAll(dir);
                published = tree.TryPublish();
            }
            catch
            {
                RemoveExtraction(dir, partial);
                throw;
            }
            if (!published)
            {
                // The verified zip is in place: a tree that cannot be renamed into place (its temporary directory gone,
                // as two CI runs saw, once with a directory at the target) is extracted again from that zip by the
                // caller, as a cached zip is. Whatever stands at the target now is not the checked tree: it goes.
                RemoveExtraction(dir, partial);
                Options.Trace?.Invoke($"# {module.Path}@{module.Version}: the extracted tree could not be moved into place (its temporary directory is gone); extracting the cached zip");
                return false;
            }
            FinishExtraction(module, dir, partial, progress, tree);
            return true;
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            ModuleCache.TryDelete(tmp);
            throw;
        }
        finally
        {
            tree?.Dispose();
        }
    }

    /// <summary>
    /// Go's <c>checkMod</c>: the recorded .ziphash must match go.sum; a torn .ziphash is rebuilt from the zip.
    /// </summary>
    private async Task CheckCachedZipAsync(ModuleVersion module, CancellationToken ct, bool locked = false)
    {
        if (_checkedZipHashes.ContainsKey(module)) return;
        var hash = await Cache.ReadZipHashAsync(module, ct).ConfigureAwait(false);
        if (hash is null)
        {
            if (locked)
            {
                await HashAndRecordZipAsync(module, Cache.ZipPath(module), ct).ConfigureAwait(false);
                return;
            }
            using (await Cache.LockVersionAsync(module, ct).ConfigureAwait(false))
                await HashAndRecordZipAsync(module, Cache.ZipPath(module), ct).ConfigureAwait(false);
            return;
        }
        if (!hash.StartsWith("h1:", StringComparison.Ordinal))
            throw new ModuleFetchException(module.Path, module.Version, $"unexpected ziphash: \"{hash}\"");
        await Sums.CheckAsync(module, goMod: false, hash, ChecksumDatabase, ct).ConfigureAwait(false);
        _checkedZipHashes[module] = hash;
    }

    /// <summary>Hashes a zip, checks it against go.sum (throwing before anything is recorded) and writes .ziphash.</summary>
    private async Task HashAndRecordZipAsync(ModuleVersion module, string zipFile, CancellationToken ct)
    {
        string hash;
        try
        {
            hash = DirHash.HashZip(zipFile, ct);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidModuleZipException(module.Path, module.Version, "zip: not a valid zip file: " + e.Message, e);
        }
        await Sums.CheckAsync(module, goMod: false, hash, ChecksumDatabase, ct).ConfigureAwait(false);
        await Cache.WriteZipHashAsync(module, hash, ct).ConfigureAwait(false);
        _checkedZipHashes[module] = hash;
    }

    /// <summary>Removes a failed extraction; if that fails too, the <c>.partial</c> marker stays, so nobody trusts the leftovers.</summary>
    private static void RemoveExtraction(string dir, string partial)
    {
        try
        {
            ModuleCache.RemoveAll(dir);
            ModuleCache.TryDelete(partial);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>
    /// Every entry of a downloaded zip must lie under <c>path@version/</c> (go checks this before hashing). Throws
    /// <see cref="InvalidDataException"/> when the file is not a zip.
    /// </summary>
    private static void CheckZipPrefix(ModuleVersion module, string zipFile)
    {
        // Go's archive/zip rules (ZipReader): the central directory only, no per-entry objects beyond its records.
        using var archive = ZipReader.Open(zipFile);
        CheckZipPrefix(module, archive);
    }

    /// <summary>The prefix rule over an open zip's central directory.</summary>
    private static void CheckZipPrefix(ModuleVersion module, ZipReader archive)
    {
        var prefix = module.Path + "@" + module.Version + "/";
        var prefixBytes = System.Text.Encoding.UTF8.GetBytes(prefix); // compared as bytes: no string per entry
        foreach (var entry in archive.Entries)
            if (!entry.NameStartsWith(prefixBytes))
                throw new InvalidModuleZipException(module.Path, module.Version,
                    $"zip for {prefix[..^1]} has unexpected file {entry.Name}");
    }

    private async Task<T> NetworkAsync<T>(ModuleVersion module, Func<IModuleRepo, Task<T>> f, CancellationToken ct)
    {
        await _network.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            _usedNetwork[module] = true;
            return await _router.TryProxiesAsync(module.Path, module.Version, f).ConfigureAwait(false);
        }
        finally
        {
            _network.Release();
        }
    }

    private async Task<T> OnceAsync<T>(string kind, ModuleVersion module, Func<Task<T>> work)
    {
        var lazy = _once.GetOrAdd((kind, module), _ => new Lazy<Task<object?>>(async () => await work().ConfigureAwait(false)));
        return (T)(await lazy.Value.ConfigureAwait(false))!;
    }

    /// <summary>Releases the HTTP handler (and its pooled connections).</summary>
    public void Dispose()
    {
        if (_transport.IsValueCreated) _transport.Value.Dispose();
        _router.Dispose();
        _network.Dispose();
        if (_cpu.IsValueCreated) _cpu.Value.Dispose();
    }
}
