using Microsoft.Build.Framework;
using MSBuildTask = Microsoft.Build.Utilities.Task;
using GoMod.Core.Diagnostics;
using GoMod.Core.Install;

namespace GoMod.Tasks;

/// <summary>
/// Installs the GoMod.Sdk package this build runs from into the .NET SDK that runs it (<c>$(MSBuildSDKsPath)/GoMod.Sdk</c>),
/// where MSBuild finds <c>&lt;Sdk Name="GoMod.Sdk" /&gt;</c> without NuGet's SDK resolver. A thin adapter over
/// <see cref="SdkInstaller"/>.
/// </summary>
public sealed class GoModInstallSdk : MSBuildTask
{
    /// <summary>The package's root: the folder that holds its Sdk/, build/ and tasks/.</summary>
    [Required] public string PackageDirectory { get; set; } = "";

    /// <summary>The .NET SDK's Sdks folder (MSBuildSDKsPath).</summary>
    [Required] public string SdksDirectory { get; set; } = "";

    /// <summary>The .NET SDK's version (NETCoreSdkVersion), for the message.</summary>
    public string? DotnetSdkVersion { get; set; }

    /// <summary>Where the diagnostic codes' help links point (GoModHelpLinkBase).</summary>
    public string? HelpLinkBase { get; set; }

    /// <inheritdoc />
    public override bool Execute()
    {
        SdkInstallResult result;
        try
        {
            result = SdkInstaller.Install(PackageDirectory, SdksDirectory, "GoMod.Sdk");
        }
        catch (SdkInstallException e)
        {
            DiagnosticLogger.Log(Log, FailureCodes.ToDiagnostic(e), DiagnosticReporting.Normal, HelpLinkBase);
            return false;
        }
        var what = $"GoMod.Sdk {result.Version ?? "(version unknown)"}";
        var dotnet = string.IsNullOrEmpty(DotnetSdkVersion) ? "this .NET SDK" : $".NET SDK {DotnetSdkVersion}";
        if (result.AlreadyInstalled)
        {
            Log.LogMessage(MessageImportance.High,
                "{0} is installed in {1}, and this build ran from it. To install another version, remove that directory and run GoModInstallSdk from a build that takes the version from NuGet.",
                what, result.Destination);
            return true;
        }
        Log.LogMessage(MessageImportance.High,
            "{0} {1} {2}: every project that {3} builds now takes GoMod.Sdk from there, whatever Version it names. Remove that directory to take it from NuGet again.",
            what, result.Replaced ? "replaced the copy in" : "installed in", result.Destination, dotnet);
        return true;
    }
}
