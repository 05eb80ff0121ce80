using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using GoMod.Core.Internal;
using GoMod.Core.ModFile;
using GoMod.Core.Module;
using GoMod.Core.Sum;
using GoMod.Core.Zip;

namespace GoMod.Benchmarks.Corpus;

/// <summary>
/// Turns a tree of real Go sources laid out by import path (Debian's <c>/usr/share/gocode/src</c>) into a GOPROXY tree
/// plus a main module that needs all of it. Every directory with a go.mod is a module under its declared path; a
/// directory tree without one gets a synthesized go.mod at its repository root (the shallowest directory only one
/// Debian package owns). Versions come from the Debian packages (<see cref="DebianVersions.GoVersion"/>). Each module's
/// go.mod is rewritten so the graph is closed: requirements on corpus modules point at the corpus version, others are
/// dropped (their versions are not served), and only the module, go and require lines stay. Zips are written by
/// <see cref="ModuleZip.Create"/>; modules whose files the zip rules refuse are skipped and reported.
/// The main module requires every module and blank-imports one package of each whose imports (under any build tags,
/// as go's module loader reads them) all resolve to the standard library or corpus packages, so loading its packages
/// needs the whole corpus.
/// </summary>
public static class GoCorpus
{
    /// <summary>Builds the corpus from <paramref name="srcRoot"/> into <paramref name="outDir"/> (<c>proxy/</c>, <c>main/</c>, <c>corpus.json</c>).</summary>
    public static CorpusResult BuildProxy(string srcRoot, string outDir, CorpusOptions? options = null, CancellationToken ct = default)
    {
        options ??= new CorpusOptions();
        var log = options.Log ?? (_ => { });
        srcRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(srcRoot));
        outDir = Path.GetFullPath(outDir);
        var debian = options.Debian ?? DebianVersions.Load(srcRoot);
        var skipped = new List<SkippedModule>();

        var candidates = Discover(srcRoot, debian, skipped, ct);
        log($"corpus: {candidates.Count} module roots found under {srcRoot}");

        // The files of each module: what the zip rules accept, minus directories that are other modules here.
        var roots = candidates.Select(c => c.Dir).ToHashSet(StringComparer.Ordinal);
        var modules = new List<Candidate>();
        foreach (var c in candidates)
        {
            ct.ThrowIfCancellationRequested();
            CheckedFiles check;
            try
            {
                check = ModuleZip.CheckDir(c.Dir, ct);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                skipped.Add(new(c.Path, c.Dir, e.Message));
                continue;
            }
            if (!check.IsValid)
            {
                skipped.Add(new(c.Path, c.Dir, "zip rules: " + check.Error!.Split('\n')[0]));
                continue;
            }
            c.Files = check.Valid.Where(f => f != "go.mod" && !UnderOtherRoot(c.Dir, f, roots)).ToList();
            if (c.Files.Count == 0)
            {
                skipped.Add(new(c.Path, c.Dir, "no files"));
                continue;
            }
            modules.Add(c);
        }

        modules = Limit(modules, options.MaxModules);
        var byPath = modules.ToDictionary(m => m.Path, StringComparer.Ordinal);
        var imports = new CorpusPackages(modules.Select(m => (m.Path, m.Dir, (IReadOnlyList<string>)m.Files!)), options.GoRoot);
        foreach (var m in modules) m.Imported = imports.Candidate(m.Path);
        log($"corpus: {modules.Count} modules, {modules.Count(m => m.Imported is not null)} with an importable package");

        var proxy = Path.Combine(outDir, "proxy");
        var staging = Path.Combine(outDir, ".staging");
        Directory.CreateDirectory(proxy);
        var written = new ConcurrentDictionary<string, CorpusModule>(StringComparer.Ordinal);
        var done = 0;
        Parallel.ForEach(modules.OrderByDescending(m => m.Bytes),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism), CancellationToken = ct },
            m =>
            {
                written[m.Path] = WriteModule(m, byPath, proxy, staging, ct);
                var n = Interlocked.Increment(ref done);
                if (n % 50 == 0) log($"corpus: {n}/{modules.Count} zips written");
            });
        TryDeleteTree(staging);

        var list = modules.Select(m => written[m.Path]).OrderBy(m => m.Path, StringComparer.Ordinal).ToList();
        var mainDir = WriteMainModule(outDir, list, options);
        var result = new CorpusResult(proxy, mainDir, list, skipped);
        File.WriteAllText(Path.Combine(outDir, "corpus.json"), JsonSerializer.Serialize(new
        {
            modules = list.Count,
            zipBytes = result.ZipBytes,
            imported = list.Count(m => m.ImportedPackage is not null),
            synthesizedGoMod = list.Count(m => m.SynthesizedGoMod),
            skipped = skipped.Count,
            skippedByZipRules = skipped.Count(s => s.Reason.StartsWith("zip rules", StringComparison.Ordinal)),
            list,
            skippedList = skipped,
        }, new JsonSerializerOptions { WriteIndented = true }));
        log($"corpus: {list.Count} modules, {result.ZipBytes / 1048576.0:F1} MiB of zips, {skipped.Count} skipped -> {outDir}");
        return result;
    }

    private sealed class Candidate(string path, string dir, bool synthesized, string? goModText, string version)
    {
        public string Path { get; } = path;
        public string Dir { get; } = dir;
        public bool Synthesized { get; } = synthesized;
        public string? GoModText { get; } = goModText;
        public string Version { get; } = version;
        public List<string>? Files { get; set; }
        public string? Imported { get; set; }
        public GoModFile? Parsed { get; set; }
        public long Bytes => Files?.Sum(f => new FileInfo(System.IO.Path.Combine(Dir, f)).Length) ?? 0;
    }

    /// <summary>Module roots: directories with a go.mod, then repository roots of Go code no go.mod covers.</summary>
    private static List<Candidate> Discover(string srcRoot, DebianVersions debian, List<SkippedModule> skipped, CancellationToken ct)
    {
        var goModDirs = new List<string>();
        var goDirs = new List<string>();
        Walk(new DirectoryInfo(srcRoot));

        void Walk(DirectoryInfo d)
        {
            ct.ThrowIfCancellationRequested();
            bool hasGo = false;
            foreach (var info in d.EnumerateFileSystemInfos())
            {
                if ((info.Attributes & FileAttributes.ReparsePoint) != 0) continue;
                if (info is DirectoryInfo sub)
                {
                    if (sub.Name is "testdata" or "vendor" || sub.Name.StartsWith('.') || sub.Name.StartsWith('_')) continue;
                    Walk(sub);
                }
                else if (info.Name == "go.mod") goModDirs.Add(d.FullName);
                else if (info.Name.EndsWith(".go", StringComparison.Ordinal)) hasGo = true;
            }
            if (hasGo) goDirs.Add(d.FullName);
        }

        var result = new List<Candidate>();
        var seen = new Dictionary<string, Candidate>(StringComparer.Ordinal);
        foreach (var dir in goModDirs.Order(StringComparer.Ordinal))
        {
            var file = Path.Combine(dir, "go.mod");
            var text = File.ReadAllText(file, new UTF8Encoding(false));
            string? path;
            GoModFile parsed;
            try
            {
                parsed = GoModFile.ParseLax(file, text);
                path = parsed.Module?.Path;
            }
            catch (ModFileParseException e)
            {
                skipped.Add(new(Rel(srcRoot, dir), dir, "go.mod: " + e.Message.Split('\n')[0]));
                continue;
            }
            if (path is null || !ModulePath.IsValidPath(path))
            {
                skipped.Add(new(path ?? Rel(srcRoot, dir), dir, "go.mod: no valid module path"));
                continue;
            }
            var c = new Candidate(path, dir, false, text, DebianVersions.GoVersion(path, PackageVersion(debian, file, dir))) { Parsed = parsed };
            if (seen.TryGetValue(path, out var other))
            {
                // Keep the copy that lives at its own import path.
                if (Rel(srcRoot, dir) == path && Rel(srcRoot, other.Dir) != path)
                {
                    result.Remove(other);
                    skipped.Add(new(path, other.Dir, "duplicate module path"));
                }
                else
                {
                    skipped.Add(new(path, dir, "duplicate module path"));
                    continue;
                }
            }
            seen[path] = c;
            result.Add(c);
        }

        var modRoots = goModDirs.ToHashSet(StringComparer.Ordinal);
        var synthesized = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var dir in goDirs)
        {
            if (Covered(dir, srcRoot, modRoots)) continue;
            synthesized.Add(RepositoryRoot(srcRoot, dir, debian));
        }
        foreach (var root in synthesized)
        {
            // A root inside another synthesized root is a module of its own there.
            var path = Rel(srcRoot, root);
            if (path.Length == 0 || !ModulePath.IsValidPath(path) || seen.ContainsKey(path))
            {
                skipped.Add(new(path, root, "no go.mod and not a valid or new module path"));
                continue;
            }
            var c = new Candidate(path, root, true, null, DebianVersions.GoVersion(path, PackageVersion(debian, root, root)));
            seen[path] = c;
            result.Add(c);
        }
        return result;
    }

    private static string? PackageVersion(DebianVersions debian, string file, string dir)
    {
        var owner = debian.Owners(file).Concat(debian.Owners(dir)).FirstOrDefault();
        return owner is null ? null : debian.Version(owner);
    }

    private static bool Covered(string dir, string srcRoot, HashSet<string> modRoots)
    {
        for (var d = dir; d.Length > srcRoot.Length; d = Path.GetDirectoryName(d)!)
            if (modRoots.Contains(d)) return true;
        return false;
    }

    /// <summary>
    /// The shallowest ancestor of <paramref name="dir"/> that the package owning it owns alone (dpkg lists every parent
    /// directory a package installs, so shared ones have several owners); without dpkg data, go's host conventions.
    /// </summary>
    private static string RepositoryRoot(string srcRoot, string dir, DebianVersions debian)
    {
        var rel = Rel(srcRoot, dir).Split('/');
        var owners = debian.Owners(dir);
        if (owners.Count > 0)
        {
            var owner = owners.First();
            for (int depth = 1; depth <= rel.Length; depth++)
            {
                var candidate = Path.Combine(srcRoot, string.Join('/', rel[..depth]));
                var o = debian.Owners(candidate);
                if (o.Count == 1 && o.Contains(owner)) return candidate;
            }
            return dir;
        }
        var n = rel[0] switch
        {
            "github.com" or "gitlab.com" or "bitbucket.org" or "golang.org" => 3,
            "gopkg.in" => rel.Length > 1 && rel[1].Contains(".v", StringComparison.Ordinal) ? 2 : 3,
            _ => 2,
        };
        return Path.Combine(srcRoot, string.Join('/', rel[..Math.Min(n, rel.Length)]));
    }

    private static bool UnderOtherRoot(string dir, string file, HashSet<string> roots)
    {
        var p = file;
        while (p.LastIndexOf('/') is var i and > 0)
        {
            p = p[..i];
            if (roots.Contains(dir + "/" + p)) return true;
        }
        return false;
    }

    /// <summary>The first modules by path together with the corpus modules their go.mod requires (transitively), up to <paramref name="max"/>.</summary>
    private static List<Candidate> Limit(List<Candidate> modules, int? max)
    {
        if (max is not { } limit || modules.Count <= limit) return modules;
        var byPath = modules.ToDictionary(m => m.Path, StringComparer.Ordinal);
        var chosen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in modules.OrderBy(m => m.Path, StringComparer.Ordinal))
        {
            if (chosen.Count >= limit) break;
            var stack = new Stack<Candidate>([m]);
            while (stack.Count > 0)
            {
                var c = stack.Pop();
                if (!chosen.Add(c.Path)) continue;
                foreach (var r in c.Parsed?.Require ?? [])
                    if (byPath.TryGetValue(r.Path, out var dep)) stack.Push(dep);
            }
        }
        return modules.Where(m => chosen.Contains(m.Path)).ToList();
    }

    private static CorpusModule WriteModule(Candidate m, Dictionary<string, Candidate> corpus, string proxy, string staging, CancellationToken ct)
    {
        var goMod = Encoding.UTF8.GetBytes(RewriteGoMod(m, corpus));
        var stage = Path.Combine(staging, Guid.NewGuid().ToString("N"));
        try
        {
            foreach (var f in m.Files!)
            {
                var target = Path.Combine(stage, f);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(Path.Combine(m.Dir, f), target);
            }
            File.WriteAllBytes(Path.Combine(stage, "go.mod"), goMod);

            var mv = new ModuleVersion(m.Path, m.Version);
            var dir = Path.Combine(proxy, ModulePath.EscapePath(m.Path), "@v");
            Directory.CreateDirectory(dir);
            var v = ModulePath.EscapeVersion(m.Version);
            var zip = Path.Combine(dir, v + ".zip");
            var tmp = zip + ".tmp";
            using (var stream = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
                ModuleZip.Create(stream, mv, stage, ct);
            File.Move(tmp, zip, overwrite: true);
            File.WriteAllBytes(Path.Combine(dir, v + ".mod"), goMod);
            File.WriteAllText(Path.Combine(dir, v + ".info"), $"{{\"Version\":\"{m.Version}\",\"Time\":\"{Time(m.Version)}\"}}\n");
            // Proxies list tagged versions only.
            File.WriteAllText(Path.Combine(dir, "list"), IsPseudo(m.Version) ? "" : m.Version + "\n");
            return new CorpusModule(m.Path, m.Version, m.Dir, m.Synthesized, m.Imported, new FileInfo(zip).Length, m.Files!.Count + 1,
                DirHash.HashZip(zip, ct), DirHash.HashGoMod(goMod));
        }
        finally
        {
            TryDeleteTree(stage);
        }
    }

    private static bool IsPseudo(string v) => System.Text.RegularExpressions.Regex.IsMatch(v, @"\d{14}-[0-9a-f]{12}$");

    private static string Time(string version)
    {
        var m = System.Text.RegularExpressions.Regex.Match(version, @"(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})-[0-9a-f]{12}$");
        return m.Success ? $"{m.Groups[1]}-{m.Groups[2]}-{m.Groups[3]}T{m.Groups[4]}:{m.Groups[5]}:{m.Groups[6]}Z" : "2020-01-01T00:00:00Z";
    }

    /// <summary>module, go (as major.minor) and the requirements that name corpus modules, at their corpus versions.</summary>
    private static string RewriteGoMod(Candidate m, Dictionary<string, Candidate> corpus)
    {
        var sb = new StringBuilder();
        sb.Append("module ").Append(m.Path).Append('\n');
        if (m.Parsed?.Go is { } go)
        {
            var parts = go.Split('.');
            if (parts.Length >= 2 && parts[0].All(char.IsAsciiDigit) && parts[1].TakeWhile(char.IsAsciiDigit).Any())
                sb.Append("\ngo ").Append(parts[0]).Append('.').Append(new string(parts[1].TakeWhile(char.IsAsciiDigit).ToArray())).Append('\n');
        }
        var requires = new SortedDictionary<string, bool>(StringComparer.Ordinal);
        foreach (var r in m.Parsed?.Require ?? [])
            if (r.Path != m.Path && corpus.ContainsKey(r.Path)) requires[r.Path] = requires.GetValueOrDefault(r.Path, true) && r.Indirect;
        if (requires.Count > 0)
        {
            sb.Append("\nrequire (\n");
            foreach (var (path, indirect) in requires)
                sb.Append('\t').Append(path).Append(' ').Append(corpus[path].Version).Append(indirect ? " // indirect\n" : "\n");
            sb.Append(")\n");
        }
        return sb.ToString();
    }

    private static string WriteMainModule(string outDir, List<CorpusModule> modules, CorpusOptions options)
    {
        var main = Path.Combine(outDir, "main");
        Directory.CreateDirectory(main);
        var mod = new StringBuilder();
        mod.Append("module ").Append(options.MainModulePath).Append("\n\ngo ").Append(options.MainGoVersion).Append("\n\nrequire (\n");
        foreach (var m in modules.Where(m => m.ImportedPackage is not null))
            mod.Append('\t').Append(m.Path).Append(' ').Append(m.Version).Append('\n');
        mod.Append(")\n");
        if (modules.Any(m => m.ImportedPackage is null))
        {
            mod.Append("\nrequire (\n");
            foreach (var m in modules.Where(m => m.ImportedPackage is null))
                mod.Append('\t').Append(m.Path).Append(' ').Append(m.Version).Append(" // indirect\n");
            mod.Append(")\n");
        }
        var sum = new StringBuilder();
        foreach (var m in modules.OrderBy(m => m.Path, StringComparer.Ordinal))
        {
            sum.Append(m.Path).Append(' ').Append(m.Version).Append(' ').Append(m.ZipHash).Append('\n');
            sum.Append(m.Path).Append(' ').Append(m.Version).Append("/go.mod ").Append(m.GoModHash).Append('\n');
        }
        var go = new StringBuilder("// Code generated by GoCorpus. DO NOT EDIT.\n\n// Package main imports one package of every corpus module.\npackage main\n\nimport (\n");
        foreach (var p in modules.Select(m => m.ImportedPackage).OfType<string>().Order(StringComparer.Ordinal))
            go.Append("\t_ \"").Append(p).Append("\"\n");
        go.Append(")\n\nfunc main() {}\n");
        File.WriteAllText(Path.Combine(main, "go.mod"), mod.ToString());
        File.WriteAllText(Path.Combine(main, "go.sum"), sum.ToString());
        File.WriteAllText(Path.Combine(main, "main.go"), go.ToString());
        return main;
    }

    private static string Rel(string root, string dir) => dir.Length <= root.Length ? "" : dir[(root.Length + 1)..].Replace('\\', '/');

    private static void TryDeleteTree(string path)
    {
        try
        {
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
