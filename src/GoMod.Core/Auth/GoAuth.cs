using System.Collections.Concurrent;
using GoMod.Core.Fetch;
using GoMod.Core.GoEnv;
using GoMod.Core.Vcs;

namespace GoMod.Core.Auth;

/// <summary>
/// The credentials GOAUTH gives https requests (Go 1.24+, go's <c>cmd/go/internal/auth</c>): before the first request
/// every method runs once (<c>netrc</c> stores each .netrc machine's login, a command stores what it prints, <c>git</c>
/// waits for a URL); a request takes the headers stored for the longest prefix of its URL; after a 4xx answer the
/// methods run again for that URL (a command gets the URL as its last argument and the answer on standard input,
/// <c>git credential fill</c> is asked for it) and the request is sent once more. Methods earlier in the list win
/// for the same prefix; <c>off</c> sends nothing. The setting is checked, with go's errors, at the first request.
/// </summary>
/// <remarks>
/// Differences from go, none of which changes what a request ends with: the request is sent again only when the
/// refreshed headers for its URL differ from those it carried (go always sends it again, so with .netrc alone every
/// 404 of an https proxy cost go two requests); refreshes run one at a time; a command or git gets a time limit; a
/// helper's failures are traced (go prints them only under -x); <c>git credential approve</c>/<c>reject</c> follow the
/// answer to the request sent again (go sends its own HEAD request to the credential's prefix for that).
/// </remarks>
internal sealed class GoAuth
{
    private readonly string _setting;
    private readonly NetrcFile _netrc;
    private readonly GitRunner _git;
    private readonly Action<string>? _trace;
    private readonly TimeSpan _timeout;
    private readonly CredentialStore _store = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lazy<IReadOnlyList<GoAuthMethod>?> _methods;
    private readonly ConcurrentDictionary<string, (string Dir, GitCredential.Filled Credential)> _gitCredentials = new(StringComparer.Ordinal);
    private Task? _initial;

    /// <param name="setting">GOAUTH (go's default is <c>netrc</c>).</param>
    /// <param name="netrc">The .netrc the <c>netrc</c> method reads.</param>
    /// <param name="home">The HOME git runs with (its configuration and credential helpers), or null for this process's.</param>
    /// <param name="trace">Where helper failures are written, or null.</param>
    /// <param name="timeout">How long a command or git may run (default two minutes).</param>
    /// <param name="vcs">Which git to run (its path); the defaults when null.</param>
    public GoAuth(string setting, NetrcFile netrc, string? home = null, Action<string>? trace = null, TimeSpan? timeout = null, VcsOptions? vcs = null)
    {
        _setting = setting;
        _netrc = netrc;
        _trace = trace;
        _timeout = timeout ?? TimeSpan.FromMinutes(2);
        _git = new GitRunner((vcs ?? new VcsOptions()) with { CommandTimeout = _timeout }, home);
        _methods = new Lazy<IReadOnlyList<GoAuthMethod>?>(() => _setting == "off" ? null : GoAuthMethod.Parse(_setting));
    }

    /// <summary>GOAUTH's default: the .netrc entries only.</summary>
    public static GoAuth NetrcOnly(NetrcFile netrc) => new("netrc", netrc);

    /// <summary>
    /// GOAUTH as <paramref name="environment"/> sets it, with the .netrc of <paramref name="options"/> (else NETRC or
    /// ~/.netrc), its trace and its git.
    /// </summary>
    public static GoAuth For(GoEnvironment environment, FetchOptions options) => For(environment.GoAuth, environment.Netrc, environment.Home, options);

    /// <summary>GOAUTH <paramref name="setting"/> with the .netrc of <paramref name="options"/>, else NETRC (<paramref name="netrc"/>) or ~/.netrc.</summary>
    public static GoAuth For(string setting, string? netrc, string? home, FetchOptions options) =>
        new(setting, options.Netrc ?? NetrcFile.Load(netrc, home), home, options.Trace, vcs: options.Vcs);

    /// <summary>
    /// The headers GOAUTH gives a first request to <paramref name="url"/> (https), or null; runs the methods once first.
    /// </summary>
    /// <exception cref="GoEnvironmentException">GOAUTH breaks go's rules (go's message).</exception>
    public async ValueTask<HeaderList?> HeadersAsync(Uri url, CancellationToken ct)
    {
        if (_methods.Value is not { } methods) return null;
        var initial = _initial;
        if (initial is null)
        {
            await _gate.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                // Shared by every request: no one caller's cancellation may fail it for the others (helpers have their time limit).
                _initial ??= RunAsync(methods, null, null, CancellationToken.None);
                initial = _initial;
            }
            finally
            {
                _gate.Release();
            }
        }
        await initial.ConfigureAwait(false);
        return _store.Find(url);
    }

    /// <summary>Whether a refused request can get other credentials (a command or git is configured).</summary>
    public bool CanRefresh => _methods.Value is { } methods && methods.Any(m => m is not GoAuthMethod.Netrc);

    /// <summary>
    /// After a 4xx answer to <paramref name="url"/> (described by <paramref name="response"/>, go's stdin format):
    /// runs the methods again for that URL. True when the headers for it now differ from <paramref name="sent"/>, so
    /// sending the request again can change its answer.
    /// </summary>
    public async Task<bool> RefreshAsync(Uri url, string response, HeaderList? sent, CancellationToken ct)
    {
        if (_methods.Value is not { } methods) return false;
        await HeadersAsync(url, ct).ConfigureAwait(false);
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await RunAsync(methods, url.AbsoluteUri, response, ct).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
        var now = _store.Find(url);
        return now is not null && !now.SameAs(sent);
    }

    /// <summary>
    /// The answer to a request sent again after a refresh: a credential git filled for it is approved (a success) or
    /// rejected (401), so the user's credential helper keeps only what works.
    /// </summary>
    public async Task ReportAsync(Uri url, int status, CancellationToken ct)
    {
        if (status is not (200 or 401)) return;
        var key = url.AbsoluteUri;
        foreach (var (prefix, (dir, credential)) in _gitCredentials)
        {
            if (!key.StartsWith(prefix, StringComparison.Ordinal) || !_gitCredentials.TryRemove(prefix, out _)) continue;
            await GitCredential.ReportAsync(_git, dir, credential, status == 200, ct).ConfigureAwait(false);
        }
    }

    /// <summary>go's <c>runGoAuth</c>: every method, last first, so the first one listed wins for a prefix.</summary>
    private async Task RunAsync(IReadOnlyList<GoAuthMethod> methods, string? url, string? response, CancellationToken ct)
    {
        for (var i = methods.Count - 1; i >= 0; i--)
        {
            switch (methods[i])
            {
                case GoAuthMethod.Netrc:
                    // Last entry first: the first entry for a machine wins, as before GOAUTH.
                    for (var e = _netrc.Entries.Count - 1; e >= 0; e--)
                        _store.Store(_netrc.Entries[e].Machine, HeaderList.Basic(_netrc.Entries[e].Login, _netrc.Entries[e].Password));
                    break;
                case GoAuthMethod.Git git:
                    if (url is null) break; // git credential cannot list credentials: it waits for a URL
                    var (filled, gitError) = await GitCredential.FillAsync(_git, git.Dir, url, ct).ConfigureAwait(false);
                    if (filled is null)
                    {
                        Trace(git, gitError!);
                        break;
                    }
                    _store.Store(filled.Prefix, filled.Headers);
                    _gitCredentials[filled.Prefix] = (git.Dir, filled);
                    break;
                case GoAuthMethod.Command command:
                    var (credentials, error) = await AuthCommand.RunAsync(command, url, response, _timeout, ct).ConfigureAwait(false);
                    if (credentials is null)
                    {
                        Trace(command, error!);
                        break;
                    }
                    foreach (var (prefix, headers) in credentials) _store.Store(prefix, headers);
                    break;
            }
        }
    }

    private void Trace(GoAuthMethod method, string error) => _trace?.Invoke($"# GOAUTH={method.Text}: {error.TrimEnd('\n')}");
}
