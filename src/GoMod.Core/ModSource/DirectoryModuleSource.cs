using System.Globalization;
using System.Text.Json;
using GoMod.Core.Fetch;
using GoMod.Core.Module;

namespace GoMod.Core.ModSource;

/// <summary>
/// A graph source reading a directory laid out as a GOPROXY (<c>&lt;escaped path&gt;/@v/list</c>, <c>.info</c>,
/// <c>.mod</c>, <c>.zip</c>, <c>&lt;escaped path&gt;/@latest</c>): a <c>file://</c> proxy, or a warm module cache's
/// <c>GOMODCACHE/cache/download</c>. Errors are worded as go words them for a <c>file://</c> proxy.
/// </summary>
public sealed class DirectoryModuleSource : IModuleSource
{
    private readonly string _root;
    private readonly string _urlRoot;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _dirs = new(StringComparer.Ordinal);

    /// <summary>Reads the proxy tree under <paramref name="root"/>.</summary>
    public DirectoryModuleSource(string root)
    {
        _root = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
        _urlRoot = new Uri(_root + Path.DirectorySeparatorChar).AbsoluteUri.TrimEnd('/');
    }

    /// <inheritdoc/>
    public Task<byte[]> GetGoModAsync(string path, string version, CancellationToken cancellationToken) =>
        ReadAsync(path, version, string.Concat("@v/", Escape(path, version), ".mod"), cancellationToken);

    /// <inheritdoc/>
    public async Task<IReadOnlyList<string>> GetVersionListAsync(string path, CancellationToken cancellationToken)
    {
        var data = await ReadAsync(path, "", "@v/list", cancellationToken).ConfigureAwait(false);
        return System.Text.Encoding.UTF8.GetString(data).Split('\n');
    }

    /// <inheritdoc/>
    public async Task<ResolvedRevision> StatAsync(string path, string revision, CancellationToken cancellationToken)
    {
        var data = await ReadAsync(path, revision, "@v/" + Escape(path, revision) + ".info", cancellationToken).ConfigureAwait(false);
        return ParseInfo(path, revision, data);
    }

    /// <inheritdoc/>
    public async Task<ResolvedRevision> LatestAsync(string path, CancellationToken cancellationToken)
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
            throw new ModuleNotFoundException(path, version, $"reading {Url(path, rel)}: no such file or directory");
        return Task.FromResult(file);
    }

    private static string Escape(string path, string version)
    {
        // Only upper-case letters are escaped; most versions have none.
        if (!version.AsSpan().ContainsAnyInRange('A', 'Z') && !version.Contains('!')) return version;
        try
        {
            return ModulePath.EscapeVersion(version);
        }
        catch (ModulePathException e)
        {
            throw new ModuleFetchException(path, version, e.Message);
        }
    }

    private string FilePath(string path, string rel)
    {
        if (!_dirs.TryGetValue(path, out var dir))
        {
            string escaped;
            try
            {
                escaped = ModulePath.EscapePath(path);
            }
            catch (ModulePathException e)
            {
                throw new ModuleFetchException(path, "", e.Message);
            }
            dir = _dirs.GetOrAdd(path, Path.Combine([_root, .. escaped.Split('/')]));
        }
        return Path.DirectorySeparatorChar == '/' ? dir + "/" + rel : Path.Combine([dir, .. rel.Split('/')]);
    }

    private string Url(string path, string rel) => _urlRoot + "/" + ModulePath.EscapePath(path) + "/" + rel;

    // Local files are read synchronously: they are small and usually in the page cache, where an asynchronous read
    // costs more than it saves; callers get parallelism by reading several at once.
    private Task<byte[]> ReadAsync(string path, string version, string rel, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(Read(path, version, rel));
    }

    private byte[] Read(string path, string version, string rel)
    {
        var file = FilePath(path, rel);
        try
        {
            using var handle = File.OpenHandle(file);
            long length = RandomAccess.GetLength(handle);
            if (length > int.MaxValue) throw new IOException("file too large");
            var data = new byte[length];
            int read = 0;
            while (read < data.Length)
            {
                int n = RandomAccess.Read(handle, data.AsSpan(read), read);
                if (n == 0) break;
                read += n;
            }
            return read == data.Length ? data : data[..read];
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ModuleNotFoundException(path, version, $"reading {Url(path, rel)}: no such file or directory");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModuleFetchException(path, version, $"reading {Url(path, rel)}: {e.Message}");
        }
    }

    private ResolvedRevision ParseInfo(string path, string version, byte[] data)
    {
        try
        {
            var reader = new Utf8JsonReader(data);
            string v = "";
            var t = DateTimeOffset.MinValue;
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw new JsonException("expected an object");
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isVersion = reader.ValueTextEquals("Version"u8);
                bool isTime = !isVersion && reader.ValueTextEquals("Time"u8);
                reader.Read();
                if (isVersion && reader.TokenType == JsonTokenType.String) v = reader.GetString() ?? "";
                else if (isTime && reader.TokenType == JsonTokenType.String)
                    t = DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
                else reader.Skip();
            }
            return new ResolvedRevision(v, t);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            throw new ModuleFetchException(path, version, $"invalid response from proxy \"{_urlRoot}\": {e.Message}");
        }
    }
}
