using System.Text.RegularExpressions;
using GoMod.Core.Fetch;
using GoMod.Core.GoEnv;
using GoMod.Core.Module;

namespace GoMod.Core.Vcs;

/// <summary>
/// Maps a module path to its repository as go's <c>vcs.RepoRootForImportPath</c> does in module mode: first go's
/// table of hosting sites (github.com, bitbucket.org, hub.jazz.net/git, git.apache.org, git.openstack.org,
/// chiselapp.com) and the generic <c>host/path.vcs</c> qualifier, else <c>?go-get=1</c> discovery (https; http and
/// unverified https only under GOINSECURE), with a non-exact meta prefix confirmed at the prefix's own page, and
/// launchpad.net last. GOVCS is checked on the repository root; VCS types other than git and mod are refused by name.
/// </summary>
internal sealed partial class RepoRootResolver(GitRunner git, DirectHttp http, GoEnvironment env, GovcsConfig govcs)
{
    private sealed record Site(string Prefix, Regex Pattern, string Vcs, bool CheckNoVcsSuffix);

    [GeneratedRegex(@"^(?<root>github\.com/[A-Za-z0-9_.\-]+/[A-Za-z0-9_.\-]+)(/[A-Za-z0-9_.\-]+)*$")]
    private static partial Regex GitHub();

    [GeneratedRegex(@"^(?<root>bitbucket\.org/(?<bitname>[A-Za-z0-9_.\-]+/[A-Za-z0-9_.\-]+))(/[A-Za-z0-9_.\-]+)*$")]
    private static partial Regex Bitbucket();

    [GeneratedRegex(@"^(?<root>hub\.jazz\.net/git/[a-z0-9]+/[A-Za-z0-9_.\-]+)(/[A-Za-z0-9_.\-]+)*$")]
    private static partial Regex Jazz();

    [GeneratedRegex(@"^(?<root>git\.apache\.org/[a-z0-9_.\-]+\.git)(/[A-Za-z0-9_.\-]+)*$")]
    private static partial Regex Apache();

    [GeneratedRegex(@"^(?<root>git\.openstack\.org/[A-Za-z0-9_.\-]+/[A-Za-z0-9_.\-]+)(\.git)?(/[A-Za-z0-9_.\-]+)*$")]
    private static partial Regex OpenStack();

    [GeneratedRegex(@"^(?<root>chiselapp\.com/user/[A-Za-z0-9]+/repository/[A-Za-z0-9_.\-]+)$")]
    private static partial Regex Chisel();

    [GeneratedRegex(@"(?<root>(?<repo>([a-z0-9.\-]+\.)+[a-z0-9.\-]+(:[0-9]+)?(/~?[A-Za-z0-9_.\-]+)+?)\.(?<vcs>bzr|fossil|git|hg|svn))(/~?[A-Za-z0-9_.\-]+)*$")]
    private static partial Regex Generic();

    [GeneratedRegex(@"^(?<root>launchpad\.net/((?<project>[A-Za-z0-9_.\-]+)(?<series>/[A-Za-z0-9_.\-]+)?|~[A-Za-z0-9_.\-]+/(\+junk|[A-Za-z0-9_.\-]+)/[A-Za-z0-9_.\-]+))(/[A-Za-z0-9_.\-]+)*$")]
    private static partial Regex Launchpad();

    private static readonly Site[] Sites =
    [
        new("github.com", GitHub(), "git", true),
        new("bitbucket.org", Bitbucket(), "git", true),
        new("hub.jazz.net/git", Jazz(), "git", true),
        new("git.apache.org", Apache(), "git", false),
        new("git.openstack.org", OpenStack(), "git", false),
        new("chiselapp.com", Chisel(), "fossil", false),
    ];

    private static readonly string[] KnownVcs = ["hg", "git", "svn", "bzr", "fossil"];

    /// <summary>The repository of <paramref name="path"/>.</summary>
    /// <exception cref="VcsException">No repository (ImportPathNotResolved), a GOVCS refusal or an unsupported VCS.</exception>
    public async Task<RepoRoot> ResolveAsync(string path, CancellationToken ct)
    {
        var insecure = env.IsInsecure(path);
        var root = await FromTableAsync(path, insecure, ct).ConfigureAwait(false);
        if (root is null)
        {
            try
            {
                root = await DynamicAsync(path, insecure, ct).ConfigureAwait(false);
            }
            catch (VcsNotFoundException e) when (e.Kind == VcsErrorKind.ImportPathNotResolved && Launchpad().Match(path) is { Success: true } lp)
            {
                _ = e;
                root = Check(path, new RepoRoot("https://" + lp.Groups["root"].Value, lp.Groups["root"].Value, "bzr", false));
            }
        }
        return root;
    }

    private static bool HasPathPrefix(string s, string prefix) => GoImportMeta.HasPathPrefix(s, prefix);

    private async Task<RepoRoot?> FromTableAsync(string path, bool insecure, CancellationToken ct)
    {
        if (path.StartsWith("http:", StringComparison.Ordinal) || path.StartsWith("https:", StringComparison.Ordinal))
            throw Fail(path, VcsErrorKind.ImportPathNotResolved, $"\"{path[..(path.IndexOf(':') + 1)]}//\" not allowed in import path");
        foreach (var site in Sites)
        {
            if (!HasPathPrefix(path, site.Prefix)) continue;
            var m = site.Pattern.Match(path);
            if (!m.Success) throw Fail(path, VcsErrorKind.ImportPathNotResolved, $"invalid {site.Prefix} import path \"{path}\"");
            var rootPath = m.Groups["root"].Value;
            var repo = "https://" + rootPath;
            if (site.CheckNoVcsSuffix && KnownVcs.Any(v => repo.EndsWith("." + v, StringComparison.Ordinal)))
                throw Fail(path, VcsErrorKind.ImportPathNotResolved, $"invalid version control suffix in {site.Prefix}/ path");
            return Check(path, new RepoRoot(repo, rootPath, site.Vcs, false));
        }
        var g = Generic().Match(path);
        if (!g.Success) return null;
        var vcs = g.Groups["vcs"].Value;
        var schemeless = g.Groups["repo"].Value + "." + vcs;
        var rr = Check(path, new RepoRoot("", g.Groups["root"].Value, vcs, false));
        // git: try the schemes go knows, in its order, keeping the first one git can list.
        string[] schemes = ["git", "https", "http", "git+ssh", "ssh"];
        var chosen = schemes[0];
        foreach (var s in schemes)
        {
            if (!insecure && s is not ("https" or "git+ssh" or "ssh")) continue;
            var (code, _, _) = await git.RunRawAsync(Path.GetTempPath(), ["ls-remote", s + "://" + schemeless], ct).ConfigureAwait(false);
            if (code == 0)
            {
                chosen = s;
                break;
            }
        }
        return rr with { Repo = chosen + "://" + schemeless };
    }

    /// <summary>GOVCS, then the VCS types this implementation serves (git and the module proxy protocol).</summary>
    private RepoRoot Check(string path, RepoRoot rr)
    {
        if (rr.Vcs != "mod")
        {
            var isPrivate = PrefixPatterns.Match(env.GoPrivate, rr.Root);
            if (!govcs.Allows(rr.Root, isPrivate, rr.Vcs))
                throw Fail(path, VcsErrorKind.DisallowedByGovcs,
                    $"GOVCS disallows using {rr.Vcs} for {(isPrivate ? "private" : "public")} {rr.Root}; see 'go help vcs'", rr.Repo);
        }
        if (rr.Vcs is not ("git" or "mod"))
            throw Fail(path, VcsErrorKind.UnsupportedVcs,
                $"repository {rr.Root} uses the {rr.Vcs} version control system; GoMod.Sdk fetches only git repositories directly (serve the module through a GOPROXY instead)", rr.Repo);
        return rr;
    }

    private async Task<RepoRoot> DynamicAsync(string path, bool insecure, CancellationToken ct)
    {
        var (url, imports, pageError) = await MetaImportsAsync(path, insecure, ct).ConfigureAwait(false);
        if (pageError is not null) throw Fail(path, VcsErrorKind.ImportPathNotResolved, $"unrecognized import path \"{path}\": {pageError}");
        var mmi = GoImportMeta.Match(imports, path, out var error, out var mismatch);
        if (mmi is null)
        {
            var detail = mismatch ? $"parse {url}: no go-import meta tags ({error})" : $"parse {url}: {error}";
            throw Fail(path, VcsErrorKind.ImportPathNotResolved, $"unrecognized import path \"{path}\": {detail}");
        }
        if (mmi.Prefix != path)
        {
            var (url2, imports2, error2) = await MetaImportsAsync(mmi.Prefix, insecure, ct).ConfigureAwait(false);
            if (error2 is null && imports2.Count == 0) error2 = $"fetching {mmi.Prefix}: no go-import meta tag found in {url2}";
            if (error2 is not null) throw Fail(path, VcsErrorKind.ImportPathNotResolved, $"unrecognized import path \"{path}\": {error2}");
            var again = GoImportMeta.Match(imports2, path, out _, out _);
            if (again != mmi)
                throw Fail(path, VcsErrorKind.ImportPathNotResolved,
                    $"unrecognized import path \"{path}\": {url} and {url2} disagree about go-import for {mmi.Prefix}");
        }
        if (!Uri.TryCreate(mmi.RepoRoot, UriKind.Absolute, out var repoUri) || repoUri.Scheme == "file")
            throw Fail(path, VcsErrorKind.ImportPathNotResolved,
                $"unrecognized import path \"{path}\": {url}: invalid repo root \"{mmi.RepoRoot}\": {(repoUri is null ? "no scheme" : "file scheme disallowed")}");
        if (mmi.Vcs != "mod" && !KnownVcs.Contains(mmi.Vcs))
            throw Fail(path, VcsErrorKind.ImportPathNotResolved, $"unrecognized import path \"{path}\": {url}: unknown vcs \"{mmi.Vcs}\"");
        return Check(path, new RepoRoot(mmi.RepoRoot, mmi.Prefix, mmi.Vcs, true));
    }

    /// <summary>The discovery page of <paramref name="prefix"/> and its tags, or the reason there are none.</summary>
    private async Task<(string Url, IReadOnlyList<MetaImport> Imports, string? Error)> MetaImportsAsync(string prefix, bool insecure, CancellationToken ct)
    {
        var slash = prefix.IndexOf('/');
        var host = slash < 0 ? prefix : prefix[..slash];
        var display = "https://" + prefix + "?go-get=1";
        if (!host.Contains('.')) return (display, [], "import path does not begin with hostname");
        DirectHttp.Page page;
        try
        {
            page = await http.GetDiscoveryPageAsync(host + (slash < 0 ? "/" : prefix[slash..]), insecure, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return (display, [], $"{(insecure ? "http/" : "")}https fetch: Get \"{display}\": {e.Message}");
        }
        var url = page.Url.ToString();
        var imports = GoImportMeta.Parse(page.Body);
        if (imports.Count == 0 && page.Status is < 200 or > 299) return (url, [], $"reading {url}: {page.Status}");
        return (url, imports, null);
    }

    private static ModuleFetchException Fail(string path, VcsErrorKind kind, string detail, string? repo = null) =>
        VcsException.Create(kind, path, "", detail, string.IsNullOrEmpty(repo) ? null : repo);
}
