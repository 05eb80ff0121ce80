using GoMod.Core.Diagnostics;

namespace GoMod.Core.GoBuild;

/// <summary>The outcome of a go build: whether it succeeded, its problems as coded diagnostics, and go's own output.</summary>
public sealed record GoBuildResult(bool Succeeded, IReadOnlyList<Diagnostic> Diagnostics, string Output);
