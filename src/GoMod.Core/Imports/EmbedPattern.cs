namespace GoMod.Core.Imports;

/// <summary>
/// A <c>//go:embed</c> pattern as go/build records it (<c>EmbedPatterns</c>, <c>EmbedPatternPos</c>): the pattern,
/// unquoted, and where it first appears.
/// </summary>
internal readonly record struct EmbedPattern(string Pattern, SourcePosition Position);
