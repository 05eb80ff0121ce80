using System.Text;
using System.Text.RegularExpressions;

namespace GoMod.Core.GoBuild;

/// <summary>
/// The files of the main module whose change can change what go build produces: Go, assembly and cgo sources
/// (<c>.go .s .c .h …</c>), go.mod, go.sum, vendor/modules.txt, and the files <c>//go:embed</c> directives name.
/// Walked as go walks a module: directories whose names start with <c>.</c> or <c>_</c>, <c>testdata</c>, nested
/// modules (a directory with its own go.mod) and vendor/ (but for modules.txt) are not part of it; neither are the
/// excluded directories (the project's bin/ and obj/).
/// </summary>
public static partial class GoBuildInputs
{
    private static readonly HashSet<string> SourceExtensions = new(StringComparer.Ordinal)
    {
        ".go", ".s", ".S", ".sx", ".c", ".h", ".cc", ".cpp", ".cxx", ".hh", ".hpp", ".hxx", ".m", ".f", ".F", ".for", ".f90", ".syso", ".swig", ".swigcxx",
    };

    /// <summary>The input files (full paths, sorted, no duplicates).</summary>
    public static IReadOnlyList<string> Collect(string moduleDirectory, IEnumerable<string> excluded)
    {
        var root = Path.GetFullPath(moduleDirectory);
        var skip = excluded.Where(e => !string.IsNullOrWhiteSpace(e))
            .Select(e => Path.TrimEndingDirectorySeparator(Path.GetFullPath(e, root))).ToHashSet(StringComparer.Ordinal);
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var name in new[] { "go.mod", "go.sum", Path.Combine("vendor", "modules.txt") })
            if (File.Exists(Path.Combine(root, name))) files.Add(Path.Combine(root, name));
        Walk(root, root, skip, files);
        return [.. files];
    }

    private static void Walk(string dir, string root, HashSet<string> skip, SortedSet<string> files)
    {
        string[] entries, subs;
        try
        {
            entries = Directory.GetFiles(dir);
            subs = Packages.PackagePatterns.RealSubdirectories(dir); // a linked directory is not walked, as go does not build it
        }
        catch (DirectoryNotFoundException) when (dir != root)
        {
            return; // removed since its parent was read (another project's build below the module): as if walked later
        }
        foreach (var file in entries)
        {
            var ext = Path.GetExtension(file);
            if (!SourceExtensions.Contains(ext)) continue;
            files.Add(file);
            if (ext == ".go") AddEmbedded(file, files);
        }
        foreach (var sub in subs)
        {
            var name = Path.GetFileName(sub);
            if (name.StartsWith('.') || name.StartsWith('_') || name == "testdata" || skip.Contains(sub)) continue;
            if (dir == root && name == "vendor") continue;
            if (File.Exists(Path.Combine(sub, "go.mod"))) continue;
            Walk(sub, root, skip, files);
        }
    }

    /// <summary>
    /// The files a <c>//go:embed</c> line of <paramref name="goFile"/> names: each pattern (quoted or not, <c>all:</c>
    /// allowed) is matched as <c>path.Match</c> does against paths relative to the file's directory; a matching
    /// directory brings all its files, without those starting with <c>.</c> or <c>_</c> unless <c>all:</c> was given.
    /// </summary>
    private static void AddEmbedded(string goFile, SortedSet<string> files)
    {
        string text;
        try { text = File.ReadAllText(goFile); }
        catch (IOException) { return; }
        if (!text.Contains("//go:embed", StringComparison.Ordinal)) return;
        var dir = Path.GetDirectoryName(goFile)!;
        foreach (Match line in EmbedLine().Matches(text))
        {
            foreach (var token in Patterns(line.Groups[1].Value))
            {
                var all = token.StartsWith("all:", StringComparison.Ordinal);
                var pattern = all ? token[4..] : token;
                foreach (var entry in Expand(dir, pattern.Split('/', StringSplitOptions.RemoveEmptyEntries), 0))
                {
                    if (File.Exists(entry)) files.Add(entry);
                    else foreach (var f in Directory.EnumerateFiles(entry, "*", SearchOption.AllDirectories))
                        if (all || !Path.GetRelativePath(entry, f).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Any(p => p.StartsWith('.') || p.StartsWith('_')))
                            files.Add(f);
                }
            }
        }
    }

    /// <summary>The entries under <paramref name="dir"/> matching the pattern's elements from <paramref name="i"/> on, one directory level per element.</summary>
    private static IEnumerable<string> Expand(string dir, string[] elements, int i)
    {
        if (i == elements.Length) { yield return dir; yield break; }
        if (!Directory.Exists(dir)) yield break;
        var element = new Regex("^" + GlobToRegex(elements[i]) + "$", RegexOptions.CultureInvariant);
        foreach (var entry in Directory.EnumerateFileSystemEntries(dir))
        {
            if (!element.IsMatch(Path.GetFileName(entry))) continue;
            if (i == elements.Length - 1) yield return entry;
            else foreach (var deeper in Expand(entry, elements, i + 1)) yield return deeper;
        }
    }

    private static IEnumerable<string> Patterns(string args)
    {
        foreach (Match m in EmbedArg().Matches(args))
            yield return m.Groups["q"].Success ? Regex.Unescape(m.Groups["q"].Value) : m.Groups["b"].Success ? m.Groups["b"].Value : m.Groups["p"].Value;
    }

    private static string GlobToRegex(string glob)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            switch (c)
            {
                case '*': sb.Append("[^/]*"); break;
                case '?': sb.Append("[^/]"); break;
                case '[':
                    var end = glob.IndexOf(']', i + 1);
                    if (end < 0) { sb.Append(@"\["); break; }
                    var cls = glob[(i + 1)..end];
                    sb.Append('[').Append(cls.StartsWith('^') ? "^" + Regex.Escape(cls[1..]).Replace(@"\-", "-") : Regex.Escape(cls).Replace(@"\-", "-")).Append(']');
                    i = end;
                    break;
                case '\\' when i + 1 < glob.Length: sb.Append(Regex.Escape(glob[++i].ToString())); break;
                default: sb.Append(Regex.Escape(c.ToString())); break;
            }
        }
        return sb.ToString();
    }

    [GeneratedRegex(@"^[ \t]*//go:embed[ \t]+(.*)$", RegexOptions.Multiline)]
    private static partial Regex EmbedLine();

    [GeneratedRegex(@"""(?<q>(?:[^""\\]|\\.)*)""|`(?<b>[^`]*)`|(?<p>[^\s""`]+)")]
    private static partial Regex EmbedArg();
}
