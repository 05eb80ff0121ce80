namespace GoMod.Core.Sum;

/// <summary>
/// A download whose hash differs from the <c>h1:</c> hash go.sum records for it. The message is the go command's
/// SECURITY ERROR text, naming <c>path@version</c> (with <c>/go.mod</c> when only the go.mod file was checked).
/// </summary>
public sealed class ChecksumMismatchException : Exception
{
    private const string GoSumMismatch = """


        SECURITY ERROR
        This download does NOT match an earlier download recorded in go.sum.
        The bits may have been replaced on the origin server, or an attacker may
        have intercepted the download attempt.

        For more information, see 'go help module-auth'.

        """;

    public ChecksumMismatchException(string path, string version, string downloaded, string recorded, string sumFileName = "go.sum")
        : base($"verifying {path}@{version}: checksum mismatch\n\tdownloaded: {downloaded}\n\t{sumFileName}:     {recorded}" + GoSumMismatch)
    {
        Path = path;
        Version = version;
        Downloaded = downloaded;
        Recorded = recorded;
    }

    public string Path { get; }

    /// <summary>The version, ending in <c>/go.mod</c> for a go.mod-only hash.</summary>
    public string Version { get; }

    public string Downloaded { get; }

    public string Recorded { get; }
}
