using System.Globalization;
using GoMod.Core.Fetch;
using GoMod.Core.ModFile;
using GoMod.Core.Module;
using GoMod.Core.Proxy;
using GoMod.Core.Semver;

namespace GoMod.Core.Vcs;

/// <summary>
/// One module inside a git repository (go's <c>modfetch.codeRepo</c>): versions are the repository's canonical
/// semver tags (with the <c>dir/</c> prefix of a module in a subdirectory), major versions v2+ live in a <c>/vN</c>
/// subdirectory or declare <c>module …/vN</c>, v2+ tags of a repository without go.mod become <c>+incompatible</c>
/// under go's conditions, and any other revision resolves to the pseudo-version go computes. go.mod comes from the
/// revision (or is synthesized as <c>module path</c>), and the zip is built from <c>git archive</c> with the module
/// zip rules, adding the repository root's LICENSE to a subdirectory module that has none.
/// </summary>
internal sealed class CodeRepo : IModuleRepo
{
    private readonly GitRepo _code;
    private readonly string _codeRoot;
    private readonly string _codeDir;
    private readonly string _pathPrefix;
    private readonly string _pathMajor;
    private readonly string _pseudoMajor;

    public CodeRepo(GitRepo code, string codeRoot, string path)
    {
        _code = code;
        _codeRoot = codeRoot;
        ModulePath = path;
        if (!GoImportMeta.HasPathPrefix(path, codeRoot))
            throw VcsException.Create(VcsErrorKind.ImportPathNotResolved, path, "", $"mismatched repo: found {codeRoot} for {path}", code.RemoteUrl);
        if (!Module.ModulePath.SplitPathVersion(path, out var pathPrefix, out var pathMajor))
            throw VcsException.Create(VcsErrorKind.ImportPathNotResolved, path, "", $"invalid module path \"{path}\"", code.RemoteUrl);
        if (codeRoot == path) pathPrefix = path;
        _pathPrefix = pathPrefix;
        _pathMajor = pathMajor;
        _pseudoMajor = Module.ModulePath.PathMajorPrefix(pathMajor);
        _codeDir = "";
        if (codeRoot != path)
        {
            if (!GoImportMeta.HasPathPrefix(pathPrefix, codeRoot))
                throw VcsException.Create(VcsErrorKind.ImportPathNotResolved, path, "", $"repository rooted at {codeRoot} cannot contain module {path}", code.RemoteUrl);
            _codeDir = pathPrefix[codeRoot.Length..].Trim('/');
        }
    }

    public string ModulePath { get; }

    private ModuleFetchException Wrap(string version, CodeHostException e, bool invalidVersion = false) =>
        VcsException.Create(e.Kind, ModulePath, version, invalidVersion && e.Kind == VcsErrorKind.UnknownRevision ? "invalid version: " + e.Message : e.Message, _code.RemoteUrl, e);

    private ModuleFetchException Invalid(string version, string detail) =>
        VcsException.Create(VcsErrorKind.InvalidVersion, ModulePath, version, "invalid version: " + detail, _code.RemoteUrl);

    private async Task<T> GuardAsync<T>(string version, Func<Task<T>> f, bool invalidVersion = false)
    {
        try
        {
            return await f().ConfigureAwait(false);
        }
        catch (CodeHostException e)
        {
            throw Wrap(version, e, invalidVersion);
        }
        catch (GitCommandException e)
        {
            throw VcsException.Create(VcsErrorKind.CommandFailed, ModulePath, version, e.Message, _code.RemoteUrl, e);
        }
    }

    private Task<byte[]?> ReadFileAsync(string rev, string file, CancellationToken ct) => _code.ReadFileAsync(rev, file, ct);

    public Task<IReadOnlyList<string>> VersionsAsync(string prefix, CancellationToken ct) => GuardAsync("", () => VersionsCoreAsync(prefix, ct));

    private async Task<IReadOnlyList<string>> VersionsCoreAsync(string prefix, CancellationToken ct)
    {
        if (ModulePath.StartsWith("gopkg.in/", StringComparison.Ordinal) && ModulePath.EndsWith("-unstable", StringComparison.Ordinal)) return [];
        var p = _codeDir.Length > 0 ? _codeDir + "/" + prefix : prefix;
        var (tags, _) = await _code.TagsAsync(p, ct).ConfigureAwait(false);
        var list = new List<string>();
        var incompatible = new List<string>();
        foreach (var (name, _) in tags)
        {
            var v = _codeDir.Length > 0 ? name[(_codeDir.Length + 1)..] : name;
            if (v.Length == 0 || v != SemVer.Canonical(v) || PseudoVersion.IsPseudoVersion(v)) continue;
            if (!Module.ModulePath.MatchPathMajor(v, _pathMajor))
            {
                if (_codeDir.Length == 0 && _pathMajor.Length == 0 && string.CompareOrdinal(SemVer.Major(v), "v1") > 0) incompatible.Add(v);
                continue;
            }
            list.Add(v);
        }
        SemVer.Sort(list);
        SemVer.Sort(incompatible);
        if (incompatible.Count == 0 || _pathMajor.Length > 0) return list;
        if (list.Count > 0 && await ReadFileAsync(list[^1], "go.mod", ct).ConfigureAwait(false) is not null) return list;
        string lastMajor = "";
        var lastMajorHasGoMod = false;
        for (var i = 0; i < incompatible.Count; i++)
        {
            var v = incompatible[i];
            var major = SemVer.Major(v);
            if (major != lastMajor)
            {
                var j = i;
                while (j + 1 < incompatible.Count && SemVer.Major(incompatible[j + 1]) == major) j++;
                lastMajor = major;
                lastMajorHasGoMod = await ReadFileAsync(incompatible[j], "go.mod", ct).ConfigureAwait(false) is not null;
            }
            if (!lastMajorHasGoMod) list.Add(v + "+incompatible");
        }
        return list;
    }

    public Task<IReadOnlyList<string>> ListLinesAsync(CancellationToken ct) => VersionsAsync("", ct);

    public Task<RevInfo> LatestAsync(CancellationToken ct) => LatestEndpointAsync(ct);

    public Task<RevInfo> LatestEndpointAsync(CancellationToken ct) => GuardAsync("", async () =>
    {
        var info = await _code.LatestAsync(ct).ConfigureAwait(false);
        return await ConvertAsync(info, "", ct).ConfigureAwait(false);
    });

    public Task<RevInfo> StatAsync(string rev, CancellationToken ct)
    {
        if (rev == "latest") return LatestAsync(ct);
        return GuardAsync(rev, async () =>
        {
            GitRevInfo info;
            try
            {
                info = await _code.StatAsync(RevToRev(rev), ct).ConfigureAwait(false);
            }
            catch (CodeHostException e) when (e.Kind == VcsErrorKind.UnknownRevision)
            {
                throw VcsException.Create(VcsErrorKind.UnknownRevision, ModulePath, rev, "invalid version: " + e.Message, _code.RemoteUrl, e);
            }
            return await ConvertAsync(info, rev, ct).ConfigureAwait(false);
        });
    }

    private string RevToRev(string rev)
    {
        if (!SemVer.IsValid(rev)) return rev;
        if (PseudoVersion.IsPseudoVersion(rev)) return PseudoVersion.Rev(rev);
        if (SemVer.Build(rev) == "+incompatible") rev = rev[..^"+incompatible".Length];
        return _codeDir.Length == 0 ? rev : _codeDir + "/" + rev;
    }

    private RevInfo MakeInfo(GitRevInfo info, string version)
    {
        var origin = new List<KeyValuePair<string, string>> { new("VCS", "git"), new("URL", _code.RemoteUrl) };
        if (_codeDir.Length > 0) origin.Add(new("Subdir", _codeDir));
        // go 1.19's codehost.Origin field order: VCS, URL, Subdir, TagPrefix, TagSum, Ref, Hash, RepoSum.
        if (info.Ref.Length > 0) origin.Add(new("Ref", info.Ref));
        origin.Add(new("Hash", info.Name));
        var time = info.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return new RevInfo(version, time, origin);
    }

    /// <summary>go's <c>codeRepo.convert</c>: the module version of a revision.</summary>
    private async Task<RevInfo> ConvertAsync(GitRevInfo info, string statVers, CancellationToken ct)
    {
        var incompatibleOk = new Dictionary<string, bool>(StringComparer.Ordinal);
        async Task<bool> CanUseIncompatibleAsync(string v)
        {
            if (_codeDir.Length > 0 || _pathMajor.Length > 0) return false;
            if (!incompatibleOk.TryGetValue("", out var ok))
            {
                ok = await ReadFileAsync(info.Name, "go.mod", ct).ConfigureAwait(false) is null;
                incompatibleOk[""] = ok;
            }
            if (!ok) return false;
            if (v.Length > 0 && !statVers.EndsWith("+incompatible", StringComparison.Ordinal))
            {
                var major = SemVer.Major(v);
                if (!incompatibleOk.TryGetValue(major, out ok))
                {
                    ok = await ReadFileAsync(info.Name, major + "/go.mod", ct).ConfigureAwait(false) is null;
                    incompatibleOk[major] = ok;
                }
                if (!ok) return false;
            }
            return true;
        }

        async Task<RevInfo> CheckCanonicalAsync(string v)
        {
            try
            {
                await FindDirAsync(v, ct).ConfigureAwait(false);
            }
            catch (FindDirException e)
            {
                throw Invalid(v, e.Message);
            }
            if (v == TrimIncompatible(statVers)) v = statVers;
            var baseV = TrimIncompatible(v);
            string? errIncompatible = null;
            if (!Module.ModulePath.MatchPathMajor(baseV, _pathMajor))
            {
                if (await CanUseIncompatibleAsync(baseV).ConfigureAwait(false)) v = baseV + "+incompatible";
                else if (_pathMajor.Length > 0) errIncompatible = "module path includes a major version suffix, so major version must match";
                else errIncompatible = $"module contains a go.mod file, so module path must match major version (\"{_pathPrefix}/{SemVer.Major(v)}\")";
            }
            else if (v.EndsWith("+incompatible", StringComparison.Ordinal))
            {
                errIncompatible = $"+incompatible suffix not allowed: major version {SemVer.Major(v)} is compatible";
            }
            if (statVers.Length > 0 && statVers == Module.ModulePath.CanonicalVersion(statVers))
            {
                var statBase = TrimIncompatible(statVers);
                if (statBase != baseV)
                    throw VcsException.Create(VcsErrorKind.InvalidVersion, ModulePath, statVers,
                        $"invalid version: resolves to version {v} ({statBase} is not a tag)", _code.RemoteUrl);
            }
            if (errIncompatible is not null) throw VcsException.Create(VcsErrorKind.InvalidVersion, ModulePath, v, "invalid version: " + errIncompatible, _code.RemoteUrl);
            return MakeInfo(info, v);
        }

        if (PseudoVersion.IsPseudoVersion(statVers))
        {
            await ValidatePseudoVersionAsync(info, statVers, ct).ConfigureAwait(false);
            return await CheckCanonicalAsync(statVers).ConfigureAwait(false);
        }

        var tagPrefix = _codeDir.Length > 0 ? _codeDir + "/" : "";
        Func<string, bool> isRetracted;
        try
        {
            isRetracted = await RetractedAsync(ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IVcsFailure or CodeHostException or ModFileParseException or FindDirException)
        {
            isRetracted = _ => false;
        }

        (string V, bool Canonical) TagToVersion(string tag)
        {
            if (!tag.StartsWith(tagPrefix, StringComparison.Ordinal)) return ("", false);
            var trimmed = tag[tagPrefix.Length..];
            if (PseudoVersion.IsPseudoVersion(tag)) return ("", false);
            var v = SemVer.Canonical(trimmed);
            if (v.Length == 0 || !trimmed.StartsWith(v, StringComparison.Ordinal)) return ("", false);
            return (v, v == trimmed);
        }

        var (iv, ivCanonical) = TagToVersion(info.Version);
        if (ivCanonical)
        {
            try
            {
                return await CheckCanonicalAsync(iv).ConfigureAwait(false);
            }
            catch (ModuleFetchException e) when (e is IVcsFailure)
            {
            }
        }

        string highestCanonical = "", pseudoBase = "";
        foreach (var pathTag in info.Tags)
        {
            var (v, canonical) = TagToVersion(pathTag);
            if (statVers.Length > 0 && SemVer.Compare(v, statVers) == 0)
            {
                if (canonical) return await CheckCanonicalAsync(v).ConfigureAwait(false);
                pseudoBase = v;
            }
            if (canonical && SemVer.Compare(highestCanonical, v) < 0 && !isRetracted(v))
            {
                if (Module.ModulePath.MatchPathMajor(v, _pathMajor) || await CanUseIncompatibleAsync(v).ConfigureAwait(false))
                    highestCanonical = v;
            }
        }
        if (highestCanonical.Length > 0) return await CheckCanonicalAsync(highestCanonical).ConfigureAwait(false);

        if (pseudoBase.Length == 0)
        {
            // RecentTag's filter is synchronous; answer the go.mod questions it may ask up front.
            var allowedCache = new Dictionary<string, bool>(StringComparer.Ordinal);
            var (tags, _) = await _code.TagsAsync(tagPrefix, ct).ConfigureAwait(false);
            foreach (var (tag, _) in tags)
            {
                var (v, _) = TagToVersion(tag);
                if (v.Length == 0) { allowedCache[tag] = false; continue; }
                var ok = (Module.ModulePath.MatchPathMajor(v, _pathMajor) || await CanUseIncompatibleAsync(v).ConfigureAwait(false)) && !isRetracted(v);
                allowedCache[tag] = ok;
            }
            var recent = await _code.RecentTagAsync(info.Name, tagPrefix, t => allowedCache.TryGetValue(t, out var a) && a, ct).ConfigureAwait(false);
            if (recent.Length > 0) pseudoBase = TagToVersion(recent).V;
        }
        return await CheckCanonicalAsync(PseudoVersion.Build(_pseudoMajor, pseudoBase, info.Time.UtcDateTime, info.Short)).ConfigureAwait(false);
    }

    private static string TrimIncompatible(string v) =>
        v.EndsWith("+incompatible", StringComparison.Ordinal) ? v[..^"+incompatible".Length] : v;

    /// <summary>go's validatePseudoVersion: the hash, time and base tag of a pseudo-version agree with the commit.</summary>
    private async Task ValidatePseudoVersionAsync(GitRevInfo info, string version, CancellationToken ct)
    {
        ModuleFetchException Bad(string detail) => VcsException.Create(VcsErrorKind.InvalidVersion, ModulePath, version, "invalid pseudo-version: " + detail, _code.RemoteUrl);
        var rev = PseudoVersion.Rev(version);
        if (rev != info.Short)
        {
            if (rev.StartsWith(info.Short, StringComparison.Ordinal)) throw Bad($"revision is longer than canonical (expected {info.Short})");
            if (info.Short.StartsWith(rev, StringComparison.Ordinal)) throw Bad($"revision is shorter than canonical (expected {info.Short})");
            throw Bad($"does not match short name of revision (expected {info.Short})");
        }
        var t = PseudoVersion.Time(version);
        if (t != info.Time.UtcDateTime)
            throw Bad($"does not match version-control timestamp (expected {info.Time.UtcDateTime.ToString(PseudoVersion.TimestampFormat, CultureInfo.InvariantCulture)})");
        var tagPrefix = _codeDir.Length > 0 ? _codeDir + "/" : "";
        var baseV = PseudoVersion.Base(TrimIncompatible(version));
        if (baseV.Length == 0)
        {
            if (_pseudoMajor.Length == 0 && SemVer.Major(version) == "v1") throw Bad("major version without preceding tag must be v0, not v1");
            return;
        }
        foreach (var tag in info.Tags)
        {
            var versionOnly = tag.StartsWith(tagPrefix, StringComparison.Ordinal) ? tag[tagPrefix.Length..] : tag;
            if (versionOnly == baseV)
                throw Bad($"tag ({tag}) found on revision {rev} is already canonical, so should not be replaced with a pseudo-version derived from that tag");
        }
        var (tags, _) = await _code.TagsAsync(tagPrefix + baseV, ct).ConfigureAwait(false);
        var lastTag = "";
        var found = false;
        foreach (var (name, _) in tags)
        {
            var versionOnly = name[tagPrefix.Length..];
            if (SemVer.Compare(versionOnly, baseV) != 0) continue;
            lastTag = name;
            if (await _code.DescendsFromAsync(info.Name, name, ct).ConfigureAwait(false))
            {
                found = true;
                break;
            }
        }
        if (lastTag.Length == 0) throw Bad($"preceding tag ({baseV}) not found");
        if (!found) throw Bad($"revision {rev} is not a descendent of preceding tag ({lastTag})");
    }

    private sealed class FindDirException(string message) : Exception(message);

    /// <summary>go's findDir: the revision, the module's directory in the repository, and its go.mod (null: none).</summary>
    private async Task<(string Rev, string Dir, byte[]? GoMod)> FindDirAsync(string version, CancellationToken ct)
    {
        if (!SemVer.IsValid(version)) throw new FindDirException("syntax error");
        var rev = RevToRev(version);
        var file1 = _codeDir.Length > 0 ? _codeDir + "/go.mod" : "go.mod";
        var gomod1 = await ReadFileAsync(rev, file1, ct).ConfigureAwait(false);
        var mpath1 = gomod1 is null ? "" : ModFileModulePath(gomod1);
        var found1 = gomod1 is not null && (IsMajor(mpath1, _pathMajor) || (_pathMajor.Length == 0 && mpath1.StartsWith("gopkg.in/", StringComparison.Ordinal)));
        var file2 = "";
        if (_pathMajor.Length > 0 && _codeRoot != ModulePath && !_pathMajor.StartsWith('.'))
        {
            var dir2 = (_codeDir.Length > 0 ? _codeDir + "/" : "") + _pathMajor[1..];
            file2 = dir2 + "/go.mod";
            var gomod2 = await ReadFileAsync(rev, file2, ct).ConfigureAwait(false);
            var mpath2 = gomod2 is null ? "" : ModFileModulePath(gomod2);
            var found2 = gomod2 is not null && IsMajor(mpath2, _pathMajor);
            if (found1 && found2)
                throw new FindDirException($"{_pathPrefix}/{file1} and ...{_pathMajor}/go.mod both have ...{_pathMajor} module paths at revision {rev}");
            if (found2) return (rev, dir2, gomod2);
            if (gomod2 is not null)
            {
                if (mpath2.Length == 0) throw new FindDirException($"{_codeRoot}/{file2} is missing module path at revision {rev}");
                throw new FindDirException($"{_codeRoot}/{file2} has non-...{_pathMajor} module path \"{mpath2}\" at revision {rev}");
            }
        }
        if (found1) return (rev, _codeDir, gomod1);
        if (gomod1 is not null)
        {
            var suffix = file2.Length > 0 ? $" (and ...{_pathMajor}/go.mod does not exist)" : "";
            if (mpath1.Length == 0) throw new FindDirException($"{file1} is missing module path{suffix} at revision {rev}");
            if (_pathMajor.Length > 0) throw new FindDirException($"{file1} has non-...{_pathMajor} module path \"{mpath1}\"{suffix} at revision {rev}");
            if (!Module.ModulePath.SplitPathVersion(mpath1, out _, out _))
                throw new FindDirException($"{file1} has malformed module path \"{mpath1}\"{suffix} at revision {rev}");
            throw new FindDirException($"{file1} has post-{SemVer.Major(version)} module path \"{mpath1}\"{suffix} at revision {rev}");
        }
        if (_codeDir.Length == 0 && (_pathMajor.Length == 0 || _pathMajor.StartsWith('.'))) return (rev, "", null);
        if (file2.Length > 0) throw new FindDirException($"missing {_pathPrefix}/go.mod and ...{_pathMajor}/go.mod at revision {rev}");
        throw new FindDirException($"missing {_pathPrefix}/go.mod at revision {rev}");
    }

    private static bool IsMajor(string mpath, string pathMajor)
    {
        if (mpath.Length == 0) return false;
        if (!Module.ModulePath.SplitPathVersion(mpath, out _, out var mpathMajor)) return false;
        if (pathMajor.Length == 0) return Module.ModulePath.PathMajorPrefix(mpathMajor) is "" or "v0" or "v1";
        if (mpathMajor.Length == 0) return false;
        return pathMajor[1..] == mpathMajor[1..];
    }

    /// <summary>x/mod's modfile.ModulePath: the module line of a go.mod read leniently ("" when there is none).</summary>
    internal static string ModFileModulePath(byte[] data)
    {
        var text = System.Text.Encoding.UTF8.GetString(data);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw;
            var c = line.IndexOf("//", StringComparison.Ordinal);
            if (c >= 0) line = line[..c];
            line = GoText.TrimSpace(line);
            if (!line.StartsWith("module", StringComparison.Ordinal)) continue;
            line = line["module".Length..];
            var n = line.Length;
            line = GoText.TrimSpace(line);
            if (line.Length == n || line.Length == 0) continue;
            if (line[0] is '"' or '`')
            {
                if (line.Length >= 2 && line[^1] == line[0] && line.IndexOf(line[0], 1) == line.Length - 1 && (line[0] == '`' || !line.Contains('\\')))
                    return line[1..^1];
                return "";
            }
            return line;
        }
        return "";
    }

    private async Task<Func<string, bool>> RetractedAsync(CancellationToken ct)
    {
        var versions = (await VersionsCoreAsync("", ct).ConfigureAwait(false)).TakeWhile(v => !v.EndsWith("+incompatible", StringComparison.Ordinal)).ToList();
        if (versions.Count == 0) return _ => false;
        var highest = versions.LastOrDefault(v => SemVer.Prerelease(v).Length == 0) ?? versions[^1];
        var data = await GoModCoreAsync(highest, ct).ConfigureAwait(false);
        var f = GoModFile.ParseLax("go.mod", System.Text.Encoding.UTF8.GetString(data));
        var retractions = f.Retract;
        return v => retractions.Any(r => SemVer.Compare(r.Low, v) <= 0 && SemVer.Compare(v, r.High) <= 0);
    }

    public Task<byte[]> GoModAsync(string version, CancellationToken ct) => GuardAsync(version, () => GoModCoreAsync(version, ct));

    private async Task<byte[]> GoModCoreAsync(string version, CancellationToken ct)
    {
        if (version != Module.ModulePath.CanonicalVersion(version))
            throw VcsException.Create(VcsErrorKind.InvalidVersion, ModulePath, version, $"version {version} is not canonical", _code.RemoteUrl);
        if (PseudoVersion.IsPseudoVersion(version)) await StatAsync(version, ct).ConfigureAwait(false);
        string rev, dir;
        byte[]? gomod;
        try
        {
            (rev, dir, gomod) = await FindDirAsync(version, ct).ConfigureAwait(false);
        }
        catch (FindDirException e)
        {
            throw VcsException.Create(VcsErrorKind.InvalidVersion, ModulePath, version, e.Message, _code.RemoteUrl);
        }
        if (gomod is not null) return gomod;
        return await ReadFileAsync(rev, dir.Length > 0 ? dir + "/go.mod" : "go.mod", ct).ConfigureAwait(false)
               ?? System.Text.Encoding.UTF8.GetBytes("module " + ModulePath + "\n");
    }

    public string ZipLocation(string version) => GitRunner.Redact(_code.RemoteUrl);

    public Task ZipAsync(string version, Stream destination, CancellationToken ct) => GuardAsync(version, async () =>
    {
        if (version != Module.ModulePath.CanonicalVersion(version))
            throw VcsException.Create(VcsErrorKind.InvalidVersion, ModulePath, version, $"version {version} is not canonical", _code.RemoteUrl);
        if (PseudoVersion.IsPseudoVersion(version)) await StatAsync(version, ct).ConfigureAwait(false);
        string rev, subdir;
        try
        {
            (rev, subdir, _) = await FindDirAsync(version, ct).ConfigureAwait(false);
        }
        catch (FindDirException e)
        {
            throw VcsException.Create(VcsErrorKind.InvalidVersion, ModulePath, version, e.Message, _code.RemoteUrl);
        }
        await ModuleZipFromGit.WriteAsync(_code, rev, subdir, new ModuleVersion(ModulePath, version), destination, ct).ConfigureAwait(false);
        return true;
    });
}
