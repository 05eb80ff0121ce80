using GoMod.Core.ModLoad;

namespace GoMod.Core.Reports;

/// <summary>
/// What a go command invocation produces: its standard output and error, its exit code, and the go.mod
/// (and go.sum) it would write under <c>-mod=mod</c> (null when unchanged).
/// </summary>
public sealed record GoOutput
{
    /// <summary>The standard output text, exactly as go prints it.</summary>
    public string StdOut { get; init; } = "";

    /// <summary>The standard error text (each line <c>go: …</c> or a warning), exactly as go prints it.</summary>
    public string StdErr { get; init; } = "";

    /// <summary>0 on success, 1 when go would fail.</summary>
    public int ExitCode { get; init; }

    /// <summary>The new content of go.mod, when the command updates it; null otherwise.</summary>
    public string? GoMod { get; init; }

    /// <summary>The new content of go.sum, when the command updates it; null otherwise.</summary>
    public string? GoSum { get; init; }

    /// <summary>
    /// For a failure in the requirement graph, the main go.mod line whose requirement leads to it (go prints the
    /// requirement chain, not the line; an MSBuild diagnostic can point there): file, 1-based line and column.
    /// </summary>
    public (string File, int Line, int Column)? ErrorLocation { get; init; }

    /// <summary>
    /// For a successful <c>go list -m</c>, the modules it printed, as data (what the MSBuild items are made of); empty
    /// otherwise.
    /// </summary>
    public IReadOnlyList<ModuleInfo> Modules { get; init; } = [];

    /// <summary>
    /// The typed failures behind a non-zero <see cref="ExitCode"/>, in the order go reports them (a module's error, the
    /// graph's, go.mod's): what callers classify, instead of reading <see cref="StdErr"/>.
    /// </summary>
    public IReadOnlyList<Exception> Failures { get; init; } = [];
}
