namespace GoMod.Core.Restore;

/// <summary>
/// A setting this version of GoMod.Sdk recognises but does not act on yet; reported as a warning, and the message names
/// the go command to run instead.
/// </summary>
public sealed class UnsupportedSettingException(string setting, string message) : Exception(message)
{
    /// <summary>The setting (GoVendor, -mod=vendor…).</summary>
    public string Setting { get; } = setting;
}
