namespace GoMod.Core.Install;

/// <summary>
/// The SDK could not be installed into a .NET SDK's Sdks folder (no such folder, no write access, something other than
/// a directory standing where the SDK goes). Whatever was there before is still there; nothing half-copied is left.
/// </summary>
public sealed class SdkInstallException(string destination, string message, Exception? cause = null)
    : Exception($"installing into {destination}: {message}", cause)
{
    /// <summary>The directory the SDK was to be installed as (<c>…/sdk/VERSION/Sdks/GoMod.Sdk</c>).</summary>
    public string Destination { get; } = destination;
}
