using System.IO.Compression;
using System.Text;
using GoMod.Core.Module;

namespace GoMod.Benchmarks.Download;

/// <summary>Generates module versions with Go sources of a given size and writes them as a GOPROXY file tree.</summary>
public static class SyntheticModules
{
    /// <summary>
    /// Writes <paramref name="count"/> modules <c>example.com/bench/mNNN@v1.0.0</c>, each about
    /// <paramref name="sizeKb"/> KiB of Go source in a few files, below <paramref name="proxyDir"/>.
    /// </summary>
    public static List<ModuleVersion> Write(string proxyDir, int count, int sizeKb)
    {
        var modules = new List<ModuleVersion>();
        for (var i = 0; i < count; i++)
        {
            var m = new ModuleVersion($"example.com/bench/m{i:D4}", "v1.0.0");
            var files = new Dictionary<string, byte[]>();
            var perFile = Math.Max(1, sizeKb / 4);
            for (var f = 0; f < 4; f++)
                files[$"f{f}.go"] = Encoding.UTF8.GetBytes(Source($"m{i:D4}", f, perFile * 1024));
            WriteModule(proxyDir, m, files);
            modules.Add(m);
        }
        return modules;
    }

    /// <summary>One module holding a file of <paramref name="megabytes"/> MiB of incompressible bytes (a memory test).</summary>
    public static ModuleVersion WriteLarge(string proxyDir, int megabytes)
    {
        var m = new ModuleVersion("example.com/bench/large", "v1.0.0");
        var data = new byte[megabytes << 20];
        new Random(1).NextBytes(data);
        WriteModule(proxyDir, m, new Dictionary<string, byte[]> { ["blob.bin"] = data, ["large.go"] = "package large\n"u8.ToArray() });
        return m;
    }

    public static void WriteModule(string proxyDir, ModuleVersion m, IReadOnlyDictionary<string, byte[]> files)
    {
        var dir = Path.Combine(proxyDir, ModulePath.EscapePath(m.Path), "@v");
        Directory.CreateDirectory(dir);
        var v = ModulePath.EscapeVersion(m.Version);
        var goMod = $"module {m.Path}\n\ngo 1.17\n";
        File.WriteAllText(Path.Combine(dir, v + ".mod"), goMod);
        File.WriteAllText(Path.Combine(dir, v + ".info"), $"{{\"Version\":\"{m.Version}\",\"Time\":\"2024-01-01T00:00:00Z\"}}");
        File.AppendAllText(Path.Combine(dir, "list"), m.Version + "\n");
        using var zip = ZipFile.Open(Path.Combine(dir, v + ".zip"), ZipArchiveMode.Create);
        var prefix = m.Path + "@" + m.Version + "/";
        Write(zip, prefix + "go.mod", Encoding.UTF8.GetBytes(goMod));
        foreach (var (name, content) in files) Write(zip, prefix + name, content);
    }

    private static void Write(ZipArchive zip, string name, byte[] content)
    {
        using var s = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        s.Write(content);
    }

    private static string Source(string package, int file, int bytes)
    {
        var sb = new StringBuilder($"package {package}\n\n");
        var n = 0;
        while (sb.Length < bytes)
            sb.Append($"// F{file}_{n} returns a value derived from its argument.\nfunc F{file}_{n}(x int) int {{ return x*{n} + {file} }}\n\n").Append(n++ % 7 == 0 ? "\n" : "");
        return sb.ToString();
    }
}
