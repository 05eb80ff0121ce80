namespace GoMod.Core.Tidy;

/// <summary>The flags of <c>go mod tidy</c> the SDK offers.</summary>
public sealed record TidyOptions
{
    /// <summary>
    /// <c>-compat=version</c> (GoTidyCompat): the oldest Go version whose go command must load the same packages from
    /// the tidy go.mod and go.sum. Empty: the version before the main module's go line (below go 1.21), else the go
    /// line itself (go 1.21 and later, as go 1.23 does).
    /// </summary>
    public string Compat { get; init; } = "";

    /// <summary><c>-e</c> (GoTidyErrors): report package errors and go on, writing go.mod and go.sum anyway.</summary>
    public bool AllowErrors { get; init; }

    /// <summary>
    /// <c>-go=version</c> (GoTidyGo): tidy as if the go line were this version and write it (raising or lowering), as go
    /// 1.23's <c>go mod tidy -go=</c> does; empty keeps the go line (raised to a dependency's from go 1.21).
    /// </summary>
    public string Go { get; init; } = "";

    /// <summary><c>-v</c> (GoTidyVerbose): print <c>unused MODULE</c> for each requirement tidy drops.</summary>
    public bool Verbose { get; init; }

    /// <summary>
    /// The version of "the local toolchain" (GoLocalToolchain; go's <c>gover.Local()</c> under GOTOOLCHAIN=local), such as
    /// <c>1.23.5</c> or <c>go1.23.5</c>: go lines above it fail, and from go 1.21 a go line tidy raises records it as the
    /// <c>toolchain</c> line. Empty: the go command whose tidy is reproduced for such go lines, go 1.23.5.
    /// </summary>
    public string LocalToolchain { get; init; } = "";

    /// <summary>GOMODCACHE, to name package directories in messages as go does; null names them relative to the module.</summary>
    public string? ModuleCacheDirectory { get; init; }
}
