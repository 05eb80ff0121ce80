using System.Text.RegularExpressions;
using GoMod.Core.Imports;

namespace GoMod.Benchmarks.Corpus;

/// <summary>
/// The packages of a set of modules and which of them can be imported from a main module that requires them all: a
/// package qualifies when it has one package name (not main), some file builds for this host with cgo off, and every
/// import of its files under any build tags (what go's module loader follows) is a standard-library package or
/// another qualifying corpus package, respecting go's <c>internal</c> rule.
/// </summary>
public sealed partial class CorpusPackages
{
    private readonly Dictionary<string, (string Module, string Dir, List<string> Files)> _packages = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ambiguous = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _byModule = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _state = new(StringComparer.Ordinal);
    private readonly string? _goRoot;
    private readonly BuildTags _hostTags = BuildTags.Host();

    /// <summary>Indexes the packages of <paramref name="modules"/>: (module path, source directory, module-relative files).</summary>
    public CorpusPackages(IEnumerable<(string Path, string Dir, IReadOnlyList<string> Files)> modules, string? goRoot)
    {
        _goRoot = goRoot;
        foreach (var (path, dir, files) in modules)
        {
            var list = _byModule[path] = [];
            foreach (var group in files.Where(f => f.EndsWith(".go", StringComparison.Ordinal)).GroupBy(f => f.LastIndexOf('/') is var i and >= 0 ? f[..i] : ""))
            {
                var importPath = group.Key.Length == 0 ? path : path + "/" + group.Key;
                if (_packages.ContainsKey(importPath)) _ambiguous.Add(importPath);
                _packages[importPath] = (path, dir, group.Select(f => Path.Combine(dir, f)).ToList());
                list.Add(importPath);
            }
        }
    }

    /// <summary>The package of <paramref name="modulePath"/> a main module should import (shortest path first), or null.</summary>
    public string? Candidate(string modulePath)
    {
        if (!_byModule.TryGetValue(modulePath, out var list)) return null;
        foreach (var p in list.OrderBy(p => p.Length).ThenBy(p => p, StringComparer.Ordinal))
        {
            var elems = p.Split('/');
            if (elems.Any(e => e is "internal" or "testdata" or "vendor" || e.StartsWith('_') || e.StartsWith('.'))) continue;
            if (Qualifies(p)) return p;
        }
        return null;
    }

    private bool Qualifies(string importPath)
    {
        if (_state.TryGetValue(importPath, out var s)) return s != 3; // 1: in progress (cycles are not ours to judge)
        if (_ambiguous.Contains(importPath) || !_packages.TryGetValue(importPath, out var pkg)) return false;
        _state[importPath] = 1;
        var ok = Check(importPath, pkg.Files);
        _state[importPath] = ok ? 2 : 3;
        return ok;
    }

    private bool Check(string importPath, List<string> files)
    {
        var sources = files.Where(f => !f.EndsWith("_test.go", StringComparison.Ordinal))
            .Select(f => (Name: Path.GetFileName(f), Full: f))
            .Where(f => !f.Name.StartsWith('_') && !f.Name.StartsWith('.'))
            .ToList();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var hostBuilds = false;
        foreach (var (name, full) in sources)
        {
            var data = File.ReadAllBytes(full);
            if (!GoSourceScanner.ShouldBuild(data)) continue;
            var (imports, error) = GoSourceScanner.ReadImports(data);
            if (error is not null) return false;
            if (PackageClause().Match(System.Text.Encoding.UTF8.GetString(data)) is { Success: true } m) names.Add(m.Groups[1].Value);
            if (!imports.Contains("\"C\"") && GoSourceScanner.HasBuildableGoFiles([(name, () => data)], _hostTags)) hostBuilds = true;
        }
        if (names.Count != 1 || names.Contains("main") || !hostBuilds) return false;
        var (all, _, scanError) = GoSourceScanner.ScanDir(sources.Select(f => (f.Name, (Func<byte[]>)(() => File.ReadAllBytes(f.Full)))));
        if (scanError is not null) return false;
        foreach (var imp in all)
        {
            if (!InternalAllowed(importPath, imp)) return false;
            var first = imp.Split('/')[0];
            if (!first.Contains('.'))
            {
                if (_goRoot is not null && !Directory.Exists(Path.Combine(_goRoot, "src", imp))) return false;
                continue;
            }
            if (!Qualifies(imp)) return false;
        }
        return true;
    }

    /// <summary>go's rule: <c>a/b/internal/c</c> may be imported only from <c>a/b</c> and below.</summary>
    private static bool InternalAllowed(string importer, string imported)
    {
        var elems = imported.Split('/');
        var last = Array.LastIndexOf(elems, "internal");
        if (last < 0) return true;
        if (last == 0) return false;
        var parent = string.Join('/', elems[..last]);
        return importer == parent || importer.StartsWith(parent + "/", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(?m)^package\s+([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex PackageClause();
}
