using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GoMod.Core.Internal;
using GoMod.Core.Semver;

namespace GoMod.Core.Vcs;

/// <summary>
/// A remote git repository mirrored into a bare repository in the module cache, as go's <c>codehost.gitRepo</c>
/// keeps it: <c>$GOMODCACHE/cache/vcs/&lt;hex sha256("git3:" + url)&gt;</c> with the key in <c>.info</c> and go's
/// <c>.lock</c> file guarding fetches, so go and we share one mirror. Refs are listed once with
/// <c>git ls-remote</c>; a revision is fetched on demand (one shallow ref first, everything only when needed), and
/// never a commit that no branch or tag reaches.
/// </summary>
internal sealed class GitRepo
{
    private const string WorkDirType = "git3";
    private const int MinHashDigits = 7;

    private readonly GitRunner _git;
    private readonly DirectHttp _http;
    private readonly string _dir;
    private readonly string _lockPath;
    private readonly SemaphoreSlim _mu = new(1, 1);
    private readonly ConcurrentDictionary<string, Lazy<Task<GitRevInfo>>> _statCache = new(StringComparer.Ordinal);
    private Lazy<Task<IReadOnlyDictionary<string, string>>> _refs;
    private Lazy<Task<HashSet<string>>> _localTags;
    private bool _fetchedAll;
    private bool _attributesChecked;

    private GitRepo(GitRunner git, DirectHttp http, string remoteUrl, string dir)
    {
        _git = git;
        _http = http;
        RemoteUrl = remoteUrl;
        _dir = dir;
        _lockPath = dir + ".lock";
        _refs = new(LoadRefsAsync);
        _localTags = new(LoadLocalTagsAsync);
    }

    /// <summary>The repository URL as the import path resolved it (before git applies insteadOf).</summary>
    public string RemoteUrl { get; }

    /// <summary>The bare mirror's directory.</summary>
    public string Dir => _dir;

    /// <summary>The cache directory go uses for <paramref name="remoteUrl"/>.</summary>
    public static string WorkDir(string modCache, string remoteUrl) =>
        Path.Combine(modCache, "cache", "vcs", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(WorkDirType + ":" + remoteUrl))));

    /// <summary>Opens (creating when needed) the mirror of <paramref name="remoteUrl"/>, as go's WorkDir and newGitRepo do.</summary>
    public static async Task<GitRepo> OpenAsync(GitRunner git, DirectHttp http, string modCache, string remoteUrl, CancellationToken ct)
    {
        var key = WorkDirType + ":" + remoteUrl;
        var dir = WorkDir(modCache, remoteUrl);
        Directory.CreateDirectory(Path.GetDirectoryName(dir)!);
        var repo = new GitRepo(git, http, remoteUrl, dir);
        using (await repo.LockAsync(ct).ConfigureAwait(false))
        {
            var infoPath = dir + ".info";
            var reuse = false;
            if (File.Exists(infoPath) && Directory.Exists(dir))
            {
                var have = (await File.ReadAllTextAsync(infoPath, ct).ConfigureAwait(false)).TrimEnd('\n');
                if (have != key)
                    throw new CodeHostException(VcsErrorKind.CommandFailed, $"{infoPath} exists with wrong content (have {GoString.Quote(have)} want {GoString.Quote(key)})");
                reuse = true;
            }
            if (!reuse)
            {
                if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
                Directory.CreateDirectory(dir);
                await File.WriteAllBytesAsync(infoPath, Encoding.UTF8.GetBytes(key), ct).ConfigureAwait(false);
            }
            if (!Directory.Exists(Path.Combine(dir, "objects")))
            {
                try
                {
                    await git.RunAsync(dir, ["init", "--bare"], ct).ConfigureAwait(false);
                    await git.RunAsync(dir, ["remote", "add", "origin", "--", remoteUrl], ct).ConfigureAwait(false);
                }
                catch
                {
                    Directory.Delete(dir, recursive: true);
                    throw;
                }
            }
        }
        return repo;
    }

    /// <summary>go's <c>r.mu</c>: the <c>.lock</c> file beside the mirror (flock, shared with go) plus an in-process gate.</summary>
    private async Task<IDisposable> LockAsync(CancellationToken ct)
    {
        await _mu.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var fileLock = await FileLock.AcquireAsync(_lockPath, exclusive: true, create: true, ct).ConfigureAwait(false);
            return new Releaser(fileLock, _mu);
        }
        catch
        {
            _mu.Release();
            throw;
        }
    }

    private sealed class Releaser(FileLock fileLock, SemaphoreSlim mu) : IDisposable
    {
        public void Dispose()
        {
            fileLock.Dispose();
            mu.Release();
        }
    }

    private Task<byte[]> RunAsync(CancellationToken ct, params string[] args) => _git.RunAsync(_dir, args, ct);

    private async Task<HashSet<string>> LoadLocalTagsAsync()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            foreach (var line in Lines(await RunAsync(CancellationToken.None, "tag", "-l").ConfigureAwait(false)))
                set.Add(line);
        }
        catch (GitCommandException)
        {
        }
        return set;
    }

    /// <summary>The remote's HEAD, branches and tags (annotated tags unwrapped to their commits), listed once.</summary>
    public async Task<IReadOnlyDictionary<string, string>> RefsAsync(CancellationToken ct)
    {
        var task = _refs.Value;
        try
        {
            return await task.WaitAsync(ct).ConfigureAwait(false);
        }
        catch (CodeHostException e) when (e.Kind == VcsErrorKind.Timeout)
        {
            // A timed-out listing may succeed on the next request; do not remember it.
            Interlocked.CompareExchange(ref _refs, new(LoadRefsAsync), _refs);
            throw;
        }
    }

    private async Task<IReadOnlyDictionary<string, string>> LoadRefsAsync()
    {
        byte[] output;
        try
        {
            output = await RunAsync(CancellationToken.None, "ls-remote", "-q", "origin").ConfigureAwait(false);
        }
        catch (GitCommandException e)
        {
            throw await ClassifyAsync(e).ConfigureAwait(false);
        }
        var refs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in Lines(output))
        {
            var f = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (f.Length != 2) continue;
            if (f[1] == "HEAD" || f[1].StartsWith("refs/heads/", StringComparison.Ordinal) || f[1].StartsWith("refs/tags/", StringComparison.Ordinal))
                refs[f[1]] = f[0];
        }
        foreach (var (name, hash) in refs.ToList())
        {
            if (!name.EndsWith("^{}", StringComparison.Ordinal)) continue;
            refs[name[..^3]] = hash;
            refs.Remove(name);
        }
        return refs;
    }

    /// <summary>
    /// Says why listing the remote failed without reading git's text: the URL git really uses (insteadOf applied) is
    /// asked over HTTP for its smart-protocol ref advertisement, and the status decides (404/410 no such repository,
    /// 401/403 credentials needed, no connection unreachable).
    /// </summary>
    private async Task<CodeHostException> ClassifyAsync(GitCommandException e)
    {
        string effective;
        try
        {
            effective = Encoding.UTF8.GetString(await RunAsync(CancellationToken.None, "ls-remote", "--get-url", "origin").ConfigureAwait(false)).Trim();
        }
        catch (GitCommandException)
        {
            effective = RemoteUrl;
        }
        var where = GitRunner.Redact(effective) == GitRunner.Redact(RemoteUrl) ? GitRunner.Redact(RemoteUrl)
            : $"{GitRunner.Redact(RemoteUrl)} (rewritten by git config to {GitRunner.Redact(effective)})";
        if (Uri.TryCreate(effective, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            var status = await _http.ProbeGitAsync(uri).ConfigureAwait(false);
            switch (status)
            {
                case 404 or 410:
                    return new CodeHostException(VcsErrorKind.RepositoryNotFound, $"repository {where} not found", e);
                case 401 or 403:
                    return new CodeHostException(VcsErrorKind.AuthenticationRequired,
                        $"repository {where} requires authentication and git has no working credentials for it " +
                        "(git never prompts here: configure a credential helper or ~/.netrc)", e);
                case null:
                    return new CodeHostException(VcsErrorKind.Unreachable, $"repository {where} cannot be reached", e);
            }
        }
        return new CodeHostException(VcsErrorKind.CommandFailed, $"listing {where}: {e.Message}", e);
    }

    /// <summary>Tags starting with <paramref name="prefix"/> in byte order, with their commits, and go's TagSum of them.</summary>
    public async Task<(List<KeyValuePair<string, string>> Tags, string TagSum)> TagsAsync(string prefix, CancellationToken ct)
    {
        var refs = await RefsAsync(ct).ConfigureAwait(false);
        var list = refs.Where(r => r.Key.StartsWith("refs/tags/" + prefix, StringComparison.Ordinal))
            .Select(r => new KeyValuePair<string, string>(r.Key["refs/tags/".Length..], r.Value))
            .OrderBy(t => t.Key, StringComparer.Ordinal).ToList();
        var dir = prefix[..(prefix.LastIndexOf('/') + 1)];
        var sb = new StringBuilder();
        foreach (var (name, hash) in list)
        {
            var v = name[dir.Length..];
            var c = SemVer.Canonical(v);
            if (c.Length > 0 && v.StartsWith(c, StringComparison.Ordinal) && !PseudoVersion.IsPseudoVersion(v))
                sb.Append(GoString.Quote(name)).Append(' ').Append(hash).Append('\n');
        }
        return (list, "t1:" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString()))));
    }

    /// <summary>The revision HEAD points at (go's <c>Latest</c>).</summary>
    public async Task<GitRevInfo> LatestAsync(CancellationToken ct)
    {
        var refs = await RefsAsync(ct).ConfigureAwait(false);
        if (!refs.TryGetValue("HEAD", out var head) || head.Length == 0)
            throw new CodeHostException(VcsErrorKind.UnknownRevision, "no commits");
        var info = await StatAsync(head, ct).ConfigureAwait(false);
        return info with { Ref = "HEAD" };
    }

    /// <summary>Resolves <paramref name="rev"/> (tag, branch, HEAD, full or abbreviated hash), fetching as little as possible.</summary>
    public Task<GitRevInfo> StatAsync(string rev, CancellationToken ct)
    {
        if (rev == "latest") return LatestAsync(ct);
        var lazy = _statCache.GetOrAdd(rev, r => new Lazy<Task<GitRevInfo>>(() => StatUncachedAsync(r, CancellationToken.None)));
        return lazy.Value.WaitAsync(ct);
    }

    private static bool AllHex(string s) => s.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    private async Task<GitRevInfo> StatUncachedAsync(string rev, CancellationToken ct)
    {
        var didStatLocal = false;
        if (rev.Length is >= MinHashDigits and <= 40 && AllHex(rev))
        {
            if (await StatLocalAsync(rev, rev, ct).ConfigureAwait(false) is { } local) return local;
            didStatLocal = true;
        }
        if ((await _localTags.Value.ConfigureAwait(false)).Contains(rev))
            return await StatLocalAsync(rev, "refs/tags/" + rev, ct).ConfigureAwait(false) ?? throw Unknown(rev);

        var refs = await RefsAsync(ct).ConfigureAwait(false);
        string reference = "", hash = "";
        if (refs.TryGetValue("refs/tags/" + rev, out var h) && h.Length > 0)
        {
            reference = "refs/tags/" + rev;
            hash = h;
        }
        else if (refs.TryGetValue("refs/heads/" + rev, out h) && h.Length > 0)
        {
            reference = "refs/heads/" + rev;
            hash = h;
            rev = h;
        }
        else if (rev == "HEAD" && refs.TryGetValue("HEAD", out h) && h.Length > 0)
        {
            reference = "HEAD";
            hash = h;
            rev = h;
        }
        else if (rev.Length is >= MinHashDigits and <= 40 && AllHex(rev))
        {
            var prefix = rev;
            foreach (var (k, v) in refs)
            {
                if (!v.StartsWith(prefix, StringComparison.Ordinal)) continue;
                if (hash.Length > 0 && hash != v)
                    throw new CodeHostException(VcsErrorKind.UnknownRevision, $"ambiguous revision {rev}");
                if (reference.Length == 0 || string.CompareOrdinal(reference, k) > 0) reference = k;
                rev = v;
                hash = v;
            }
            if (hash.Length == 0 && rev.Length == 40) hash = rev;
        }
        else
        {
            throw Unknown(rev);
        }

        GitRevInfo? info;
        using (await LockAsync(ct).ConfigureAwait(false))
        {
            if (!didStatLocal && await StatLocalAsync(rev, hash, ct).ConfigureAwait(false) is { } local)
            {
                if (reference.StartsWith("refs/tags/", StringComparison.Ordinal))
                    await _git.RunRawAsync(_dir, ["tag", reference["refs/tags/".Length..], hash], ct).ConfigureAwait(false);
                return WithRef(local, reference);
            }
            info = null;
            if (!_fetchedAll && reference.Length > 0 && hash.Length > 0)
            {
                string refspec, lookup;
                if (reference != "HEAD")
                {
                    refspec = reference + ":" + reference;
                    lookup = reference;
                }
                else
                {
                    refspec = hash + ":refs/dummy";
                    lookup = hash;
                }
                var (code, _, _) = await _git.RunRawAsync(_dir, ["fetch", "-f", "--depth=1", "origin", refspec], ct).ConfigureAwait(false);
                if (code == 0) info = await StatLocalAsync(rev, lookup, ct).ConfigureAwait(false) ?? throw Unknown(lookup);
            }
            if (info is null)
            {
                await FetchAllLockedAsync(ct).ConfigureAwait(false);
                info = await StatLocalAsync(rev, rev, ct).ConfigureAwait(false) ?? throw Unknown(rev);
            }
        }
        return WithRef(info, reference);
    }

    private static GitRevInfo WithRef(GitRevInfo info, string reference) =>
        reference.Length > 0 && reference != info.Name ? info with { Ref = reference } : info;

    private static CodeHostException Unknown(string rev) => new(VcsErrorKind.UnknownRevision, $"unknown revision {rev}");

    /// <summary>Fetches every branch and tag with full history (go's fetchRefsLocked); the caller holds the lock.</summary>
    private async Task FetchAllLockedAsync(CancellationToken ct)
    {
        if (_fetchedAll) return;
        try
        {
            await RunAsync(ct, "fetch", "-f", "origin", "refs/heads/*:refs/heads/*", "refs/tags/*:refs/tags/*").ConfigureAwait(false);
            if (File.Exists(Path.Combine(_dir, "shallow")))
                await RunAsync(ct, "fetch", "--unshallow", "-f", "origin").ConfigureAwait(false);
        }
        catch (GitCommandException e)
        {
            throw await ClassifyAsync(e).ConfigureAwait(false);
        }
        _fetchedAll = true;
    }

    /// <summary>go's statLocal: the commit <paramref name="rev"/> names in the mirror, or null when it has none.</summary>
    private async Task<GitRevInfo?> StatLocalAsync(string version, string rev, CancellationToken ct)
    {
        var (code, stdout, _) = await _git.RunRawAsync(_dir,
            ["-c", "log.showsignature=false", "log", "--no-decorate", "-n1", "--format=format:%H %ct %D", rev, "--"], ct).ConfigureAwait(false);
        if (code != 0) return null;
        var f = Encoding.UTF8.GetString(stdout).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (f.Length < 2) throw new CodeHostException(VcsErrorKind.CommandFailed, $"unexpected response from git log: {GoString.Quote(Encoding.UTF8.GetString(stdout))}");
        var hash = f[0];
        if (!long.TryParse(f[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
            throw new CodeHostException(VcsErrorKind.CommandFailed, $"invalid time from git log: {GoString.Quote(Encoding.UTF8.GetString(stdout))}");
        var tags = new List<string>();
        for (var i = 2; i < f.Length; i++)
        {
            if (f[i] != "tag:") continue;
            i++;
            if (i < f.Length) tags.Add(f[i].TrimEnd(','));
        }
        tags.Sort(StringComparer.Ordinal);
        var v = tags.Contains(version) ? version : hash;
        var reference = hash.StartsWith(rev, StringComparison.Ordinal) ? "" : rev;
        return new GitRevInfo(hash, hash[..Math.Min(12, hash.Length)], v, DateTimeOffset.FromUnixTimeSeconds(seconds), tags, reference);
    }

    /// <summary>The content of <paramref name="file"/> at <paramref name="rev"/>, or null when it does not exist there.</summary>
    public async Task<byte[]?> ReadFileAsync(string rev, string file, CancellationToken ct)
    {
        var info = await StatAsync(rev, ct).ConfigureAwait(false);
        var (code, stdout, _) = await _git.RunRawAsync(_dir, ["cat-file", "blob", info.Name + ":" + file], ct).ConfigureAwait(false);
        return code == 0 ? stdout : null;
    }

    /// <summary>
    /// The highest tag with <paramref name="prefix"/> that <paramref name="allowed"/> accepts among those reachable
    /// from <paramref name="rev"/> (go's RecentTag); fetches full history only when a plausible tag is not yet local.
    /// </summary>
    public async Task<string> RecentTagAsync(string rev, string prefix, Func<string, bool> allowed, CancellationToken ct)
    {
        var info = await StatAsync(rev, ct).ConfigureAwait(false);
        async Task<(string Tag, bool Definitive)> DescribeAsync()
        {
            var (code, stdout, _) = await _git.RunRawAsync(_dir, ["for-each-ref", "--format", "%(refname)", "refs/tags", "--merged", info.Name], ct).ConfigureAwait(false);
            if (code != 0) return ("", true);
            var highest = "";
            foreach (var raw in Lines(stdout))
            {
                var line = raw.Trim();
                if (!line.StartsWith("refs/tags/", StringComparison.Ordinal)) continue;
                line = line["refs/tags/".Length..];
                if (!line.StartsWith(prefix, StringComparison.Ordinal) || !allowed(line)) continue;
                var semtag = line[prefix.Length..];
                if (SemVer.Compare(semtag, highest) > 0) highest = semtag;
            }
            var tag = highest.Length > 0 ? prefix + highest : "";
            return (tag, tag.Length > 0 && !AllHex(tag));
        }
        var (found, definitive) = await DescribeAsync().ConfigureAwait(false);
        if (definitive) return found;
        var (tags, _) = await TagsAsync(prefix + "v", ct).ConfigureAwait(false);
        if (tags.Count == 0) return "";
        using (await LockAsync(ct).ConfigureAwait(false))
            await FetchAllLockedAsync(ct).ConfigureAwait(false);
        return (await DescribeAsync().ConfigureAwait(false)).Tag;
    }

    /// <summary>Whether <paramref name="tag"/> is an ancestor of <paramref name="rev"/> (go's DescendsFrom).</summary>
    public async Task<bool> DescendsFromAsync(string rev, string tag, CancellationToken ct)
    {
        if ((await _git.RunRawAsync(_dir, ["merge-base", "--is-ancestor", "--", tag, rev], ct).ConfigureAwait(false)).ExitCode == 0) return true;
        var (tags, _) = await TagsAsync(tag, ct).ConfigureAwait(false);
        if (tags.Count == 0) return false;
        await StatAsync(rev, ct).ConfigureAwait(false);
        using (await LockAsync(ct).ConfigureAwait(false))
            await FetchAllLockedAsync(ct).ConfigureAwait(false);
        var (code, _, stderr) = await _git.RunRawAsync(_dir, ["merge-base", "--is-ancestor", "--", tag, rev], ct).ConfigureAwait(false);
        return code switch
        {
            0 => true,
            1 => false,
            _ => throw new CodeHostException(VcsErrorKind.CommandFailed, $"git merge-base --is-ancestor -- {tag} {rev}: exit status {code}\n{stderr}"),
        };
    }

    /// <summary>
    /// Writes <c>git archive --format=zip</c> of <paramref name="rev"/> (limited to <paramref name="subdir"/>) to
    /// <paramref name="target"/>, with export-subst and export-ignore disabled and line endings untouched, exactly as
    /// go asks git for it. Returns false when the subdirectory does not exist at that revision.
    /// </summary>
    public async Task<bool> ReadZipAsync(string rev, string subdir, string target, CancellationToken ct)
    {
        var info = await StatAsync(rev, ct).ConfigureAwait(false);
        if (subdir.Length > 0 &&
            (await _git.RunRawAsync(_dir, ["cat-file", "-e", info.Name + ":" + subdir], ct).ConfigureAwait(false)).ExitCode != 0)
            return false;
        using (await LockAsync(ct).ConfigureAwait(false))
        {
            EnsureGitAttributes();
            List<string> args = ["-c", "core.autocrlf=input", "-c", "core.eol=lf", "archive", "--format=zip", "--prefix=prefix/", "-o", target, info.Name];
            if (subdir.Length > 0) args.AddRange(["--", subdir]);
            await _git.RunAsync(_dir, args, ct).ConfigureAwait(false);
        }
        return true;
    }

    /// <summary>go's ensureGitAttributes: <c>info/attributes</c> ends with a line disabling export-subst and export-ignore.</summary>
    private void EnsureGitAttributes()
    {
        if (_attributesChecked) return;
        const string attr = "\n* -export-subst -export-ignore\n";
        var d = Path.Combine(_dir, "info");
        Directory.CreateDirectory(d);
        var p = Path.Combine(d, "attributes");
        var existing = File.Exists(p) ? File.ReadAllText(p) : "";
        if (!existing.EndsWith(attr, StringComparison.Ordinal)) File.AppendAllText(p, attr);
        _attributesChecked = true;
    }

    private static IEnumerable<string> Lines(byte[] output) =>
        Encoding.UTF8.GetString(output).Split('\n').Where(l => l.Length > 0);
}
