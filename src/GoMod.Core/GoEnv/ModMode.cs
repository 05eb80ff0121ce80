namespace GoMod.Core.GoEnv;

/// <summary>The go command's <c>-mod</c> setting, as far as downloading is concerned.</summary>
public enum ModMode
{
    /// <summary><c>-mod=readonly</c> (the default since Go 1.16): go.sum is never changed; a missing entry is an error.</summary>
    ReadOnly,

    /// <summary><c>-mod=mod</c>: hashes of new downloads are added to go.sum.</summary>
    Mod,

    /// <summary><c>-mod=vendor</c>: modules come from vendor/, nothing is downloaded.</summary>
    Vendor,
}
