namespace GoMod.Core.Packages;

/// <summary>go's <c>loadPkgFlags</c>: why a package is in the load.</summary>
[Flags]
internal enum PackageFlags
{
    None = 0,

    /// <summary>In "all": transitively imported by a package (or, from go 1.16, a test) of the main module.</summary>
    InAll = 1,

    /// <summary>Matched by a pattern of the load.</summary>
    IsRoot = 2,

    /// <summary>A root or a dependency of one.</summary>
    FromRoot = 4,

    /// <summary>Its imports have been read.</summary>
    ImportsLoaded = 8,
}
