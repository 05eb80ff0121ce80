namespace GoMod.Core.ModInit;

/// <summary><c>go mod init</c> in a directory that already has a go.mod: go's <c>PATH already exists</c>.</summary>
public sealed class ModFileExistsException(string path) : Exception($"{path} already exists")
{
    /// <summary>The go.mod that exists.</summary>
    public string Path { get; } = path;
}
