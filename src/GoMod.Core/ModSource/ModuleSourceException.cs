using GoMod.Core.Module;

namespace GoMod.Core.ModSource;

/// <summary>
/// A <see cref="ModuleException"/> (go's <c>module.ModuleError</c>: <c>path@version: detail</c>, <c>module path: detail</c>
/// with no version) that also says whether the module or version does not exist at its source.
/// </summary>
public class ModuleSourceException : ModuleException
{
    /// <summary>Creates the error; <paramref name="notFound"/> marks go's <c>fs.ErrNotExist</c> class (404/410, missing file).</summary>
    public ModuleSourceException(string path, string version, string detail, bool notFound = false)
        : base(path, version, detail)
    {
        NotFound = notFound;
    }

    /// <summary>
    /// An invalid version of a module (go's <c>module.InvalidVersionError</c> inside a <c>ModuleError</c>):
    /// <c>path@version: invalid version: reason</c> (<c>invalid pseudo-version</c> for pseudo-versions).
    /// </summary>
    public static ModuleSourceException ForInvalidVersion(string path, string version, string reason, bool pseudo = false, bool notFound = false) =>
        new(path, version, (pseudo ? "invalid pseudo-version: " : "invalid version: ") + reason, notFound);

    /// <summary>True when the module or version does not exist at the source (go's <c>errors.Is(err, fs.ErrNotExist)</c>).</summary>
    public bool NotFound { get; }

    /// <summary>The source's own failure (a proxy error, a go.sum mismatch), for callers that classify errors; may be null.</summary>
    public Exception? Cause { get; init; }
}
