namespace GoMod.Core.ModFile;

/// <summary>
/// Where a directive starts in its go.mod: 1-based line and column (in runes). Inside a block that is the first token
/// of the line (the module path); outside a block it is the verb. Lets a caller point a diagnostic at the go.mod line
/// to fix.
/// </summary>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
public readonly record struct ModFilePosition(int Line, int Column);
