namespace GoMod.Core.Zip;

/// <summary>A file left out of a module zip, or refused in one, with the go command's reason.</summary>
public readonly record struct ZipFileError(string Path, string Reason)
{
    /// <summary><c>path: reason</c>, as the go command prints it.</summary>
    public override string ToString() => $"{Path}: {Reason}";
}
