using System.IO.Compression;
using System.Text;
using GoMod.Core.Module;

namespace GoMod.Core.Tests.Fetch.Infrastructure;

/// <summary>
/// A module version made up by a test: its go.mod, .info and a real module zip (entries under <c>path@version/</c>),
/// served by <see cref="TestProxyServer"/> or written as a file:// proxy tree by <see cref="ProxyContent"/>.
/// </summary>
public sealed record TestModule(string Path, string Version, IReadOnlyDictionary<string, string> Files, string? GoModText = null)
{
    /// <summary>A module with one package file <c>p.go</c> declaring <paramref name="package"/> and a constant.</summary>
    public static TestModule Simple(string path, string version, string? package = null, string goVersion = "1.17", string requires = "")
    {
        package ??= path.Split('/')[^1].Split('.')[0].ToLowerInvariant().Replace("-", "");
        if (package.Length > 1 && package[0] == 'v' && package[1..].All(char.IsAsciiDigit)) package = path.Split('/')[^2].Split('.')[0].ToLowerInvariant();
        var goMod = $"module {path}\n\ngo {goVersion}\n" + (requires.Length > 0 ? "\n" + requires : "");
        return new TestModule(path, version, new Dictionary<string, string>
        {
            ["p.go"] = $"package {package}\n\n// Version is the version of this module.\nconst Version = \"{version}\"\n",
        }, goMod);
    }

    public ModuleVersion ModuleVersion => new(Path, Version);

    public string GoMod => GoModText ?? $"module {Path}\n\ngo 1.17\n";

    public byte[] GoModBytes => Encoding.UTF8.GetBytes(GoMod);

    public string InfoJson => $"{{\"Version\":\"{Version}\",\"Time\":\"2023-04-05T06:07:08Z\"}}";

    /// <summary>The module zip: go.mod plus the files, stored under <c>path@version/</c>.</summary>
    public byte[] Zip()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var prefix = Path + "@" + Version + "/";
            Add(zip, prefix + "go.mod", GoMod);
            foreach (var (name, content) in Files.OrderBy(f => f.Key, StringComparer.Ordinal))
                Add(zip, prefix + name, content);
        }
        return buffer.ToArray();
    }

    private static void Add(ZipArchive zip, string name, string content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        using var s = entry.Open();
        s.Write(Encoding.UTF8.GetBytes(content));
    }

    public override string ToString() => Path + "@" + Version;
}
