using GoMod.Core.Module;

namespace GoMod.Core.Fetch;

/// <summary>
/// A download whose h1 hash differs from the one go.sum records: go's <c>SECURITY ERROR</c>, word for word. Nothing
/// from the download is kept.
/// </summary>
public sealed class ChecksumMismatchException : Exception
{
    public ChecksumMismatchException(ModuleVersion module, bool goMod, string downloaded, string recorded, string sumFileName, string? sumFilePath)
        : base(FormatMessage(module, goMod, downloaded, recorded, sumFileName))
    {
        Module = module;
        IsGoMod = goMod;
        Downloaded = downloaded;
        Recorded = recorded;
        SumFilePath = sumFilePath;
    }

    /// <summary>The module version.</summary>
    public ModuleVersion Module { get; }

    /// <summary>True when the go.mod file (<c>version/go.mod</c> line) mismatched, false for the zip.</summary>
    public bool IsGoMod { get; }

    /// <summary>The hash of what was downloaded.</summary>
    public string Downloaded { get; }

    /// <summary>The hash go.sum records.</summary>
    public string Recorded { get; }

    /// <summary>The go.sum file that records it, if known.</summary>
    public string? SumFilePath { get; }

    private static string FormatMessage(ModuleVersion m, bool goMod, string downloaded, string recorded, string sumFileName) =>
        $"verifying {m.Path}@{m.Version}{(goMod ? "/go.mod" : "")}: checksum mismatch\n" +
        $"\tdownloaded: {downloaded}\n" +
        $"\t{sumFileName}:     {recorded}\n" +
        "\n" +
        "SECURITY ERROR\n" +
        "This download does NOT match an earlier download recorded in go.sum.\n" +
        "The bits may have been replaced on the origin server, or an attacker may\n" +
        "have intercepted the download attempt.\n" +
        "\n" +
        "For more information, see 'go help module-auth'.\n";
}
