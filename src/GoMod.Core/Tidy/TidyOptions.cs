namespace GoMod.Core.Tidy;

/// <summary>The flags of <c>go mod tidy</c> the SDK offers.</summary>
public sealed record TidyOptions
{
    /// <summary>
    /// <c>-compat=version</c> (GoTidyCompat): the oldest Go version whose go command must load the same packages from
    /// the tidy go.mod and go.sum. Empty: the version before the main module's go line (below go 1.21), else the go
    /// line itself (go 1.21 and later, as the Go Modules Reference describes).
    /// </summary>
    public string Compat { get; init; } = "";

    /// <summary><c>-e</c> (GoTidyErrors): report package errors and go on, writing go.mod and go.sum anyway.</summary>
    public bool AllowErrors { get; init; }

    /// <summary>GOMODCACHE, to name package directories in messages as go does; null names them relative to the module.</summary>
    public string? ModuleCacheDirectory { get; init; }
}
