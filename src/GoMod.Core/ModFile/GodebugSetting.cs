namespace GoMod.Core.ModFile;

/// <summary>A <c>godebug key=value</c> line (Go 1.23+).</summary>
/// <param name="Key">The setting's name: the text before the first <c>=</c>.</param>
/// <param name="Value">The text after the first <c>=</c>.</param>
public sealed record GodebugSetting(string Key, string Value);
