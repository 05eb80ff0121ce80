namespace GoMod.Core.ModSource;

/// <summary>
/// A module source that keeps what it downloads in a module cache and can extract a module version there before the
/// loader reads its files, as go's <c>fetch</c> extracts the module it looks into (<c>modfetch.Download</c>). The
/// loader asks every source that declares this capability to extract first; a source without it (a directory in proxy
/// layout, a design-time build) is read from the zip it serves.
/// </summary>
public interface IExtractingModuleSource : IModuleSource
{
    /// <summary>
    /// Extracts <paramref name="path"/>@<paramref name="version"/> into the module cache ahead of reading it: a module
    /// new to the cache is downloaded, hashed and extracted in one pass. A zip that is stored in the cache (so it
    /// matched go.sum) but whose entries may not be extracted is not a failure here: the loader reads the zip, and the
    /// restore's extraction reports it. Any other failure (not found, a checksum mismatch) is thrown as
    /// <see cref="IModuleSource"/> documents.
    /// </summary>
    Task ExtractBeforeReadAsync(string path, string version, CancellationToken cancellationToken);
}
