using System.Security.Cryptography;
using System.Text;
using GoMod.Core.GoEnv;
using GoMod.Core.Imports;
using GoMod.Core.ModFile;
using GoMod.Core.WorkFile;

namespace GoMod.Core.Packages;

/// <summary>
/// The local code that decides a restore besides go.mod and go.sum: the <c>.go</c> files of the main module (its
/// package load is <c>go build ./...</c>'s), of the other modules of a workspace, and of directory replacements, and the
/// go.mod files of those replacements (their requirements are part of the module graph). Described for the restore's
/// up-to-date check: what the package load reads of each file (<see cref="GoFileFacts"/>: package name, imports, build
/// constraints, import comment, embed patterns) and its name, so an edit that changes none of them (a function body, a
/// comment below the imports) leaves the description as it was, while an added import, a new or removed file, a new
/// nested module or an edited replacement go.mod changes it. Module cache contents never change in place and are not
/// described.
/// </summary>
public static class LocalSourceInputs
{
    /// <summary>
    /// The directories whose Go files the restore of the module in <paramref name="moduleDir"/> may read, besides
    /// <paramref name="moduleDir"/> itself: the other used modules of the go.work that applies, and every directory
    /// replacement of the go.mod files (and go.work) in play, whether or not the build list selects the replaced module.
    /// Full paths, distinct, in a stable order; missing directories included (one may appear).
    /// </summary>
    /// <exception cref="GoEnvironmentException">GOWORK is a relative path.</exception>
    public static IReadOnlyList<string> OtherRoots(string moduleDir, GoEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var main = Path.GetFullPath(moduleDir);
        var roots = new List<string>();
        var work = GoWorkLocator.Find(main, environment);
        var modFiles = new List<string>();
        if (work is null) modFiles.Add(Path.Combine(main, "go.mod"));
        else
        {
            var workDir = Path.GetDirectoryName(Path.GetFullPath(work))!;
            var parsed = TryParse(work, text => GoWorkFile.Parse(work, text));
            foreach (var use in parsed?.Use ?? [])
            {
                var root = Path.GetFullPath(Path.IsPathRooted(use) ? use : Path.Combine(workDir, use));
                roots.Add(root);
                modFiles.Add(Path.Combine(root, "go.mod"));
            }
            AddReplacements(roots, workDir, parsed?.Replace ?? []);
        }
        foreach (var modFile in modFiles)
            AddReplacements(roots, Path.GetDirectoryName(modFile)!, TryParse(modFile, text => GoModFile.Parse(modFile, text))?.Replace ?? []);
        return roots.Where(r => r != main).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// One line per described file (full path, then a hash of what the package load reads of it), for the module in
    /// <paramref name="moduleDir"/> and <see cref="OtherRoots"/>: their Go files as <c>./...</c> walks each root (see
    /// <see cref="PackagePatterns.ModuleDirectories"/>; the module cache, should it lie inside one, is not walked), and
    /// each directory replacement's go.mod.
    /// </summary>
    /// <exception cref="GoEnvironmentException">GOWORK is a relative path.</exception>
    public static string Describe(string moduleDir, GoEnvironment environment)
    {
        var main = Path.GetFullPath(moduleDir);
        var b = new StringBuilder();
        // A module cache inside a module (obj/gomodcache) holds no local code: its tree is not walked.
        var modCache = Path.TrimEndingDirectorySeparator(Path.GetFullPath(environment.ModCache));
        bool InModCache(string dir) => string.Equals(Path.TrimEndingDirectorySeparator(dir), modCache, StringComparison.Ordinal);
        foreach (var root in (IEnumerable<string>)[main, .. OtherRoots(main, environment)])
        {
            if (root != main) DescribeFile(b, Path.Combine(root, "go.mod"), whole: true);
            if (!Directory.Exists(root)) continue;
            try
            {
                foreach (var rel in PackagePatterns.ModuleDirectories(root, skipVendor: true, InModCache))
                {
                    var dir = PackagePatterns.FullPath(root, rel);
                    foreach (var file in Directory.EnumerateFiles(dir, "*.go").Order(StringComparer.Ordinal))
                        DescribeFile(b, file, whole: false);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A directory that went away or cannot be listed: the package load reports what it finds.
                b.Append(root).Append(" <unlistable>\n");
            }
        }
        return b.ToString();
    }

    private static void DescribeFile(StringBuilder b, string file, bool whole)
    {
        b.Append(file).Append(' ');
        try
        {
            if (!File.Exists(file)) b.Append("<absent>");
            else if (whole) b.Append(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))));
            else b.Append(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(FactsText(file)))));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            b.Append("<unreadable>");
        }
        b.Append('\n');
    }

    /// <summary>What the package load reads of a Go file, positions left out: an edit that only moves lines restores nothing.</summary>
    private static string FactsText(string file)
    {
        var f = GoFileFacts.ReadFile(Path.GetFileName(file), file, () => File.ReadAllBytes(file));
        var b = new StringBuilder();
        b.Append("package ").Append(f.PackageName).Append('\n');
        foreach (var (quoted, _) in f.Specs) b.Append("import ").Append(quoted).Append('\n');
        if (f.HeaderError is not null) b.Append("error ").Append(f.HeaderError).Append('\n');
        // As the source store keeps them: the //go:build line, else the // +build lines (the rest of the leading comments is not read).
        b.Append("constraints ").Append(f.Constraints.Ok).Append(' ').Append(f.Constraints.GoBuild).Append('\n')
            .Append(f.Constraints.GoBuild is null ? GoSourceScanner.PlusBuildLines(f.Constraints.Header) : "").Append('\n');
        foreach (var embed in f.Embeds) b.Append("embed ").Append(embed.Pattern).Append('\n');
        if (f.ImportComment is { } comment) b.Append("import comment ").Append(comment.Text).Append('\n');
        b.Append("embed package ").Append(f.EmbedPackageName).Append('\n');
        return b.ToString();
    }

    private static void AddReplacements(List<string> roots, string baseDir, IEnumerable<Replacement> replacements)
    {
        foreach (var r in replacements)
            if (r.IsDirectory) roots.Add(Path.GetFullPath(Path.IsPathRooted(r.NewPath) ? r.NewPath : Path.Combine(baseDir, r.NewPath)));
    }

    private static T? TryParse<T>(string file, Func<string, T> parse) where T : class
    {
        try
        {
            return File.Exists(file) ? parse(File.ReadAllText(file)) : null;
        }
        catch (Exception e) when (e is ModFileParseException or IOException or UnauthorizedAccessException)
        {
            // The restore reports it; the file's own content is already part of the inputs.
            return null;
        }
    }
}
