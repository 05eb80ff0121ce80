using System.Security.Cryptography;
using System.Text;
using Microsoft.Build.Framework;
using GoMod.Core.GoEnv;
using GoMod.Core.Internal;
using GoMod.Core.ModFile;
using GoMod.Core.Workspace;

namespace GoMod.Tasks;

/// <summary>
/// Writes one hash of the restore's settings to <see cref="File"/>, only when it changes, so that a changed setting
/// (property or environment variable) makes the file a newer input of GoModRestore. The hash is computed here, from the
/// resolved values, so that no value (a proxy URL may hold a password) appears in an MSBuild property or task
/// parameter; the file holds the hash only.
/// </summary>
public sealed class GoModSettingsStamp : GoModTask
{
    /// <summary>The settings file (obj/&lt;project&gt;.gomod.settings).</summary>
    [Required] public string File { get; set; } = "";

    /// <inheritdoc />
    public override bool Execute()
    {
        var options = BuildOptions();
        var text = new StringBuilder();
        text.Append("GoModFile=").Append(options.ModFile).Append('\n');
        foreach (var (name, value) in options.Settings.OrderBy(s => s.Key, StringComparer.Ordinal))
            text.Append(name).Append('=').Append(value ?? "").Append('\n');
        text.Append("GoModMode=").Append(options.ModMode).Append('\n');
        text.Append("GoVendor=").Append(options.WriteVendor ? "true" : "false").Append('\n');
        text.Append("GoImportComments=").Append(options.ImportComments).Append('\n');
        text.Append("GoImportCommentsExempt=").Append(options.ImportCommentsExempt).Append('\n');
        // A go.sum that appears or disappears is a changed input even though a missing file has no time stamp.
        text.Append("GoSum=").Append(System.IO.File.Exists(options.SumFile) ? "true" : "false").Append('\n');
        // In workspace mode go.work, go.work.sum and the other used modules' go.mod and go.sum decide the build list too.
        try
        {
            text.Append("Workspace=").Append(WorkspaceInputs.Describe(Path.GetDirectoryName(Path.GetFullPath(options.ModFile))!, options.ResolveEnvironment()));
        }
        catch (GoEnvironmentException)
        {
            // The restore reports it.
        }
        text.Append("Tasks=").Append(typeof(GoModSettingsStamp).Assembly.ManifestModule.ModuleVersionId).Append('\n');
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
        var full = Path.GetFullPath(File);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        AtomicFile.WriteIfChanged(full, Encoding.UTF8.GetBytes(hash + "\n"));
        return true;
    }
}
