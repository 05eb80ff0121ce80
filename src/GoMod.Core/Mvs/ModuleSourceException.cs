namespace GoMod.Core.Mvs;

/// <summary>
/// An error about one module (version), printed as go prints a <c>module.ModuleError</c>:
/// <c>path@version: detail</c>, or <c>path: detail</c> when there is no version.
/// </summary>
public class ModuleSourceException : Exception
{
    /// <summary>Creates the error; <paramref name="notFound"/> marks go's <c>fs.ErrNotExist</c> class (404/410, missing file).</summary>
    public ModuleSourceException(string path, string version, string detail, bool notFound = false, Exception? innerException = null)
        : this(path, version, detail, notFound, null, innerException)
    {
    }

    private ModuleSourceException(string path, string version, string detail, bool notFound, string? invalidVersion, Exception? innerException)
        : base(Format(path, invalidVersion ?? version, detail), innerException)
    {
        Path = path;
        Version = version;
        Detail = detail;
        NotFound = notFound;
        InvalidVersion = invalidVersion;
    }

    /// <summary>
    /// An invalid version of a module (go's <c>module.InvalidVersionError</c> inside a <c>ModuleError</c>):
    /// <c>path@version: invalid version: reason</c> (<c>invalid pseudo-version</c> for pseudo-versions).
    /// </summary>
    public static ModuleSourceException ForInvalidVersion(string path, string version, string reason, bool pseudo = false, bool notFound = false) =>
        new(path, "", (pseudo ? "invalid pseudo-version: " : "invalid version: ") + reason, notFound, version, null);

    /// <summary>The module path.</summary>
    public string Path { get; }

    /// <summary>The version, or empty (also empty for an invalid-version error; see <see cref="InvalidVersion"/>).</summary>
    public string Version { get; }

    /// <summary>For an invalid-version error, the version that was invalid; otherwise null.</summary>
    public string? InvalidVersion { get; }

    /// <summary>The error without the <c>path@version: </c> prefix.</summary>
    public string Detail { get; }

    /// <summary>True when the module or version does not exist at the source (go's <c>errors.Is(err, fs.ErrNotExist)</c>).</summary>
    public bool NotFound { get; }

    private static string Format(string path, string version, string detail) =>
        version.Length == 0 ? $"{path}: {detail}" : $"{path}@{version}: {detail}";
}
