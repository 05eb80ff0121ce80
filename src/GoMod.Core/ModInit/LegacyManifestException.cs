namespace GoMod.Core.ModInit;

/// <summary>
/// A legacy manifest that go's converter cannot read: go's <c>parsing FILE: detail</c> (an empty dep stanza, a bad
/// quoted string, JSON that does not decode). <see cref="Exception.InnerException"/> is the decoder's failure, if any.
/// </summary>
public sealed class LegacyManifestException : Exception
{
    /// <summary>Creates the failure for <paramref name="file"/> (the slash path go names) with go's <paramref name="detail"/>.</summary>
    public LegacyManifestException(string file, string detail, Exception? inner = null)
        : base($"parsing {file}: {detail}", inner)
    {
        File = file;
        Detail = detail;
    }

    /// <summary>The manifest, as go names it in the message.</summary>
    public string File { get; }

    /// <summary>What is wrong with it.</summary>
    public string Detail { get; }
}
