using System.Collections.Concurrent;
using GoMod.Core.Fetch;
using GoMod.Core.GoEnv;
using GoMod.Core.Proxy;

namespace GoMod.Core.Vcs;

/// <summary>
/// Direct mode for one downloader: resolves each module path to its repository once, opens each repository's
/// mirror once (so refs are listed once per run, as go caches them per process), and hands out the module's source.
/// A repository whose go-import tag says <c>mod</c> is served through the module proxy protocol at the tag's URL.
/// </summary>
internal sealed class VcsSession : IDisposable
{
    private readonly GoEnvironment _env;
    private readonly FetchOptions _options;
    private readonly Func<ProxyTransport> _transport;
    private readonly GitRunner _git;
    private readonly DirectHttp _http;
    private readonly Lazy<RepoRootResolver> _resolver;
    private readonly ConcurrentDictionary<string, Lazy<Task<RepoRoot>>> _roots = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<GitRepo>>> _repos = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<IModuleRepo>>> _sources = new(StringComparer.Ordinal);

    public VcsSession(GoEnvironment env, FetchOptions options, Func<ProxyTransport> transport)
    {
        _env = env;
        _options = options;
        _transport = transport;
        var vcs = options.Vcs;
        _git = new GitRunner(vcs, env.Home);
        _http = new DirectHttp(vcs, () => transport().Auth);
        _resolver = new(() =>
        {
            GovcsConfig govcs;
            try
            {
                govcs = GovcsConfig.Parse(env.GoVcs);
            }
            catch (FormatException e)
            {
                throw new GoEnvironmentException(e.Message, "GOVCS");
            }
            return new RepoRootResolver(_git, _http, env, govcs);
        });
    }

    /// <summary>The source of <paramref name="modulePath"/> in direct mode (resolved on first use, then reused).</summary>
    public async Task<IModuleRepo> SourceAsync(string modulePath, CancellationToken ct)
    {
        var lazy = _sources.GetOrAdd(modulePath, p => new Lazy<Task<IModuleRepo>>(() => CreateAsync(p)));
        try
        {
            return await lazy.Value.WaitAsync(ct).ConfigureAwait(false);
        }
        catch (VcsException e) when (e.Kind is VcsErrorKind.Timeout or VcsErrorKind.Unreachable)
        {
            _sources.TryRemove(new KeyValuePair<string, Lazy<Task<IModuleRepo>>>(modulePath, lazy));
            throw;
        }
    }

    private async Task<IModuleRepo> CreateAsync(string path)
    {
        var ct = CancellationToken.None;
        var root = await _roots.GetOrAdd(path, p => new Lazy<Task<RepoRoot>>(() => _resolver.Value.ResolveAsync(p, ct))).Value.ConfigureAwait(false);
        if (root.Vcs == "mod")
            return new ProxySource(_transport(), ProxyUrl.Parse(root.Repo), path, _options.MaxMetadataBytes);
        GitRepo repo;
        try
        {
            repo = await _repos.GetOrAdd(root.Repo, url => new Lazy<Task<GitRepo>>(() => GitRepo.OpenAsync(_git, _http, _env.ModCache, url, ct))).Value.ConfigureAwait(false);
        }
        catch (CodeHostException e)
        {
            throw VcsException.Create(e.Kind, path, "", e.Message, root.Repo, e);
        }
        return new CodeRepo(repo, root.Root, path);
    }

    public void Dispose() => _http.Dispose();
}
