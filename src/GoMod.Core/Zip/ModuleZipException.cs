using GoMod.Core.ModFile;

namespace GoMod.Core.Zip;

/// <summary>
/// A module zip that cannot be created, checked or extracted. The message follows the go command
/// (<c>unzip FILE: NAME: reason</c>, <c>create zip DIR: …</c>) and names the offending entries, which
/// <see cref="Errors"/> lists one by one.
/// </summary>
public sealed class ModuleZipException : Exception
{
    public ModuleZipException(string message, IReadOnlyList<ZipFileError>? errors = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Errors = errors ?? [];
    }

    /// <summary>The entries at fault (may be empty when the zip as a whole is refused, e.g. for its size).</summary>
    public IReadOnlyList<ZipFileError> Errors { get; }

    /// <summary>The first entry at fault, if any.</summary>
    public string? Entry => Errors.Count > 0 ? Errors[0].Path : null;
}
