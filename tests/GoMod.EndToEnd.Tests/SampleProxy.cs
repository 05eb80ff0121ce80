using System.IO.Compression;
using System.Text;

namespace GoMod.EndToEnd.Tests;

/// <summary>
/// Builds the sample's file-system module proxy (samples/hello/proxy) from the module sources in
/// samples/hello/proxy-src/&lt;escaped path&gt;@&lt;version&gt;/, laid out as GOPROXY's protocol wants it:
/// &lt;escaped path&gt;/@v/list, &lt;version&gt;.info, .mod and .zip.
/// </summary>
/// <remarks>
/// The zips hold every file of the source directory under the prefix <c>path@version/</c>, sorted, deflated, with a
/// fixed timestamp: go's module zip for such plain directories (no VCS folders, nested modules, vendor/ or symlinks,
/// which the sources do not have; <see cref="Create"/> refuses them rather than deciding what go would do). go itself checks the
/// result: the sample's go.sum came from <c>go mod tidy</c> against this proxy and SampleTests verifies it with go.
/// When GoMod.Core.Zip's ModuleZip.Create lands it replaces the zip writing here.
/// </remarks>
public static class SampleProxy
{
    /// <summary>The .info time of every version: fixed, so regenerating changes nothing.</summary>
    public const string InfoTime = "2024-01-01T00:00:00Z";

    private static readonly DateTimeOffset ZipTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Every file of the proxy, by its relative path ('/'-separated), with its bytes (zips as their entries).</summary>
    public static SortedDictionary<string, byte[]> Create(string sourceRoot)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        var versions = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var goMod in Directory.EnumerateFiles(sourceRoot, "go.mod", SearchOption.AllDirectories))
        {
            var dir = Path.GetDirectoryName(goMod)!;
            var rel = Path.GetRelativePath(sourceRoot, dir).Replace('\\', '/');
            var at = rel.LastIndexOf('@');
            if (at < 0) throw new InvalidDataException($"{dir}: module source folders are named <escaped path>@<version>");
            var escapedPath = rel[..at];
            var version = rel[(at + 1)..];
            var path = Unescape(escapedPath);
            (versions.TryGetValue(escapedPath, out var list) ? list : versions[escapedPath] = []).Add(version);

            files[$"{escapedPath}/@v/{version}.mod"] = File.ReadAllBytes(goMod);
            files[$"{escapedPath}/@v/{version}.info"] = Encoding.UTF8.GetBytes($"{{\"Version\":\"{version}\",\"Time\":\"{InfoTime}\"}}");
            files[$"{escapedPath}/@v/{version}.zip"] = Zip(path, version, dir);
        }
        foreach (var (escapedPath, list) in versions)
            files[$"{escapedPath}/@v/list"] = Encoding.UTF8.GetBytes(string.Concat(list.Order(StringComparer.Ordinal).Select(v => v + "\n")));
        return files;
    }

    /// <summary>Writes the proxy tree to <paramref name="proxyRoot"/>, replacing what was there.</summary>
    public static void Write(string sourceRoot, string proxyRoot)
    {
        if (Directory.Exists(proxyRoot)) Directory.Delete(proxyRoot, recursive: true);
        foreach (var (rel, bytes) in Create(sourceRoot))
        {
            var full = Path.Combine(proxyRoot, rel);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, bytes);
        }
    }

    /// <summary>The entries of a zip as name → bytes, to compare zips by content (deflate output differs between runtimes).</summary>
    public static SortedDictionary<string, string> Entries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in archive.Entries)
        {
            using var s = e.Open();
            using var r = new StreamReader(s);
            result[e.FullName] = r.ReadToEnd();
        }
        return result;
    }

    private static byte[] Zip(string path, string version, string dir)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            var names = Directory.EnumerateFileSystemEntries(dir, "*", SearchOption.AllDirectories)
                .Select(f => (Full: f, Rel: Path.GetRelativePath(dir, f).Replace('\\', '/')))
                .OrderBy(f => f.Rel, StringComparer.Ordinal);
            foreach (var (full, rel) in names)
            {
                var info = new FileInfo(full);
                if (info.LinkTarget is not null) throw new InvalidDataException($"{full}: symlinks are not in module zips");
                if (Directory.Exists(full))
                {
                    if (File.Exists(Path.Combine(full, "go.mod")) || rel.Split('/').Any(p => p is "vendor" or ".git" or ".hg" or ".svn" or ".bzr"))
                        throw new InvalidDataException($"{full}: nested modules, vendor/ and VCS folders need go's zip rules; keep sample sources plain");
                    continue;
                }
                var entry = zip.CreateEntry($"{path}@{version}/{rel}", CompressionLevel.Optimal);
                entry.LastWriteTime = ZipTime;
                using var w = entry.Open();
                w.Write(File.ReadAllBytes(full));
            }
        }
        return ms.ToArray();
    }

    /// <summary>Go's case-decoding: "!x" is upper-case X.</summary>
    private static string Unescape(string escaped)
    {
        var sb = new StringBuilder(escaped.Length);
        for (var i = 0; i < escaped.Length; i++)
        {
            if (escaped[i] == '!' && i + 1 < escaped.Length) sb.Append(char.ToUpperInvariant(escaped[++i]));
            else sb.Append(escaped[i]);
        }
        return sb.ToString();
    }
}
