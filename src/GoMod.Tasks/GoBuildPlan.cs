using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using GoMod.Core.Diagnostics;
using GoMod.Core.GoBuild;
using GoMod.Core.Internal;

namespace GoMod.Tasks;

/// <summary>
/// Everything the GoBuild target needs before deciding whether to run go, computed without starting a process: the
/// go command to use (<see cref="GoToolchain"/>), the platform, the files go will write (<see cref="GoBuildOutput"/>),
/// the inputs (<see cref="GoBuildInputs"/>), and a settings file rewritten only when the command line or environment
/// changes, so that a changed property makes the target run again.
/// </summary>
public sealed class GoBuildPlan : GoBuildTaskBase
{
    /// <summary>GoBuild: auto (build when go is found, else warn), true (a missing go is an error) or false.</summary>
    public string? Enabled { get; set; }

    /// <summary>GoToolchainPath: the go executable or installation; empty for go on PATH.</summary>
    public string? ToolchainPath { get; set; }

    /// <summary>Directories never scanned for inputs (the project's bin/ and obj/).</summary>
    public string[] ExcludedDirectories { get; set; } = [];

    /// <summary>The settings file (obj/&lt;project&gt;.gobuild.settings).</summary>
    [Required] public string SettingsFile { get; set; } = "";

    /// <summary>The go command to run; empty when nothing is to be built.</summary>
    [Output] public string Toolchain { get; private set; } = "";

    /// <summary>GOOS of the build.</summary>
    [Output] public string ResolvedGoOS { get; private set; } = "";

    /// <summary>GOARCH of the build.</summary>
    [Output] public string ResolvedGoArch { get; private set; } = "";

    /// <summary>The file go is told to write (-o), empty in the default mode.</summary>
    [Output] public string OutputFile { get; private set; } = "";

    /// <summary>The inputs of the build.</summary>
    [Output] public ITaskItem[] Inputs { get; private set; } = [];

    /// <summary>The files go writes, in the intermediate directory; metadata Kind and TargetPath (the file name).</summary>
    [Output] public ITaskItem[] Outputs { get; private set; } = [];

    /// <inheritdoc />
    public override bool Execute()
    {
        try
        {
            var enabled = GoBuildRequest.ParseGoBuild(Enabled);
            if (enabled == "false") return true;
            var request = CreateRequest();
            var inputs = GoBuildInputs.Collect(request.ModuleDirectory, ExcludedDirectories);
            // In a workspace, go.work and go.work.sum decide the build list too.
            if (request.WorkFile is { } work)
                inputs = [.. inputs.Concat(new[] { work, work + ".sum" }.Where(File.Exists)).Distinct().Order(StringComparer.Ordinal)];
            if (enabled == "auto" && !inputs.Any(i => i.EndsWith(".go", StringComparison.Ordinal)))
            {
                Log.LogMessage(MessageImportance.Low, "GoBuild: the module has no Go source files; nothing to compile.");
                return true;
            }
            var (go, problem) = GoToolchain.Find(enabled, ToolchainPath, Environment.GetEnvironmentVariable);
            if (problem is not null) DiagnosticLogger.Log(Log, GoBuilder.Diagnose(problem), DiagnosticReporting.Normal, HelpLinkBase);
            if (go is null) return !Log.HasLoggedErrors;
            Toolchain = go;
            ResolvedGoOS = request.Platform.Os;
            ResolvedGoArch = request.Platform.Arch;
            OutputFile = request.OutputFile ?? "";
            Inputs = [.. inputs.Select(i => new TaskItem(i))];
            var dir = Path.GetFullPath(IntermediateDirectory);
            Outputs = [.. GoBuildOutput.For(request.Mode, request.Platform, OutputBaseName).Select(o =>
            {
                // The first file is the one passed to -o; the C header takes its base name.
                var item = new TaskItem(Path.Combine(dir, o.FileName));
                item.SetMetadata("Kind", o.Kind);
                item.SetMetadata("TargetPath", o.FileName);
                return (ITaskItem)item;
            })];
            WriteSettings(request);
            return !Log.HasLoggedErrors;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            DiagnosticLogger.Log(Log, GoBuilder.Diagnose(e), DiagnosticReporting.Normal, HelpLinkBase);
            return false;
        }
    }

    private void WriteSettings(GoBuildRequest request)
    {
        var text = new StringBuilder();
        text.Append("go=").Append(Toolchain).Append('\n');
        foreach (var a in GoBuildCommand.Arguments(request)) text.Append("arg=").Append(a).Append('\n');
        foreach (var (k, v) in GoBuildCommand.Environment(request).OrderBy(e => e.Key, StringComparer.Ordinal))
            text.Append(k).Append('=').Append(v ?? "(unset)").Append('\n');
        // go's own default decides cgo when CGO_ENABLED is unset: it flips when a C compiler appears on PATH or CC is
        // set (go 1.20's rule), and CC passes on to go, so both are inputs of the build.
        var cc = Environment.GetEnvironmentVariable("CC");
        text.Append("CC=").Append(cc ?? "(unset)").Append('\n');
        if (GoBuildCommand.CgoEnabled(request) is null)
            text.Append("cgo default=").Append(BuildTarget.CgoDefault(request.Platform, cc, Environment.GetEnvironmentVariable)).Append('\n');
        var full = Path.GetFullPath(SettingsFile);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        AtomicFile.WriteIfChanged(full, Encoding.UTF8.GetBytes(text.ToString()));
    }
}
