namespace GoMod.Core.Restore;

/// <summary>The go command's <c>-mod=</c> setting: how go.mod and go.sum may be used and changed.</summary>
public enum ModMode
{
    /// <summary>go.mod and go.sum are read only; anything missing from them is an error (go's default since 1.16).</summary>
    Readonly,

    /// <summary>go.mod and go.sum may be updated to add what is missing.</summary>
    Mod,

    /// <summary>Modules come from vendor/ (the default when vendor/ exists and go.mod says go 1.14 or later).</summary>
    Vendor,
}
