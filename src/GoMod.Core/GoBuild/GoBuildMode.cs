namespace GoMod.Core.GoBuild;

/// <summary>The <c>-buildmode</c> values the SDK builds with (GoBuildMode), as <c>go help buildmode</c> describes them.</summary>
public enum GoBuildMode
{
    /// <summary><c>exe</c>: one main package into an executable.</summary>
    Exe,

    /// <summary><c>c-shared</c>: a main package into a C shared library (.so, .dll, .dylib) and its C header.</summary>
    CShared,

    /// <summary><c>c-archive</c>: a main package into a C static archive (.a) and its C header.</summary>
    CArchive,

    /// <summary><c>default</c>: the packages are compiled (a check that they build); nothing is kept.</summary>
    Default,
}
