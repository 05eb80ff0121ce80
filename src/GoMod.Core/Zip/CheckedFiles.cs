namespace GoMod.Core.Zip;

/// <summary>
/// Which files a module zip (or a directory about to become one) contains by Go's rules: <see cref="Valid"/> ones go in,
/// <see cref="Omitted"/> ones are silently left out (nested modules, vendored packages, VCS directories, links, …),
/// <see cref="Invalid"/> ones make the whole zip invalid. <see cref="SizeError"/> is set when a size limit is exceeded.
/// </summary>
public sealed record CheckedFiles(
    IReadOnlyList<string> Valid,
    IReadOnlyList<ZipFileError> Omitted,
    IReadOnlyList<ZipFileError> Invalid,
    string? SizeError)
{
    /// <summary>True when nothing is invalid and no limit is exceeded.</summary>
    public bool IsValid => SizeError is null && Invalid.Count == 0;

    /// <summary>The go command's error text: the size error if any, else one <c>path: reason</c> line per invalid file; null when valid.</summary>
    public string? Error => SizeError ?? (Invalid.Count > 0 ? string.Join("\n", Invalid) : null);
}
