namespace GoMod.Core.ModLoad;

/// <summary>The main module's go.mod text and go.sum text (null when there is no go.sum), as read at the start of a command.</summary>
public sealed record MainModuleFiles(string GoMod, string? GoSum);
