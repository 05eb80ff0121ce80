using GoMod.Core.Module;

namespace GoMod.Core.Vendor;

/// <summary>
/// go's resolution of <c>//go:embed</c> patterns to files (cmd/go's <c>resolveEmbed</c>), as <c>go mod vendor</c> uses
/// it to copy embedded files. A pattern is a glob relative to the package directory, optionally prefixed by
/// <c>all:</c>; it must be a valid <c>io/fs</c> path other than <c>.</c>. Each match must not lie in another module (a
/// directory on the way holding go.mod) nor have a name modules cannot hold (invalid file path, <c>.git</c>,
/// <c>.hg</c>, <c>.svn</c>, <c>.bzr</c>); a matched regular file is embedded; a matched directory embeds every regular
/// file below it, skipping nested modules, bad names and (without <c>all:</c>) names starting with <c>.</c> or
/// <c>_</c>. Every pattern must match something.
/// </summary>
public static class EmbedResolver
{
    /// <summary>
    /// The embedded files of <paramref name="patterns"/> in <paramref name="packageDir"/>: unique relative slash paths,
    /// sorted. Throws <see cref="EmbedPatternException"/> (pattern and go's reason) for the first pattern that fails.
    /// </summary>
    public static IReadOnlyList<string> Resolve(string packageDir, IEnumerable<string> patterns)
    {
        ArgumentNullException.ThrowIfNull(packageDir);
        ArgumentNullException.ThrowIfNull(patterns);
        var files = new SortedSet<string>(StringComparer.Ordinal);
        var dirOk = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pattern in patterns)
        {
            var all = pattern.StartsWith("all:", StringComparison.Ordinal);
            var glob = all ? pattern[4..] : pattern;
            if (!GoGlob.IsValid(glob) || !ValidEmbedPattern(glob))
                throw new EmbedPatternException(packageDir, pattern, "invalid pattern syntax");
            var list = new List<string>();
            var have = new HashSet<string>(StringComparer.Ordinal);
            foreach (var rel in GoGlob.Glob(packageDir, glob))
            {
                var full = Path.Combine(packageDir, rel);
                var info = new FileInfo(full);
                var isDir = (info.Attributes & FileAttributes.Directory) != 0 && info.LinkTarget is null;
                var what = isDir ? "directory" : "file";
                // Directories along the path must not start another module, must be directories and must have good names.
                for (var sub = rel; sub.Length > 0 && !dirOk.Contains(sub); sub = ParentOf(sub))
                {
                    if (File.Exists(Path.Combine(packageDir, sub, "go.mod")))
                        throw new EmbedPatternException(packageDir, pattern, $"cannot embed {what} {rel}: in different module");
                    if (sub != rel)
                    {
                        var subPath = Path.Combine(packageDir, sub);
                        var exists = File.Exists(subPath) || Directory.Exists(subPath) || new FileInfo(subPath).LinkTarget is not null;
                        var realDir = Directory.Exists(subPath) && new DirectoryInfo(subPath).LinkTarget is null;
                        if (exists && !realDir)
                            throw new EmbedPatternException(packageDir, pattern, $"cannot embed {what} {rel}: in non-directory {sub}");
                    }
                    dirOk.Add(sub);
                    var elem = sub[(sub.LastIndexOf('/') + 1)..];
                    if (IsBadEmbedName(elem))
                        throw new EmbedPatternException(packageDir, pattern, sub == rel
                            ? $"cannot embed {what} {rel}: invalid name {elem}"
                            : $"cannot embed {what} {rel}: in invalid directory {elem}");
                }
                if (isDir)
                {
                    int count = 0;
                    Walk(full, rel, all, path =>
                    {
                        count++;
                        if (have.Add(path)) list.Add(path);
                    });
                    if (count == 0)
                        throw new EmbedPatternException(packageDir, pattern, $"cannot embed directory {rel}: contains no embeddable files");
                }
                else if (info.Exists && info.LinkTarget is null)
                {
                    if (have.Add(rel)) list.Add(rel);
                }
                else
                {
                    throw new EmbedPatternException(packageDir, pattern, $"cannot embed irregular file {rel}");
                }
            }
            if (list.Count == 0) throw new EmbedPatternException(packageDir, pattern, "no matching files found");
            files.UnionWith(list);
        }
        return [.. files];
    }

    /// <summary>Every regular file below a matched directory, in go's walk order (names sorted), minus what modules leave out.</summary>
    private static void Walk(string dir, string rel, bool all, Action<string> file)
    {
        var entries = new DirectoryInfo(dir).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal);
        foreach (var e in entries)
        {
            var name = e.Name;
            var path = rel + "/" + name;
            var isDir = (e.Attributes & FileAttributes.Directory) != 0 && e.LinkTarget is null;
            if (IsBadEmbedName(name) || (!all && (name[0] == '.' || name[0] == '_'))) continue;
            if (isDir)
            {
                if (File.Exists(Path.Combine(e.FullName, "go.mod"))) continue;
                Walk(e.FullName, path, all, file);
                continue;
            }
            if (e.LinkTarget is not null) continue;
            file(path);
        }
    }

    private static string ParentOf(string rel)
    {
        int slash = rel.LastIndexOf('/');
        return slash < 0 ? "" : rel[..slash];
    }

    /// <summary><c>io/fs.ValidPath</c> and not <c>.</c>: unrooted slash-separated elements, none empty, <c>.</c> or <c>..</c>.</summary>
    private static bool ValidEmbedPattern(string pattern)
    {
        if (pattern == ".") return false;
        foreach (var elem in pattern.Split('/'))
            if (elem is "" or "." or "..") return false;
        return true;
    }

    /// <summary>Names modules cannot hold, which therefore never count as existing for embedding.</summary>
    private static bool IsBadEmbedName(string name)
    {
        if (name is "" or ".bzr" or ".hg" or ".git" or ".svn") return true;
        try
        {
            ModulePath.CheckFilePath(name);
            return false;
        }
        catch (ModulePathException)
        {
            return true;
        }
    }
}
