namespace GoMod.Core.Imports;

/// <summary>
/// The import-comment check GOPATH-mode go made when it loaded a package (go/build's <c>ImportComment</c> mode and
/// cmd/go's <c>code in directory … expects import …</c>), brought to module mode. The files are those go/build reads
/// for the build's tags: <c>.go</c> files not starting with <c>_</c> or <c>.</c>, whose name and build constraints
/// hold, <c>_test.go</c> files included (go reads them too), files of package <c>documentation</c> left out; in name
/// order. A comment that does not unquote is an error for its file; a comment naming another path than an earlier
/// file's is an error for its file; only when the package has no such error is the one canonical path compared with
/// the path the package is imported by (never for paths in a <c>vendor/</c> tree, as go).
/// </summary>
public static class ImportCommentChecker
{
    /// <summary>
    /// The import comments of the package in <paramref name="directory"/>, file by file in name order, over the files
    /// go/build keeps for <paramref name="tags"/> (<see cref="PackageFiles"/>: Go, cgo and test files).
    /// </summary>
    internal static async Task<IReadOnlyList<ImportComment>> ReadPackageAsync(string directory, BuildTags tags, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(directory)) return [];
        var entries = new DirectoryInfo(directory).EnumerateFiles()
            .Select(f => (f.Name, Read: (Func<byte[]>)(() => File.ReadAllBytes(f.FullName))));
        var files = PackageFiles.Scan(entries, tags);
        return await ReadFilesAsync(directory, [.. files.GoFiles, .. files.CgoFiles, .. files.TestGoFiles, .. files.XTestGoFiles], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The import comments of the named files of one package directory, in name order; files of package
    /// <c>documentation</c> are left out, as go/build leaves them out.
    /// </summary>
    public static Task<IReadOnlyList<ImportComment>> ReadFilesAsync(string directory, IEnumerable<string> fileNames, CancellationToken cancellationToken) =>
        ReadFilesAsync(directory, fileNames, cancellationToken, null);

    /// <summary><see cref="ReadFilesAsync(string, IEnumerable{string}, CancellationToken)"/>, each file read once per <paramref name="cache"/>.</summary>
    internal static async Task<IReadOnlyList<ImportComment>> ReadFilesAsync(string directory, IEnumerable<string> fileNames, CancellationToken cancellationToken,
        GoFileFactsCache? cache)
    {
        ArgumentNullException.ThrowIfNull(fileNames);
        var comments = new List<ImportComment>();
        foreach (var name in fileNames.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = Path.Combine(directory, name);
            var comment = cache is not null
                ? cache.Get(path, name, () => File.ReadAllBytes(path)).ImportComment
                : ImportCommentReader.Find(path, await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false));
            if (comment is null || comment.PackageName == "documentation") continue;
            comments.Add(comment);
        }
        return comments;
    }

    /// <summary>
    /// go's verdict on a package's import comments, at <paramref name="severity"/> (none: nothing): a malformed comment
    /// or one contradicting an earlier file's, each at its comment; otherwise a canonical path other than
    /// <paramref name="importPath"/>, at the first comment naming it.
    /// </summary>
    /// <param name="importPath">The path the package is imported by.</param>
    /// <param name="directory">The package's directory.</param>
    /// <param name="comments">The package's comments in file-name order (<see cref="ReadFilesAsync(string, IEnumerable{string}, CancellationToken)"/>).</param>
    /// <param name="severity">Error or warning decides the failure types; none checks nothing.</param>
    /// <param name="mainModule">True for the main module's packages (worded for the user who owns the comment).</param>
    public static IReadOnlyList<ImportCommentException> Check(string importPath, string directory, IReadOnlyList<ImportComment> comments,
        ImportCommentSeverity severity, bool mainModule)
    {
        var failures = new List<ImportCommentException>();
        if (severity == ImportCommentSeverity.None) return failures;
        bool warn = severity == ImportCommentSeverity.Warning;
        ImportComment? first = null;
        foreach (var comment in comments)
        {
            if (comment.Path is null)
                failures.Add(warn ? new MalformedImportCommentWarningException(comment, directory, importPath) : new MalformedImportCommentException(comment, directory, importPath));
            else if (first is null)
                first = comment;
            else if (!string.Equals(first.Path, comment.Path, StringComparison.Ordinal))
                failures.Add(warn ? new ConflictingImportCommentsWarningException(first, comment, directory, importPath) : new ConflictingImportCommentsException(first, comment, directory, importPath));
        }
        if (failures.Count == 0 && first is not null && !string.Equals(first.Path, importPath, StringComparison.Ordinal)
            && !importPath.Contains("/vendor/", StringComparison.Ordinal) && !importPath.StartsWith("vendor/", StringComparison.Ordinal))
        {
            failures.Add(warn ? new ImportCommentMismatchWarningException(first, directory, importPath, mainModule) : new ImportCommentMismatchException(first, directory, importPath, mainModule));
        }
        return failures;
    }

    /// <summary>Reads and checks one package directory (<see cref="ReadPackageAsync"/> then <see cref="Check"/>).</summary>
    internal static async Task<IReadOnlyList<ImportCommentException>> CheckPackageAsync(string importPath, string directory, BuildTags tags,
        ImportCommentSeverity severity, bool mainModule, CancellationToken cancellationToken)
    {
        if (severity == ImportCommentSeverity.None) return [];
        var comments = await ReadPackageAsync(directory, tags, cancellationToken).ConfigureAwait(false);
        return Check(importPath, directory, comments, severity, mainModule);
    }
}
