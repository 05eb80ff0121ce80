using GoMod.Core.Fetch;
using GoMod.Core.Module;
using GoMod.Core.Semver;
using GoMod.Core.Zip;

namespace GoMod.Core.Proxy;

/// <summary>
/// One module at one proxy base URL: the GOPROXY protocol (<c>$base/$module/@v/list</c>, <c>@v/$version.info</c>,
/// <c>.mod</c>, <c>.zip</c>, <c>$base/$module/@latest</c>) with case-escaped paths and versions, and go's validation of
/// the answers.
/// </summary>
internal sealed class ProxySource : IModuleRepo
{
    private readonly ProxyTransport _transport;
    private readonly ProxyUrl _base;
    private readonly string _escapedPath;
    private readonly long _maxMetadata;

    public ProxySource(ProxyTransport transport, ProxyUrl baseUrl, string modulePath, long maxMetadata)
    {
        _transport = transport;
        _base = baseUrl;
        ModulePath = modulePath;
        _maxMetadata = maxMetadata;
        try
        {
            _escapedPath = Module.ModulePath.EscapePath(modulePath);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new ModuleFetchException(modulePath, "", e.Message, e);
        }
    }

    public string ModulePath { get; }

    public async Task<IReadOnlyList<string>> VersionsAsync(string prefix, CancellationToken ct)
    {
        var data = await GetAsync("", "@v/list", ct).ConfigureAwait(false);
        var list = new List<string>();
        foreach (var line in ParseList(data))
        {
            if (line.Version.StartsWith(prefix, StringComparison.Ordinal) && !PseudoVersion.IsPseudoVersion(line.Version))
                list.Add(line.Version);
        }
        SemVer.Sort(list);
        return list;
    }

    public async Task<RevInfo> StatAsync(string rev, CancellationToken ct)
    {
        var encoded = EscapeVersion(rev);
        var data = await GetAsync(rev, "@v/" + encoded + ".info", ct).ConfigureAwait(false);
        var info = ParseInfo(rev, data);
        if (info.Version != rev && rev == Module.ModulePath.CanonicalVersion(rev) && IsValidFor(rev))
            throw Error(rev, $"proxy returned info for version {info.Version} instead of requested version");
        return info;
    }

    public async Task<IReadOnlyList<string>> ListLinesAsync(CancellationToken ct)
    {
        var data = await GetAsync("", "@v/list", ct).ConfigureAwait(false);
        return System.Text.Encoding.UTF8.GetString(data).Split('\n');
    }

    public async Task<RevInfo> LatestEndpointAsync(CancellationToken ct) =>
        ParseInfo("", await GetAsync("", "@latest", ct).ConfigureAwait(false));

    public async Task<RevInfo?> TryLatestEndpointAsync(CancellationToken ct) =>
        await TryGetAsync("", "@latest", ct).ConfigureAwait(false) is { } data ? ParseInfo("", data) : null;

    public async Task<RevInfo> LatestAsync(CancellationToken ct) =>
        await TryLatestEndpointAsync(ct).ConfigureAwait(false) ?? await LatestFromListAsync(ct).ConfigureAwait(false);

    /// <summary>
    /// With no <c>@latest</c>, the newest entry of the list that carries a time (its timestamp field, else the time
    /// inside a pseudo-version); tagged versions without a timestamp are skipped as go does.
    /// </summary>
    private async Task<RevInfo> LatestFromListAsync(CancellationToken ct)
    {
        var data = await GetAsync("", "@v/list", ct).ConfigureAwait(false);
        string? best = null;
        var bestTime = DateTimeOffset.MinValue;
        foreach (var line in ParseList(data))
        {
            DateTimeOffset? t = line.Time;
            if (t is null && PseudoVersion.IsPseudoVersion(line.Version)) t = PseudoTime(line.Version);
            if (t is { } time && time > bestTime)
            {
                bestTime = time;
                best = line.Version;
            }
        }
        if (best is null) throw Error("", "no commits", notFound: true);
        return await StatAsync(best, ct).ConfigureAwait(false);
    }

    public async Task<byte[]> GoModAsync(string version, CancellationToken ct)
    {
        RequireCanonical(version, "GoMod");
        return await GetAsync(version, "@v/" + EscapeVersion(version) + ".mod", ct).ConfigureAwait(false);
    }

    public string ZipLocation(string version) =>
        ProxyUrl.Redact(_base.Resolve(_escapedPath, "@v/" + EscapeVersion(version) + ".zip", includeUserInfo: true));

    public async Task ZipAsync(string version, Stream destination, CancellationToken ct)
    {
        RequireCanonical(version, "Zip");
        var relative = "@v/" + EscapeVersion(version) + ".zip";
        try
        {
            await _transport.GetAsync(_base, _escapedPath, relative, destination, ModuleZip.MaxZipFile, ct).ConfigureAwait(false);
        }
        catch (ResponseTooLargeException)
        {
            throw Error(version, "downloaded zip file too large");
        }
        catch (ProxyRequestException e)
        {
            throw Error(version, e.Message, e.IsNotFound, e);
        }
    }

    private async Task<byte[]> GetAsync(string version, string relative, CancellationToken ct)
    {
        try
        {
            return await _transport.GetBytesAsync(_base, _escapedPath, relative, _maxMetadata, ct).ConfigureAwait(false);
        }
        catch (ResponseTooLargeException)
        {
            throw Error(version, $"reading {ProxyUrl.Redact(_base.Resolve(_escapedPath, relative, includeUserInfo: true))}: response larger than {_maxMetadata} bytes");
        }
        catch (ProxyRequestException e)
        {
            throw Error(version, e.Message, e.IsNotFound, e);
        }
    }

    /// <summary><see cref="GetAsync"/> with "not found" (404/410, a missing file) as null rather than an exception.</summary>
    private async Task<byte[]?> TryGetAsync(string version, string relative, CancellationToken ct)
    {
        try
        {
            return await _transport.TryGetBytesAsync(_base, _escapedPath, relative, _maxMetadata, ct).ConfigureAwait(false);
        }
        catch (ResponseTooLargeException)
        {
            throw Error(version, $"reading {ProxyUrl.Redact(_base.Resolve(_escapedPath, relative, includeUserInfo: true))}: response larger than {_maxMetadata} bytes");
        }
        catch (ProxyRequestException e)
        {
            throw Error(version, e.Message, e.IsNotFound, e);
        }
    }

    private RevInfo ParseInfo(string rev, byte[] data)
    {
        try
        {
            return RevInfo.Parse(data);
        }
        catch (FormatException e)
        {
            throw Error(rev, $"invalid response from proxy \"{_base}\": {e.Message}", inner: e);
        }
    }

    private string EscapeVersion(string version)
    {
        try
        {
            return Module.ModulePath.EscapeVersion(version);
        }
        catch (InvalidVersionException e)
        {
            throw Error(version, $"invalid {e.Noun}: {e.Detail}", inner: e);
        }
        catch (FormatException e)
        {
            throw Error(version, e.Message, inner: e);
        }
    }

    private bool IsValidFor(string version)
    {
        try
        {
            Module.ModulePath.Check(ModulePath, version);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return false;
        }
    }

    private void RequireCanonical(string version, string what)
    {
        if (version != Module.ModulePath.CanonicalVersion(version))
            throw Error(version, $"internal error: version passed to {what} is not canonical");
    }

    private ModuleFetchException Error(string version, string detail, bool notFound = false, Exception? inner = null) =>
        ModuleFetchException.Create(ModulePath, version, detail, notFound, inner);

    private readonly record struct ListLine(string Version, DateTimeOffset? Time);

    /// <summary>Lines of <c>@v/list</c>: a valid semver first field, optionally an RFC 3339 timestamp second.</summary>
    private static IEnumerable<ListLine> ParseList(byte[] data)
    {
        foreach (var line in System.Text.Encoding.UTF8.GetString(data).Split('\n'))
        {
            var f = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (f.Length == 0 || !SemVer.IsValid(f[0])) continue;
            DateTimeOffset? time = null;
            if (f.Length >= 2 && DateTimeOffset.TryParse(f[1], System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.RoundtripKind, out var t))
                time = t;
            else if (f.Length >= 2)
                time = DateTimeOffset.MinValue; // present but unparsable: go's zero time, never "latest"
            yield return new ListLine(f[0], time);
        }
    }

    private static DateTimeOffset? PseudoTime(string v)
    {
        try
        {
            return new DateTimeOffset(DateTime.SpecifyKind(PseudoVersion.Time(v), DateTimeKind.Utc));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
