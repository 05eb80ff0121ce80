namespace GoMod.Core.Fetch;

/// <summary>
/// A checksum database (GOSUMDB) consulted before a hash that go.sum does not yet have is accepted. The default
/// downloader has none: new hashes are trusted on first use, as with <c>GOSUMDB=off</c>.
/// </summary>
public interface IChecksumDatabase
{
    /// <summary>
    /// Throws (with go's <c>verifying …: checksum mismatch … SECURITY ERROR</c> wording) when the database records a
    /// different hash for <paramref name="path"/> at <paramref name="version"/> (which may end in <c>/go.mod</c>).
    /// </summary>
    Task VerifyAsync(string path, string version, string hash, CancellationToken ct);
}
