using System.IO.Compression;
using System.Text;
using System.Text.Json;
using GoMod.Testing;
using GoMod.Core.Module;

namespace GoMod.Core.Tests.Sum;

/// <summary>
/// A module proxy laid out on disk as the GOPROXY protocol describes (<c>&lt;escaped path&gt;/@v/list</c>,
/// <c>&lt;v&gt;.info</c>, <c>.mod</c>, <c>.zip</c>), served to the go command through a <c>file://</c> URL.
/// </summary>
internal sealed class FileProxy(string root)
{
    private readonly Dictionary<string, List<string>> _versions = new(StringComparer.Ordinal);

    public string Root { get; } = root;

    public string Url => "file://" + Root;

    private string VersionDir(string path) => System.IO.Path.Combine(Root, ModulePath.EscapePath(path), "@v");

    /// <summary>The path the zip of path@version is (or will be) served from.</summary>
    public string ZipPath(string path, string version) => System.IO.Path.Combine(VersionDir(path), ModulePath.EscapeVersion(version) + ".zip");

    public string ModPath(string path, string version) => System.IO.Path.Combine(VersionDir(path), ModulePath.EscapeVersion(version) + ".mod");

    /// <summary>Publishes the .info and .mod of a version and lists it; the caller writes the zip to <see cref="ZipPath"/>.</summary>
    public void AddVersion(string path, string version, string goMod)
    {
        var dir = VersionDir(path);
        Directory.CreateDirectory(dir);
        File.WriteAllText(System.IO.Path.Combine(dir, ModulePath.EscapeVersion(version) + ".info"), $$"""{"Version":"{{version}}","Time":"2020-01-02T03:04:05Z"}""");
        File.WriteAllBytes(ModPath(path, version), Encoding.UTF8.GetBytes(goMod));
        if (!_versions.TryGetValue(path, out var list)) _versions[path] = list = new List<string>();
        list.Add(version);
        File.WriteAllText(System.IO.Path.Combine(dir, "list"), string.Join("\n", list) + "\n");
    }

    /// <summary>Publishes a version whose zip holds <paramref name="files"/> under <c>path@version/</c>.</summary>
    public string Add(string path, string version, string goMod, IEnumerable<KeyValuePair<string, byte[]>> files,
        CompressionLevel level = CompressionLevel.Optimal)
    {
        AddVersion(path, version, goMod);
        var zipPath = ZipPath(path, version);
        WriteZip(zipPath, files.Select(f => new KeyValuePair<string, byte[]>($"{path}@{version}/{f.Key}", f.Value)), level);
        return zipPath;
    }

    /// <summary>Writes a plain zip of exactly the given entry names (no directory entries).</summary>
    public static void WriteZip(string zipPath, IEnumerable<KeyValuePair<string, byte[]>> entries, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var fs = File.Create(zipPath);
        using var zip = new ZipArchive(fs, ZipArchiveMode.Create);
        foreach (var (name, content) in entries)
        {
            var e = zip.CreateEntry(name, level);
            using var s = e.Open();
            s.Write(content);
        }
    }
}

/// <summary>One module as <c>go mod download -json</c> reports it.</summary>
internal sealed record DownloadedModule(string Path, string Version, string? Error, string? Sum, string? GoModSum, string? Dir, string? Zip, string? GoMod);

/// <summary>Runs the real <c>go mod download -json</c> against a <see cref="FileProxy"/>.</summary>
internal static class GoDownload
{
    public static (IReadOnlyList<DownloadedModule> Modules, ProcessResult Process) Run(string moduleDir, string home, FileProxy proxy, params string[] queries)
    {
        var env = new Dictionary<string, string?>
        {
            ["GOPROXY"] = proxy.Url,
            ["GOFLAGS"] = "-mod=mod -modcacherw",
        };
        var result = GoOracle.Run(moduleDir, home, env, ["mod", "download", "-json", .. queries]);
        var modules = new List<DownloadedModule>();
        var bytes = Encoding.UTF8.GetBytes(result.StdOut);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowMultipleValues = true });
        while (reader.Read())
        {
            using var doc = JsonDocument.ParseValue(ref reader);
            var r = doc.RootElement;
            string? S(string name) => r.TryGetProperty(name, out var v) ? v.GetString() : null;
            modules.Add(new DownloadedModule(S("Path")!, S("Version")!, S("Error"), S("Sum"), S("GoModSum"), S("Dir"), S("Zip"), S("GoMod")));
        }
        return (modules, result);
    }
}
