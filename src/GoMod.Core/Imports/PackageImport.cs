namespace GoMod.Core.Imports;

/// <summary>
/// An import of a package: the imported path and where it is first imported (go/build's <c>ImportPos[path][0]</c>:
/// the import spec, at its name if it has one, else at its quoted path; files in name order).
/// </summary>
internal readonly record struct PackageImport(string Path, SourcePosition Position);
