namespace GoMod.Core.Vendor;

/// <summary>vendor/ cannot be written (permissions, a file where a directory must be…); modules.txt is then absent, so no half-written tree looks complete.</summary>
public sealed class VendorWriteException(string vendorDir, Exception cause)
    : Exception($"writing {vendorDir}: {cause.Message}", cause)
{
    /// <summary>The vendor directory.</summary>
    public string VendorDir { get; } = vendorDir;
}
