namespace GoMod.Core.Sum;

/// <summary>
/// One go.sum line: <c>path version hash</c>. <see cref="Version"/> ends in <c>/go.mod</c> when the hash covers only the
/// module's go.mod file.
/// </summary>
public readonly record struct GoSumLine(string Path, string Version, string Hash)
{
    /// <summary>The line as go writes it, without its newline.</summary>
    public override string ToString() => $"{Path} {Version} {Hash}";
}
