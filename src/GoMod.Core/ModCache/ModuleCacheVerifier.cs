using GoMod.Core.Module;
using GoMod.Core.Sum;

namespace GoMod.Core.ModCache;

/// <summary>
/// <c>go mod verify</c>: checks that the cached zips and extracted trees of module versions still hash to what was
/// recorded when they were downloaded (<c>.ziphash</c>), and that cached go.mod files match go.sum.
/// </summary>
public static class ModuleCacheVerifier
{
    /// <summary>
    /// Verifies <paramref name="modules"/> (typically the build list without the main module), in parallel, reporting
    /// in input order with go's messages: <c>path version: missing ziphash: …</c>, <c>zip has been modified (file)</c>,
    /// <c>dir has been modified (dir)</c>. Versions never downloaded are skipped, as are half-extracted trees (which
    /// no one uses). When <paramref name="sums"/> is given, a cached go.mod whose hash differs from go.sum is reported
    /// with go's SECURITY ERROR text.
    /// </summary>
    public static async Task<CacheVerification> VerifyAsync(ModuleCache cache, IEnumerable<ModuleVersion> modules,
        GoSumChecker? sums = null, int parallelism = 0, CancellationToken ct = default)
    {
        var list = modules.Distinct().ToList();
        var errors = new List<Exception>[list.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, list.Count),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism > 0 ? parallelism : Environment.ProcessorCount, CancellationToken = ct },
            async (i, token) => errors[i] = await VerifyOneAsync(cache, list[i], sums, token).ConfigureAwait(false)).ConfigureAwait(false);
        return new CacheVerification(errors.SelectMany(e => e).ToList(), list.Count);
    }

    /// <summary>Verifies every module version that has a zip, a .ziphash or an extracted tree in the cache.</summary>
    public static Task<CacheVerification> VerifyAllAsync(ModuleCache cache, int parallelism = 0, CancellationToken ct = default) =>
        VerifyAsync(cache, cache.EnumerateDownloaded(), null, parallelism, ct);

    private static async Task<List<Exception>> VerifyOneAsync(ModuleCache cache, ModuleVersion m, GoSumChecker? sums, CancellationToken ct)
    {
        var errors = new List<Exception>();
        string zip, ziphash, dir;
        try
        {
            zip = cache.ZipPath(m);
            ziphash = cache.CachePath(m, "ziphash");
            dir = cache.ModuleDir(m);
        }
        catch (ModuleException e)
        {
            errors.Add(e);
            return errors;
        }

        if (sums is not null && cache.ReadGoMod(m) is { } goMod)
        {
            try
            {
                if (sums.HasSum(m, goMod: true))
                    await sums.CheckAsync(m, goMod: true, DirHash.HashGoMod(goMod), null, ct).ConfigureAwait(false);
            }
            catch (ChecksumMismatchException e)
            {
                errors.Add(e);
            }
        }

        var zipExists = File.Exists(zip);
        var dirState = cache.GetExtractedState(m);
        string recorded;
        try
        {
            recorded = (await File.ReadAllTextAsync(ziphash, ct).ConfigureAwait(false)).Trim();
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            if (!zipExists && dirState != ExtractedState.Complete) return errors; // nothing downloaded yet
            errors.Add(new ModuleCacheModifiedException(m, $"missing ziphash: open {ziphash}: no such file or directory"));
            return errors;
        }
        catch (IOException e)
        {
            errors.Add(new ModuleCacheModifiedException(m, $"missing ziphash: {e.Message}", e));
            return errors;
        }

        if (zipExists)
        {
            try
            {
                if (DirHash.HashZip(zip, ct) != recorded) errors.Add(new ModuleCacheModifiedException(m, $"zip has been modified ({zip})"));
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                errors.Add(new ModuleCacheModifiedException(m, e.Message, e));
                return errors;
            }
        }
        if (dirState == ExtractedState.Complete)
        {
            try
            {
                if (DirHash.HashDir(dir, m.Path + "@" + m.Version, ct) != recorded) errors.Add(new ModuleCacheModifiedException(m, $"dir has been modified ({dir})"));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                errors.Add(new ModuleCacheModifiedException(m, e.Message, e));
            }
        }
        return errors;
    }
}
