using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using GoMod.Core.Module;
using GoMod.Core.Semver;

namespace GoMod.Core.Sum;

// Interim stand-ins for the sum-zip helper's DirHash and GoSumFile (deleted on merge).
public static class DirHash
{
    public static string Hash1(IEnumerable<string> names, Func<string, Stream> open)
    {
        var summary = new StringBuilder();
        foreach (var name in names.OrderBy(n => n, StringComparer.Ordinal))
        {
            if (name.Contains('\n')) throw new InvalidDataException("dirhash: filenames with newlines are not supported");
            using var s = open(name);
            summary.Append(Convert.ToHexStringLower(SHA256.HashData(s))).Append("  ").Append(name).Append('\n');
        }
        return "h1:" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(summary.ToString())));
    }

    public static string HashZip(string zipPath)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        var entries = zip.Entries.Where(e => !e.FullName.EndsWith('/')).ToDictionary(e => e.FullName, StringComparer.Ordinal);
        return Hash1(entries.Keys, n => entries[n].Open());
    }

    public static string HashGoMod(byte[] content) => Hash1(["go.mod"], _ => new MemoryStream(content, writable: false));

    public static string HashDir(string dir, string prefix)
    {
        var files = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => prefix + "/" + Path.GetRelativePath(dir, f).Replace('\\', '/'), f => f, StringComparer.Ordinal);
        return Hash1(files.Keys, n => File.OpenRead(files[n]));
    }
}

public sealed class GoSumParseException(string message) : Exception(message);

public sealed class GoSumFile
{
    private readonly Dictionary<ModuleVersion, List<string>> _sums = [];

    public static GoSumFile Parse(string fileName, string text)
    {
        var file = new GoSumFile();
        var lineNo = 0;
        foreach (var line in text.Split('\n'))
        {
            lineNo++;
            var f = line.Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries);
            if (f.Length == 0) continue;
            if (f.Length != 3) throw new GoSumParseException($"malformed go.sum:\n{fileName}:{lineNo}: wrong number of fields {f.Length}");
            if (f[2] == "h1:G7mAYYxgmS0lVkHyy2hEOLQCFB0DlQFTMLWggykrydY=") continue;
            file.Add(f[0], f[1], f[2]);
        }
        return file;
    }

    public IReadOnlyList<string> Lookup(string path, string version) =>
        _sums.TryGetValue(new ModuleVersion(path, version), out var l) ? l : [];

    public bool Contains(string path, string version, string hash) => Lookup(path, version).Contains(hash);

    public void Add(string path, string version, string hash)
    {
        var key = new ModuleVersion(path, version);
        if (!_sums.TryGetValue(key, out var l)) _sums[key] = l = [];
        if (!l.Contains(hash)) l.Add(hash);
    }

    public string Format()
    {
        var sb = new StringBuilder();
        foreach (var (k, hashes) in _sums.OrderBy(kv => kv.Key.Path, StringComparer.Ordinal)
                     .ThenBy(kv => kv.Key.Version.Replace("/go.mod", ""), SemVer.Comparer)
                     .ThenBy(kv => kv.Key.Version.EndsWith("/go.mod") ? 1 : 0))
            foreach (var h in hashes.Order(StringComparer.Ordinal))
                sb.Append(k.Path).Append(' ').Append(k.Version).Append(' ').Append(h).Append('\n');
        return sb.ToString();
    }
}
