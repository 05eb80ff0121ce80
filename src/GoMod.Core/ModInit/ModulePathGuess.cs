using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using GoMod.Core.ModFile;
using GoMod.Core.Module;
using GoMod.Core.Zip;

namespace GoMod.Core.ModInit;

/// <summary>
/// The module path of a new module, as go 1.19's <c>go mod init</c> decides it: checked when given
/// (<see cref="Check"/>), guessed when not (<see cref="Find"/>).
/// </summary>
public static partial class ModulePathGuess
{
    /// <summary>
    /// go's <c>findModulePath</c>: the first import comment (<c>package p // import "path"</c>) in the directory's
    /// <c>.go</c> files (by name), else one in a subdirectory's files (the comment's parent path), else Godeps.json's
    /// <c>ImportPath</c>, else vendor/vendor.json's <c>rootPath</c>, else the directory's path below a
    /// <paramref name="goPath"/> entry's <c>src</c> (which must be a valid import path).
    /// </summary>
    /// <param name="dir">The new module's directory (absolute).</param>
    /// <param name="goPath">GOPATH (list-separated), or null.</param>
    /// <exception cref="ModulePathUnknownException">Nothing gives a path.</exception>
    public static string Find(string dir, string? goPath)
    {
        var entries = ReadDir(dir);
        foreach (var e in entries)
            if (IsRegularGoFile(e) && FindImportComment(e.FullName) is { } com) return com;
        foreach (var e in entries)
        {
            if (e is not DirectoryInfo sub || sub.LinkTarget is not null) continue;
            foreach (var f in ReadDir(sub.FullName))
                if (IsRegularGoFile(f) && FindImportComment(f.FullName) is { } com) return GoPath.Dir(com);
        }

        if (JsonString(Path.Combine(dir, "Godeps", "Godeps.json"), "ImportPath") is { Length: > 0 } godeps) return godeps;
        if (JsonString(Path.Combine(dir, "vendor", "vendor.json"), "RootPath") is { Length: > 0 } root) return root;

        Exception? badPath = null;
        foreach (var gpdir in (goPath ?? "").Split(Path.PathSeparator))
        {
            if (gpdir.Length == 0) continue;
            var src = Path.GetFullPath(Path.Combine(gpdir, "src"));
            var rel = Path.GetRelativePath(src, Path.GetFullPath(dir));
            if (rel == "." || rel == ".." || rel.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(rel)) continue;
            var path = rel.Replace(Path.DirectorySeparatorChar, '/');
            try
            {
                ModulePath.CheckImportPath(path);
            }
            catch (ModulePathException e)
            {
                badPath = e;
                break;
            }
            return path;
        }
        var reason = badPath is null
            ? "outside GOPATH, module path must be specified"
            : $"bad module path inferred from directory in GOPATH: {badPath.Message}";
        throw new ModulePathUnknownException(dir, reason, badPath);
    }

    /// <summary>
    /// go mod init's checks of a given module path: a valid import path (worded as a module path; <c>.</c>, <c>..</c>,
    /// <c>./x</c>, <c>../x</c> are local import paths), whose major version suffix, if any, is valid (<c>/v2</c> and
    /// up; <c>.vN</c> for gopkg.in), with go's suggestion when it is not.
    /// </summary>
    /// <exception cref="InvalidNewModulePathException">The path cannot name a module.</exception>
    public static void Check(string modPath)
    {
        try
        {
            ModulePath.CheckImportPath(modPath);
        }
        catch (ModulePathException e)
        {
            var detail = modPath is "." or ".." || modPath.StartsWith("./", StringComparison.Ordinal) || modPath.StartsWith("../", StringComparison.Ordinal)
                ? "is a local import path" : e.Detail;
            var error = new ModulePathException("module", e.Path, detail);
            throw new InvalidNewModulePathException(modPath, error.Message, error);
        }
        if (ModulePath.SplitPathVersion(modPath, out _, out _)) return;
        var why = modPath.StartsWith("gopkg.in/", StringComparison.Ordinal)
            ? $"module paths beginning with gopkg.in/ must always have a major version suffix in the form of .vN:\n\tgo mod init {SuggestGopkgIn(modPath)}"
            : $"major version suffixes must be in the form of /vN and are only allowed for v2 or later:\n\tgo mod init {SuggestModulePath(modPath)}";
        throw new InvalidNewModulePathException(modPath, $"invalid module path \"{modPath}\": {why}");
    }

    /// <summary>go's <c>suggestModulePath</c>: the path with its trailing version turned into a valid <c>/vN</c> suffix (<c>/v2</c> for v0, v1 or none).</summary>
    internal static string SuggestModulePath(string path)
    {
        int i = TrailingVersionStart(path);
        var url = TrimSuffix(TrimSuffix(path[..i], "/v"), "/");
        var m = FirstDigits(path[i..]).TrimStart('0');
        return m is "" or "1" ? url + "/v2" : url + "/v" + m;
    }

    /// <summary>go's <c>suggestGopkgIn</c>: gopkg.in paths take <c>.vN</c>; N is the first number anywhere in the path (go's rule), v1 when none.</summary>
    internal static string SuggestGopkgIn(string path)
    {
        int i = TrailingVersionStart(path);
        var url = TrimSuffix(TrimSuffix(TrimSuffix(path[..i], ".v"), "/v"), "/");
        var m = FirstDigits(path).TrimStart('0');
        return m.Length == 0 ? url + ".v1" : url + ".v" + m;
    }

    private static int TrailingVersionStart(string path)
    {
        int i = path.Length;
        while (i > 0 && (char.IsAsciiDigit(path[i - 1]) || path[i - 1] == '.')) i--;
        return i;
    }

    private static string FirstDigits(string s)
    {
        int start = 0;
        while (start < s.Length && !char.IsAsciiDigit(s[start])) start++;
        int end = start;
        while (end < s.Length && char.IsAsciiDigit(s[end])) end++;
        return s[start..end];
    }

    private static string TrimSuffix(string s, string suffix) => s.EndsWith(suffix, StringComparison.Ordinal) ? s[..^suffix.Length] : s;

    /// <summary>The directory's entries sorted by name as Go's <c>os.ReadDir</c> sorts them (bytewise); none when unreadable.</summary>
    private static List<FileSystemInfo> ReadDir(string dir)
    {
        try
        {
            var list = new DirectoryInfo(dir).GetFileSystemInfos().ToList();
            list.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
            return list;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static bool IsRegularGoFile(FileSystemInfo e) =>
        e is FileInfo && e.LinkTarget is null && e.Name.EndsWith(".go", StringComparison.Ordinal);

    /// <summary>go's <c>findImportComment</c>: the path of the first <c>package p // import "path"</c> line (the comment must end the line), or null.</summary>
    internal static string? FindImportComment(string file)
    {
        string text;
        try
        {
            text = Encoding.UTF8.GetString(File.ReadAllBytes(file));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        var m = ImportComment().Match(text);
        if (!m.Success) return null;
        return GoText.TryUnquote(m.Groups[1].Value, out var path) ? path : null;
    }

    [GeneratedRegex("^package[ \\t]+[^ \\t\\r\\n/]+[ \\t]+//[ \\t]+import[ \\t]+(\"[^\"]+\")[ \\t]*\\r?\\n", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex ImportComment();

    /// <summary>A top-level string member of a JSON file as Go's lenient decode into a one-field struct finds it; null on any failure.</summary>
    private static string? JsonString(string file, string key)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
            return doc.RootElement.ValueKind == JsonValueKind.Object ? JsonManifests.StringProperty(doc.RootElement, key) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }
}
