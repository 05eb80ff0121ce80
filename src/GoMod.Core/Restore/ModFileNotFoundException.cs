using GoMod.Core.ModFile;

namespace GoMod.Core.Restore;

/// <summary>There is no go.mod where GoModFile points (<c>go.mod file not found: path</c>).</summary>
public sealed class ModFileNotFoundException(string path) : FileNotFoundException($"go.mod file not found: {path}", path);
