using System.Globalization;
using System.Text.Json;
using GoMod.Core.Module;

namespace GoMod.Core.Mvs;

/// <summary>
/// A graph source reading a directory laid out as a GOPROXY (<c>&lt;escaped path&gt;/@v/list</c>, <c>.info</c>,
/// <c>.mod</c>, <c>.zip</c>, <c>&lt;escaped path&gt;/@latest</c>): a <c>file://</c> proxy, or a warm module cache's
/// <c>GOMODCACHE/cache/download</c>. Errors are worded as go words them for a <c>file://</c> proxy.
/// </summary>
public sealed class DirectoryModuleSource : IModuleSource
{
    private readonly string _root;
    private readonly string _urlRoot;

    /// <summary>Reads the proxy tree under <paramref name="root"/>.</summary>
    public DirectoryModuleSource(string root)
    {
        _root = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
        _urlRoot = new Uri(_root + Path.DirectorySeparatorChar).AbsoluteUri.TrimEnd('/');
    }

    /// <inheritdoc/>
    public async Task<byte[]> GetGoModAsync(string path, string version, CancellationToken cancellationToken) =>
        await ReadAsync(path, version, "@v/" + Escape(path, version) + ".mod", cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public async Task<IReadOnlyList<string>> GetVersionListAsync(string path, CancellationToken cancellationToken)
    {
        var data = await ReadAsync(path, "", "@v/list", cancellationToken).ConfigureAwait(false);
        return System.Text.Encoding.UTF8.GetString(data).Split('\n');
    }

    /// <inheritdoc/>
    public async Task<RevInfo> StatAsync(string path, string revision, CancellationToken cancellationToken)
    {
        var data = await ReadAsync(path, revision, "@v/" + Escape(path, revision) + ".info", cancellationToken).ConfigureAwait(false);
        return ParseInfo(path, revision, data);
    }

    /// <inheritdoc/>
    public async Task<RevInfo> LatestAsync(string path, CancellationToken cancellationToken)
    {
        var data = await ReadAsync(path, "", "@latest", cancellationToken).ConfigureAwait(false);
        return ParseInfo(path, "", data);
    }

    /// <inheritdoc/>
    public Task<string> DownloadZipAsync(string path, string version, CancellationToken cancellationToken)
    {
        var rel = "@v/" + Escape(path, version) + ".zip";
        var file = FilePath(path, rel);
        if (!File.Exists(file))
            throw new ModuleSourceException(path, version, $"reading {Url(path, rel)}: no such file or directory", notFound: true);
        return Task.FromResult(file);
    }

    private static string Escape(string path, string version)
    {
        try
        {
            return ModulePath.EscapeVersion(version);
        }
        catch (ModulePathException e)
        {
            throw new ModuleSourceException(path, version, e.Message);
        }
    }

    private string FilePath(string path, string rel)
    {
        string escaped;
        try
        {
            escaped = ModulePath.EscapePath(path);
        }
        catch (ModulePathException e)
        {
            throw new ModuleSourceException(path, "", e.Message);
        }
        return Path.Combine([_root, .. escaped.Split('/'), .. rel.Split('/')]);
    }

    private string Url(string path, string rel) => _urlRoot + "/" + ModulePath.EscapePath(path) + "/" + rel;

    private async Task<byte[]> ReadAsync(string path, string version, string rel, CancellationToken ct)
    {
        var file = FilePath(path, rel);
        try
        {
            return await File.ReadAllBytesAsync(file, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ModuleSourceException(path, version, $"reading {Url(path, rel)}: no such file or directory", notFound: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModuleSourceException(path, version, $"reading {Url(path, rel)}: {e.Message}");
        }
    }

    private RevInfo ParseInfo(string path, string version, byte[] data)
    {
        try
        {
            using var doc = JsonDocument.Parse(data);
            var root = doc.RootElement;
            var v = root.TryGetProperty("Version", out var ve) ? ve.GetString() ?? "" : "";
            var t = DateTimeOffset.MinValue;
            if (root.TryGetProperty("Time", out var te) && te.ValueKind == JsonValueKind.String)
                t = DateTimeOffset.Parse(te.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
            return new RevInfo(v, t);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            throw new ModuleSourceException(path, version, $"invalid response from proxy \"{_urlRoot}\": {e.Message}");
        }
    }
}
