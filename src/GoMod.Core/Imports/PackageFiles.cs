using System.Text;

namespace GoMod.Core.Imports;

/// <summary>
/// The Go files of one package directory as the package loader sees them for a set of build tags: cmd/go's
/// <c>imports.ScanDir</c> decides which files count (names not starting with <c>_</c> or <c>.</c>, GOOS/GOARCH
/// suffixes, build constraints, files importing <c>"C"</c> only with cgo), and the files that count are classified
/// and read as go/build does: <c>GoFiles</c>, <c>CgoFiles</c>, <c>TestGoFiles</c>, <c>XTestGoFiles</c>, their imports
/// with the position of the first import spec of each path, and <c>//go:embed</c> patterns of files importing
/// <c>embed</c>.
/// </summary>
internal sealed class PackageFiles
{
    /// <summary>The package name (of the first file that is not an external test), or "".</summary>
    public string Name { get; private init; } = "";

    public IReadOnlyList<string> GoFiles { get; private init; } = [];

    /// <summary>Files importing <c>"C"</c> (only when cgo is enabled; otherwise they are ignored files).</summary>
    public IReadOnlyList<string> CgoFiles { get; private init; } = [];

    /// <summary><c>_test.go</c> files of the package itself.</summary>
    public IReadOnlyList<string> TestGoFiles { get; private init; } = [];

    /// <summary><c>_test.go</c> files of the external test package (<c>package p_test</c>).</summary>
    public IReadOnlyList<string> XTestGoFiles { get; private init; } = [];

    /// <summary><c>.go</c> files left out by the build tags (or by cgo being off).</summary>
    public IReadOnlyList<string> IgnoredGoFiles { get; private init; } = [];

    /// <summary>Imports of the package's files (not tests), sorted, without <c>C</c> and the appengine paths modload drops.</summary>
    public IReadOnlyList<PackageImport> Imports { get; private init; } = [];

    /// <summary>Imports of the <c>_test.go</c> files (internal and external tests), sorted, filtered as <see cref="Imports"/>.</summary>
    public IReadOnlyList<PackageImport> TestImports { get; private init; } = [];

    /// <summary>Sorted, distinct <c>//go:embed</c> patterns of the package's files (not tests).</summary>
    public IReadOnlyList<EmbedPattern> EmbedPatterns { get; private init; } = [];

    /// <summary>Sorted, distinct <c>//go:embed</c> patterns of the test files (internal and external).</summary>
    public IReadOnlyList<EmbedPattern> TestEmbedPatterns { get; private init; } = [];

    /// <summary>go's scanner error for the directory (<c>reading x.go: …</c>), or null.</summary>
    public string? Error { get; private init; }

    /// <summary>No file counts (go's <c>imports.ErrNoGo</c>).</summary>
    public bool NoGoFiles { get; private init; }

    /// <summary>
    /// Scans the regular files of one directory (name and a reader of the bytes) for <paramref name="tags"/>. With a
    /// <paramref name="cache"/> and the directory's full path <paramref name="dir"/>, each file is read once per cache.
    /// </summary>
    public static PackageFiles Scan(IEnumerable<(string Name, Func<byte[]> Read)> files, BuildTags tags, GoFileFactsCache? cache = null, string? dir = null)
    {
        var goFiles = new List<string>();
        var cgoFiles = new List<string>();
        var testFiles = new List<string>();
        var xtestFiles = new List<string>();
        var ignored = new List<string>();
        var imports = new SortedDictionary<string, SourcePosition>(StringComparer.Ordinal);
        var testImports = new SortedDictionary<string, SourcePosition>(StringComparer.Ordinal);
        var embeds = new SortedDictionary<string, SourcePosition>(StringComparer.Ordinal);
        var testEmbeds = new SortedDictionary<string, SourcePosition>(StringComparer.Ordinal);
        string name0 = "";
        foreach (var (name, read) in files.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            if (name.StartsWith('_') || name.StartsWith('.') || !name.EndsWith(".go", StringComparison.Ordinal)) continue;
            if (!tags.MatchFile(name))
            {
                ignored.Add(name);
                continue;
            }
            var path = dir is null ? name : Path.Combine(dir, name);
            var facts = cache is not null && dir is not null ? cache.Get(path, name, read) : GoFileFacts.Read(name, path, read());
            if (facts.HeaderError is not null) return new PackageFiles { Error = $"reading {name}: {facts.HeaderError}" };
            bool isCgo = facts.ImportsC;
            if ((isCgo && !tags.AllowsCgo) || !facts.ShouldBuild(tags))
            {
                ignored.Add(name);
                continue;
            }
            bool isTest = name.EndsWith("_test.go", StringComparison.Ordinal);
            bool isXTest = isTest && facts.PackageName.EndsWith("_test", StringComparison.Ordinal) && facts.PackageName != name0;
            if (!isXTest && name0.Length == 0) name0 = facts.PackageName;
            (isXTest ? xtestFiles : isTest ? testFiles : isCgo ? cgoFiles : goFiles).Add(name);

            var importMap = isTest ? testImports : imports;
            foreach (var (quoted, position) in facts.Specs)
            {
                if (!GoSourceScanner.TryUnquoteImport(quoted, out var importPath)) continue;
                importMap.TryAdd(importPath, position);
            }
            if (facts.ImportsEmbed)
            {
                var embedMap = isTest ? testEmbeds : embeds;
                foreach (var e in facts.Embeds)
                    embedMap.TryAdd(e.Pattern, e.Position);
            }
        }
        if (goFiles.Count + cgoFiles.Count + testFiles.Count + xtestFiles.Count == 0)
            return new PackageFiles { NoGoFiles = true, IgnoredGoFiles = ignored };
        return new PackageFiles
        {
            Name = name0,
            GoFiles = goFiles,
            CgoFiles = cgoFiles,
            TestGoFiles = testFiles,
            XTestGoFiles = xtestFiles,
            IgnoredGoFiles = ignored,
            Imports = Filter(imports),
            TestImports = Filter(testImports),
            EmbedPatterns = embeds.Select(kv => new EmbedPattern(kv.Key, kv.Value)).ToList(),
            TestEmbedPatterns = testEmbeds.Select(kv => new EmbedPattern(kv.Key, kv.Value)).ToList(),
        };
    }

    /// <summary>modload's <c>scanDir</c> filter: <c>C</c> and the appengine paths are no packages to load.</summary>
    private static List<PackageImport> Filter(SortedDictionary<string, SourcePosition> map) =>
        map.Where(kv => kv.Key != "C" && kv.Key != "appengine" && !kv.Key.StartsWith("appengine/", StringComparison.Ordinal)
                && kv.Key != "appengine_internal" && !kv.Key.StartsWith("appengine_internal/", StringComparison.Ordinal))
            .Select(kv => new PackageImport(kv.Key, kv.Value)).ToList();

    /// <summary>
    /// go/build's <c>findEmbed</c> and <c>parseGoEmbed</c>: every <c>//go:embed</c> comment of the file (go/build
    /// rescans the whole file, the import clause included, from its first byte, which is not taken as a line start)
    /// that starts a line, outside strings, rune literals and block comments, and is followed by a space or tab; its
    /// arguments are space-separated patterns, optionally quoted with <c>"</c> or <c>`</c>. Malformed lines are skipped.
    /// </summary>
    public static List<EmbedPattern> FindEmbeds(string file, byte[] data)
    {
        var list = new List<EmbedPattern>();
        int i = data.Length >= 3 && data[0] == 0xef && data[1] == 0xbb && data[2] == 0xbf ? 3 : 0;
        bool startLine = false;
        ReadOnlySpan<byte> goEmbed = "go:embed"u8;
        while (i < data.Length)
        {
            byte c = data[i++];
            switch (c)
            {
                case (byte)'\n':
                    startLine = true;
                    break;
                case (byte)' ' or (byte)'\t':
                    break;
                case (byte)'"' or (byte)'\'':
                    startLine = false;
                    while (i < data.Length && data[i] != c && data[i] != '\n')
                        i += data[i] == '\\' ? 2 : 1;
                    i++;
                    break;
                case (byte)'`':
                    startLine = false;
                    while (i < data.Length && data[i] != '`') i++;
                    i++;
                    break;
                case (byte)'/' when i < data.Length && data[i] == '*':
                    i++;
                    while (i + 1 < data.Length && !(data[i] == '*' && data[i + 1] == '/')) i++;
                    i += 2;
                    startLine = false;
                    break;
                case (byte)'/' when i < data.Length && data[i] == '/':
                    i++;
                    int lineEnd = Array.IndexOf(data, (byte)'\n', i);
                    if (lineEnd < 0) lineEnd = data.Length;
                    if (startLine && data.AsSpan(i, lineEnd - i).StartsWith(goEmbed) && i + goEmbed.Length < lineEnd
                        && data[i + goEmbed.Length] is (byte)' ' or (byte)'\t')
                    {
                        int argStart = i + goEmbed.Length + 1;
                        var pos = SourcePosition.At(file, data, argStart);
                        var args = Encoding.UTF8.GetString(data, argStart, lineEnd - argStart).TrimEnd('\r');
                        if (ParseGoEmbed(args, pos) is { } patterns) list.AddRange(patterns);
                    }
                    i = lineEnd;
                    startLine = false;
                    break;
                default:
                    startLine = false;
                    break;
            }
        }
        return list;
    }

    /// <summary>go/build's <c>parseGoEmbed</c>: the patterns of one <c>//go:embed</c> line with their positions (columns in runes), or null when malformed.</summary>
    private static List<EmbedPattern>? ParseGoEmbed(string args, SourcePosition pos)
    {
        var list = new List<EmbedPattern>();
        int col = pos.Column;
        int i = 0;
        while (true)
        {
            while (i < args.Length && char.IsWhiteSpace(args[i])) { i++; col++; }
            if (i >= args.Length) break;
            int startCol = col;
            string pattern;
            int end;
            switch (args[i])
            {
                case '`':
                    end = args.IndexOf('`', i + 1);
                    if (end < 0) return null;
                    pattern = args[(i + 1)..end];
                    end++;
                    break;
                case '"':
                    end = i + 1;
                    while (end < args.Length && args[end] != '"') end += args[end] == '\\' ? 2 : 1;
                    if (end >= args.Length) return null;
                    end++;
                    if (!GoSourceScanner.TryUnquoteImport(args[i..end], out pattern)) return null;
                    break;
                default:
                    end = i;
                    while (end < args.Length && !char.IsWhiteSpace(args[end])) end++;
                    pattern = args[i..end];
                    break;
            }
            if (end < args.Length && !char.IsWhiteSpace(args[end])) return null;
            col += args[i..end].EnumerateRunes().Count();
            i = end;
            list.Add(new EmbedPattern(pattern, pos with { Column = startCol }));
        }
        return list;
    }
}
