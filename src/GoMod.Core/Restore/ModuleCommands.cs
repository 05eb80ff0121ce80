using System.Text;
using GoMod.Core.Diagnostics;
using GoMod.Core.Fetch;
using GoMod.Core.GoEnv;
using GoMod.Core.ModGet;
using GoMod.Core.ModLoad;
using GoMod.Core.ModSource;
using GoMod.Core.Reports;
using GoMod.Core.Sum;
using GoMod.Core.SumDb;
using GoMod.Core.Workspace;

namespace GoMod.Core.Restore;

/// <summary>
/// The go commands the SDK offers as targets — <c>go list -m [-json] all</c>, <c>go mod graph</c>, <c>go get</c> — run
/// for a restore's settings through the real proxy client and module cache (<see cref="DownloaderModuleSource"/>).
/// The text is go's, byte for byte; failures also come back as diagnostics the tasks can log.
/// </summary>
public static class ModuleCommands
{
    /// <summary>
    /// <c>go list -m all</c> (<paramref name="json"/>: <c>go list -m -json all</c>). Under <c>-mod=mod</c> the go.mod and
    /// go.sum updates go would make are written (atomically); under readonly a needed update is an error, as in go.
    /// </summary>
    public static Task<CommandResult> ListAsync(RestoreOptions options, bool json, CancellationToken cancellationToken) =>
        RunAsync(options, (dir, source, env, mvs) =>
            ModuleReports.ListAsync(dir, source, ["all"], new ListOptions { Json = json, ModCache = env.ModCache, Mvs = mvs }, cancellationToken),
            writeWhenMod: true, cancellationToken,
            inWorkspace: (ws, dir, source, env) => WorkspaceReports.ListAsync(ws, source, json, env.ModCache, dir, cancellationToken));

    /// <summary><c>go mod graph</c>: one <c>from to</c> line per requirement edge.</summary>
    public static Task<CommandResult> GraphAsync(RestoreOptions options, CancellationToken cancellationToken) =>
        RunAsync(options, (dir, source, _, mvs) => ModuleReports.GraphAsync(dir, source, mvs, cancellationToken),
            writeWhenMod: false, cancellationToken,
            inWorkspace: (ws, dir, source, _) => WorkspaceReports.GraphAsync(ws, source, dir, cancellationToken));

    /// <summary><c>go mod why [-m] [-vendor] args…</c>: a shortest import path from the main module to each package (module); never writes go.mod or go.sum.</summary>
    public static Task<CommandResult> WhyAsync(RestoreOptions options, IReadOnlyList<string> args, WhyOptions why, CancellationToken cancellationToken) =>
        RunAsync(options, (dir, source, _, mvs) => ModuleWhy.WhyAsync(dir, source, args, why, mvs, cancellationToken),
            writeWhenMod: false, cancellationToken,
            inWorkspace: (ws, dir, source, _) => WorkspaceWhy.WhyAsync(ws, dir, source, args, why, cancellationToken));

    /// <summary>
    /// <c>go get [-u|-u=patch] args…</c>: go.mod and go.sum are edited in place (comments kept, each written
    /// temp-then-rename and only when it changes); go's <c>go: added/upgraded …</c> lines come back as its stderr.
    /// </summary>
    /// <param name="options">The restore settings (go.mod, GOPROXY, GOMODCACHE…).</param>
    /// <param name="args">go get's arguments: <c>path</c>, <c>path@version</c>, <c>path@latest</c>, <c>path@none</c>…</param>
    /// <param name="upgrade">"" , <c>all</c>/<c>upgrade</c> (<c>-u</c>) or <c>patch</c> (<c>-u=patch</c>).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <param name="tool">go get's <c>-tool</c> (Go 1.24+): a <c>tool</c> line for each package named, removed for <c>@none</c>.</param>
    public static Task<CommandResult> GetAsync(RestoreOptions options, IReadOnlyList<string> args, string upgrade, CancellationToken cancellationToken, bool tool = false)
    {
        var u = upgrade switch { "" or "none" => "", "all" or "upgrade" or "true" => "upgrade", _ => upgrade };
        // go 1.19's go get never enters workspace mode (it does not read go.work): it edits the module of the directory
        // it runs in, with that module's go.sum, as with GOWORK=off.
        options = options with { Settings = new Dictionary<string, string?>(options.Settings) { ["GOWORK"] = "off" } };
        return RunAsync(options, (dir, source, _, mvs) => GoGet.RunAsync(dir, source, args, u, mvs, cancellationToken, tool),
            writeWhenMod: false, cancellationToken, alwaysWrite: true);
    }

    private static async Task<CommandResult> RunAsync(RestoreOptions options,
        Func<string, IModuleSource, GoEnvironment, LoadOptions, Task<GoOutput>> run, bool writeWhenMod, CancellationToken cancellationToken,
        bool alwaysWrite = false, Func<GoWorkspace, string, IModuleSource, GoEnvironment, Task<GoOutput>>? inWorkspace = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        // The same setup as the restore: the same validation, the same default -mod (vendor/ included), go.mod and go.sum read once.
        var (setup, failures) = await RestoreSetup.CreateAsync(options, cancellationToken).ConfigureAwait(false);
        if (setup is null)
            return new CommandResult(new GoOutput { ExitCode = 1, Failures = failures }, failures.SelectMany(f => ModuleRestorer.SetupDiagnostics(f, options)).ToList());

        var warnings = setup.Warnings.Select(w => FailureCodes.ToDiagnostic(w, setup.ModFile)).ToList();
        var workspace = inWorkspace is null ? null : setup.Workspace;
        var sums = workspace is null ? new GoSumChecker(setup.SumFile, setup.Sum, ModMode.Mod) : new GoSumChecker(workspace.WorkSumPath, WorkspaceSums.Known(workspace), ModMode.Mod);
        // go get and the other commands add go.sum lines: each new one needs the checksum database's word.
        using var sumDb = ChecksumDatabase.Create(setup.Environment, setup.Fetch);
        using var downloader = new ModuleDownloader(setup.Environment, sums, setup.Fetch, sumDb, cache: setup.Cache);
        GoOutput output;
        try
        {
            var source = new DownloaderModuleSource(downloader);
            output = workspace is not null
                ? await inWorkspace!(workspace, setup.ModuleDir, source, setup.Environment).ConfigureAwait(false)
                : await run(setup.ModuleDir, source, setup.Environment, setup.LoadOptions).ConfigureAwait(false);
        }
        catch (GoEnvironmentException e)
        {
            return new CommandResult(new GoOutput { ExitCode = 1, Failures = [e] }, [.. warnings, FailureCodes.ToDiagnostic(e, message: ModuleRestorer.GoMessage(e.Message))])
                { Mode = setup.Mode };
        }
        setup.SaveSummaries();
        setup.SaveSourceFacts();
        if (output.ExitCode != 0)
            return new CommandResult(output, [.. warnings, .. ModuleRestorer.CommandDiagnostics(output, setup.Mod, setup.ModFile)]) { Mode = setup.Mode };
        if (workspace is not null)
        {
            // Workspace mode writes go.work.sum only, merged under go's lock.
            if (output.GoSum is not null)
                await WorkspaceSums.WriteAsync(workspace, GoSumFile.Parse(workspace.WorkSumPath, output.GoSum).Lines.ToList(), cancellationToken).ConfigureAwait(false);
            return new CommandResult(output, warnings) { Mode = setup.Mode };
        }
        if (alwaysWrite || (writeWhenMod && setup.Mode == ModMode.Mod))
        {
            if (output.GoMod is not null) await RestoreSetup.WriteModuleFileAsync(setup.ModFile, output.GoMod, cancellationToken).ConfigureAwait(false);
            if (output.GoSum is not null) await RestoreSetup.WriteModuleFileAsync(setup.SumFile, output.GoSum, cancellationToken).ConfigureAwait(false);
        }
        return new CommandResult(output, warnings) { Mode = setup.Mode };
    }
}
