using System.Globalization;
using System.IO.Compression;
using System.Text;
using GoMod.Core.Module;
using GoMod.Core.Semver;

namespace GoMod.Core.Tests.Mvs;

/// <summary>
/// A requirement graph written as a txtar-like text, materialised as a <c>file://</c> GOPROXY tree plus a main module.
/// Sections: <c>-- go.mod --</c> and any other relative file (the main module's directory, <c>../x/go.mod</c> allowed);
/// <c>-- path@version [time=RFC3339] [unlisted] [nomod] [noinfo] --</c> a module version whose text is its go.mod
/// (a <c>module path</c> line is prepended unless the text has one); <c>-- path@version/dir/file.go --</c> a file in
/// that version's zip (after the version's own section); <c>-- path@list --</c> and <c>-- path@latest --</c> override
/// those endpoints verbatim.
/// </summary>
public sealed class ProxyScenario
{
    public sealed record ModuleFile(string Path, string Version, string GoMod, DateTimeOffset? Time, bool Unlisted, bool NoMod, bool NoInfo)
    {
        /// <summary>Extra files of the zip, by path relative to the module root.</summary>
        public Dictionary<string, string> Files { get; } = new(StringComparer.Ordinal);
    }

    public List<ModuleFile> Modules { get; } = [];
    public Dictionary<string, string> MainFiles { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> ListOverrides { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> LatestOverrides { get; } = new(StringComparer.Ordinal);

    public static ProxyScenario Parse(string text)
    {
        var s = new ProxyScenario();
        string? header = null;
        var body = new StringBuilder();
        void Flush()
        {
            if (header is null) return;
            s.AddSection(header, body.ToString());
            body.Clear();
        }
        foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.StartsWith("-- ", StringComparison.Ordinal) && line.EndsWith(" --", StringComparison.Ordinal) && line.Length > 6)
            {
                Flush();
                header = line[3..^3].Trim();
                continue;
            }
            if (header is not null) body.Append(line).Append('\n');
        }
        Flush();
        return s;
    }

    private void AddSection(string header, string body)
    {
        var parts = header.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var name = parts[0];
        int at = name.IndexOf('@');
        if (at < 0)
        {
            MainFiles[name] = body;
            return;
        }
        var path = name[..at];
        var version = name[(at + 1)..];
        int slash = version.IndexOf('/');
        if (slash >= 0)
        {
            var owner = Modules.Single(m => m.Path == path && m.Version == version[..slash]);
            owner.Files[version[(slash + 1)..]] = body;
            return;
        }
        if (version == "list") { ListOverrides[path] = body; return; }
        if (version == "latest") { LatestOverrides[path] = body.Trim(); return; }
        DateTimeOffset? time = null;
        bool unlisted = false, noMod = false, noInfo = false;
        foreach (var attr in parts.Skip(1))
        {
            if (attr.StartsWith("time=", StringComparison.Ordinal)) time = DateTimeOffset.Parse(attr[5..], CultureInfo.InvariantCulture);
            else if (attr == "unlisted") unlisted = true;
            else if (attr == "nomod") noMod = true;
            else if (attr == "noinfo") noInfo = true;
            else throw new FormatException($"unknown attribute {attr} in {header}");
        }
        var gomod = body.TrimStart('\n');
        if (!gomod.Split('\n').Any(l => l.StartsWith("module ", StringComparison.Ordinal)))
            gomod = "module " + path + "\n\n" + gomod;
        Modules.Add(new ModuleFile(path, version, gomod, time, unlisted, noMod, noInfo));
    }

    /// <summary>Writes the proxy under <c>root/proxy</c> and the main module under <c>root/main</c>; returns both directories.</summary>
    public (string Proxy, string Main) Materialize(string root)
    {
        var proxy = Path.Combine(root, "proxy");
        var main = Path.Combine(root, "main");
        Directory.CreateDirectory(proxy);
        Directory.CreateDirectory(main);
        foreach (var (rel, content) in MainFiles)
        {
            var full = Path.GetFullPath(Path.Combine(main, rel));
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
        }
        var byPath = Modules.GroupBy(m => m.Path, StringComparer.Ordinal);
        foreach (var group in byPath)
        {
            var dir = Path.Combine([proxy, .. ModulePath.EscapePath(group.Key).Split('/'), "@v"]);
            Directory.CreateDirectory(dir);
            var sorted = group.OrderBy(m => m.Version, SemVer.Comparer).ToList();
            var list = new StringBuilder();
            for (int i = 0; i < sorted.Count; i++)
            {
                var m = sorted[i];
                var ev = ModulePath.EscapeVersion(m.Version);
                if (!m.NoMod) File.WriteAllText(Path.Combine(dir, ev + ".mod"), m.GoMod);
                var time = m.Time ?? DefaultTime(m.Version, i);
                if (!m.NoInfo)
                    File.WriteAllText(Path.Combine(dir, ev + ".info"),
                        $"{{\"Version\":\"{m.Version}\",\"Time\":\"{time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}\"}}\n");
                WriteZip(Path.Combine(dir, ev + ".zip"), m);
                if (!m.Unlisted && !PseudoVersion.IsPseudoVersion(m.Version)) list.Append(m.Version).Append('\n');
            }
            File.WriteAllText(Path.Combine(dir, "list"), ListOverrides.TryGetValue(group.Key, out var over) ? over : list.ToString());
        }
        foreach (var (path, body) in ListOverrides.Where(o => !byPath.Any(g => g.Key == o.Key)))
        {
            var dir = Path.Combine([proxy, .. ModulePath.EscapePath(path).Split('/'), "@v"]);
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "list"), body);
        }
        foreach (var (path, body) in LatestOverrides)
        {
            var dir = Path.Combine([proxy, .. ModulePath.EscapePath(path).Split('/')]);
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "@latest"), body + "\n");
        }
        return (proxy, main);
    }

    private static DateTimeOffset DefaultTime(string version, int index) =>
        PseudoVersion.IsPseudoVersion(version)
            ? new DateTimeOffset(DateTime.SpecifyKind(PseudoVersion.Time(version), DateTimeKind.Utc))
            : new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(index);

    private static void WriteZip(string file, ModuleFile m)
    {
        using var zip = ZipFile.Open(file, ZipArchiveMode.Create);
        foreach (var (name, content) in m.Files.Prepend(new KeyValuePair<string, string>("go.mod", m.GoMod)))
        {
            var entry = zip.CreateEntry(m.Path + "@" + m.Version + "/" + name);
            using var w = new StreamWriter(entry.Open(), new UTF8Encoding(false));
            w.Write(content);
        }
    }
}
