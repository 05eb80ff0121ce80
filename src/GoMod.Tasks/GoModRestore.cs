using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Build.Framework;
using GoMod.Core.Diagnostics;
using GoMod.Core.Internal;
using GoMod.Core.ModFile;
using GoMod.Core.Packages;
using GoMod.Core.Restore;

namespace GoMod.Tasks;

/// <summary>
/// Restores the Go modules of a project: maps the GoMod properties to <see cref="RestoreOptions"/>, runs
/// <see cref="ModuleRestorer"/>, logs its diagnostics, writes the no-op cache and the g.props, and returns the build
/// list. No module logic lives here. A restore whose inputs hash like the cached one does no work (the stamp is
/// refreshed); a design-time build never uses the network and never writes or fails.
/// </summary>
public sealed class GoModRestore : GoModTask
{
    /// <summary>True to restore even when the no-op cache says nothing changed (GoModDownload): every module is checked in the module cache and fetched if missing.</summary>
    public bool Force { get; set; }

    /// <summary>True in design-time builds: offline, nothing written, diagnostics only as messages.</summary>
    public bool DesignTime { get; set; }

    /// <summary>
    /// False when a later step (GoModCollectModules) replays the warnings from the cache file: then they are logged
    /// here only as messages, so each build shows every warning exactly once.
    /// </summary>
    public bool ReportWarnings { get; set; } = true;

    /// <summary>The no-op cache file (obj/&lt;project&gt;.gomod.cache).</summary>
    [Required] public string CacheFile { get; set; } = "";

    /// <summary>The generated props file (obj/&lt;project&gt;.gomod.g.props).</summary>
    [Required] public string PropsFile { get; set; } = "";

    /// <summary>
    /// The module list a no-op build publishes <c>@(GoModule)</c> from (obj/&lt;project&gt;.gomod.modules, see
    /// <see cref="GoModPublishModules"/>); written before the cache file, so it is never older than the cache it matches.
    /// </summary>
    public string? ListFile { get; set; }

    /// <summary>
    /// The file keeping the restore's retraction/deprecation lookups (obj/&lt;project&gt;.gomod.notices), apart from the
    /// no-op cache so that removing the stamp does not throw them away; when empty they ride in the cache file.
    /// </summary>
    public string? NoticesFile { get; set; }

    /// <summary>
    /// The directories besides the main module's whose Go files the restore reads (the other modules of a workspace,
    /// directory replacements), one per line (obj/&lt;project&gt;.gomod.roots): <c>_GoModComputeInputs</c> reads it in
    /// the restore phase and in the build alike (the restore phase's evaluation imports no g.props) and watches their
    /// Go files as it watches the main module's.
    /// </summary>
    public string? SourceRootsFile { get; set; }

    /// <summary>
    /// The main module's top-level directories its go.mod's <c>ignore</c> directives name and the restore loaded no
    /// package from, one full path per line (obj/&lt;project&gt;.gomod.ignored, absent when there are none):
    /// <c>_GoModComputeInputs</c> leaves them out of its walk of the local Go code.
    /// </summary>
    public string? IgnoredDirectoriesFile { get; set; }

    /// <summary>With GoVendor=true: the file recording what the restore wrote into vendor/ (obj/&lt;project&gt;.gomod.vendor.txt), for GoModClean.</summary>
    public string? VendorListFile { get; set; }

    /// <summary>The build list, one item per module (metadata: Version, Dir, Sum, GoModSum, Replace, Indirect, Main).</summary>
    [Output] public ITaskItem[] Modules { get; private set; } = [];

    /// <summary>True when the restore did work (the inputs had changed); false when the cache answered.</summary>
    [Output] public bool Restored { get; private set; }

    /// <inheritdoc />
    public override bool Execute()
    {
        var stopwatch = Stopwatch.StartNew();
        var reporting = DesignTime ? DiagnosticReporting.MessagesOnly : DiagnosticReporting.Normal;
        try
        {
            var options = BuildOptions() with { Offline = DesignTime, VendorListFile = VendorListFile, Progress = DesignTime ? null : new ProgressLog(Log) };
            // GOMOD_RESTORE_PHASES=1: where the restore's time goes, one high-importance line per phase.
            Action<string, TimeSpan>? phases = options.GetEnvironmentVariable("GOMOD_RESTORE_PHASES") == "1"
                ? (name, time) => Log.LogMessage(MessageImportance.High, "GoMod: phase {0}: {1} ms", name, time.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture))
                : null;
            options = options with { Phases = phases };
            var gcAtStart = phases is null ? default : (Gen0: GC.CollectionCount(0), Gen1: GC.CollectionCount(1), Gen2: GC.CollectionCount(2), Pause: GC.GetTotalPauseDuration(), Allocated: GC.GetTotalAllocatedBytes());
            var hash = RestoreCache.ComputeInputsHash(options, ToolIdentity);
            // After an edit the recorded hash alone shows the record cannot answer: its module list is not parsed
            // unless the restore needs it (the no-op check, or lookups kept in the record rather than a notices file).
            var recordedHash = Force ? null : RestoreCache.ReadInputsHash(CacheFile);
            var cached = Force || (recordedHash is not null && recordedHash != hash && NoticesFile is { Length: > 0 }) ? null : RestoreCache.Read(CacheFile);
            phases?.Invoke("inputs hash and cache read", stopwatch.Elapsed);
            if (!Force && cached is not null && cached.IsCurrent(hash))
            {
                Log.LogMessage(MessageImportance.Low, "GoMod: go.mod, go.sum and the settings are unchanged since the last restore ({0}); nothing to do.", CacheFile);
                if (!DesignTime)
                {
                    WriteList(cached.Modules);
                    cached.Write(CacheFile);
                }
                Modules = ModuleItems.ToItems(cached.Modules);
                return true;
            }

            // The previous restore's retraction/deprecation lookups answer again for unchanged direct requirements; a forced restore asks anew.
            if (!Force) options = options with { KnownNotices = NoticesFile is { Length: > 0 } notices ? RequirementNoticesFile.Read(notices) : cached?.Notices };
            var result = new ModuleRestorer().RestoreAsync(options, CancellationToken).GetAwaiter().GetResult();
            foreach (var message in result.Messages) Log.LogMessage(MessageImportance.Normal, "GoMod: {0}", message);
            var warningReporting = result.Succeeded && !ReportWarnings && !DesignTime ? DiagnosticReporting.ErrorsOnly : reporting;
            foreach (var d in result.Diagnostics) DiagnosticLogger.Log(Log, d, warningReporting, HelpLinkBase);
            Modules = ModuleItems.ToItems(result.Modules);
            if (DesignTime) return true;

            if (!result.Succeeded)
            {
                // A failed restore must run again next time, so no stamp survives it; the last good g.props stays for IDEs.
                if (File.Exists(CacheFile)) File.Delete(CacheFile);
                return false;
            }
            var warnings = result.Diagnostics.Where(d => !d.IsError).ToList();
            var writing = Stopwatch.StartNew();
            // The local code besides the main module's that the package load and the graph read (workspace modules,
            // directory replacements): their go.mod files become restore inputs and their Go files are watched.
            var sourceRoots = LocalSourceInputs.OtherRoots(Path.GetDirectoryName(Path.GetFullPath(options.ModFile))!, options.ResolveEnvironment());
            var inputFiles = result.InputFiles.Concat(sourceRoots.Select(r => Path.Combine(r, "go.mod")).Where(File.Exists));
            AtomicFile.WriteIfChanged(PropsFile, Encoding.UTF8.GetBytes(ModuleItems.RenderProps(result.Modules, warnings.Count > 0, inputFiles)),
                afterPreviousWriteTime: true);
            if (SourceRootsFile is { Length: > 0 } rootsFile)
                AtomicFile.WriteIfChanged(rootsFile, Encoding.UTF8.GetBytes(string.Concat(sourceRoots.Select(r => r + "\n"))));
            if (IgnoredDirectoriesFile is { Length: > 0 } ignoredFile)
            {
                // Only a project whose go.mod ignores a directory has the file.
                if (result.IgnoredDirectories.Count > 0)
                    AtomicFile.WriteIfChanged(ignoredFile, Encoding.UTF8.GetBytes(string.Concat(result.IgnoredDirectories.Select(d => d + "\n"))));
                else if (File.Exists(ignoredFile)) File.Delete(ignoredFile);
            }
            WriteList(result.Modules);
            if (NoticesFile is { Length: > 0 } noticesFile) RequirementNoticesFile.Write(noticesFile, result.Notices);
            new RestoreCache(hash, result.Modules, warnings) { Notices = NoticesFile is { Length: > 0 } ? null : result.Notices }.Write(CacheFile);
            phases?.Invoke("g.props and cache write", writing.Elapsed);
            if (phases is not null) LogCollections(gcAtStart);
            Restored = true;
            LogSummary(result, stopwatch.Elapsed);
            return true;
        }
        catch (OperationCanceledException e) when (CancellationToken.IsCancellationRequested)
        {
            DiagnosticLogger.Log(Log, FailureCodes.ToDiagnostic(e, message: "GoMod: restore canceled"), reporting, HelpLinkBase);
            return DesignTime;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Log.LogMessage(MessageImportance.Low, "{0}", e.ToString());
            DiagnosticLogger.Log(Log, FailureCodes.ToDiagnostic(e, message: $"GoMod: {e.GetType().Name}: {e.Message}"), reporting, HelpLinkBase);
            return DesignTime;
        }
    }

    /// <summary>With the phases: the collections the restore's process made while it ran, and their pauses (the whole MSBuild heap is collected, not only ours).</summary>
    private void LogCollections((int Gen0, int Gen1, int Gen2, TimeSpan Pause, long Allocated) start) =>
        Log.LogMessage(MessageImportance.High, "GoMod: phase garbage collections: gen0 {0}, gen1 {1}, gen2 {2}; paused {3} ms; {4} MB allocated",
            GC.CollectionCount(0) - start.Gen0, GC.CollectionCount(1) - start.Gen1, GC.CollectionCount(2) - start.Gen2,
            (GC.GetTotalPauseDuration() - start.Pause).TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture),
            (GC.GetTotalAllocatedBytes() - start.Allocated) >> 20);

    private void WriteList(IReadOnlyList<RestoredModule> modules)
    {
        if (!string.IsNullOrEmpty(ListFile)) AtomicFile.WriteIfChanged(ListFile, Encoding.UTF8.GetBytes(ModuleItems.RenderList(modules)));
    }

    private void LogSummary(RestoreResult result, TimeSpan elapsed)
    {
        var count = result.Modules.Count(m => !m.Main);
        var seconds = elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        if (result.Downloaded > 0)
            Log.LogMessage(MessageImportance.High, "GoMod: restored {0} modules, downloaded {1} ({2}) in {3} s.",
                count, result.Downloaded, ProgressLog.Size(result.DownloadedBytes), seconds);
        else
            Log.LogMessage(MessageImportance.Normal, "GoMod: resolved {0} modules from {1} in {2} s.", count, GoModFile, seconds);
    }

    /// <summary>The SDK build, part of the inputs hash: a different GoMod.Sdk restores again.</summary>
    private static string ToolIdentity =>
        typeof(GoModRestore).Assembly.ManifestModule.ModuleVersionId + "/" + typeof(ModuleRestorer).Assembly.ManifestModule.ModuleVersionId;
}
