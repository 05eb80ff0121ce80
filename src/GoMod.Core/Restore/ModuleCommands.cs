using System.Text;
using GoMod.Core.Diagnostics;
using GoMod.Core.Fetch;
using GoMod.Core.GoEnv;
using GoMod.Core.Internal;
using GoMod.Core.ModGet;
using GoMod.Core.ModLoad;
using GoMod.Core.ModSource;
using GoMod.Core.Reports;
using GoMod.Core.Sum;

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
            writeWhenMod: true, DiagnosticCodes.ModuleGraphError, cancellationToken);

    /// <summary><c>go mod graph</c>: one <c>from to</c> line per requirement edge.</summary>
    public static Task<CommandResult> GraphAsync(RestoreOptions options, CancellationToken cancellationToken) =>
        RunAsync(options, (dir, source, _, mvs) => ModuleReports.GraphAsync(dir, source, mvs, cancellationToken),
            writeWhenMod: false, DiagnosticCodes.ModuleGraphError, cancellationToken);

    /// <summary>
    /// <c>go get [-u|-u=patch] args…</c>: go.mod and go.sum are edited in place (comments kept, each written
    /// temp-then-rename and only when it changes); go's <c>go: added/upgraded …</c> lines come back as its stderr.
    /// </summary>
    /// <param name="options">The restore settings (go.mod, GOPROXY, GOMODCACHE…).</param>
    /// <param name="args">go get's arguments: <c>path</c>, <c>path@version</c>, <c>path@latest</c>, <c>path@none</c>…</param>
    /// <param name="upgrade">"" , <c>all</c>/<c>upgrade</c> (<c>-u</c>) or <c>patch</c> (<c>-u=patch</c>).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public static Task<CommandResult> GetAsync(RestoreOptions options, IReadOnlyList<string> args, string upgrade, CancellationToken cancellationToken)
    {
        var u = upgrade switch { "" or "none" => "", "all" or "upgrade" or "true" => "upgrade", _ => upgrade };
        return RunAsync(options, (dir, source, _, mvs) => GoGet.RunAsync(dir, source, args, u, mvs, cancellationToken),
            writeWhenMod: false, DiagnosticCodes.GetFailed, cancellationToken, alwaysWrite: true);
    }

    private static async Task<CommandResult> RunAsync(RestoreOptions options,
        Func<string, IModuleSource, GoEnvironment, LoadOptions, Task<GoOutput>> run, bool writeWhenMod, DiagnosticDescriptor failure,
        CancellationToken cancellationToken, bool alwaysWrite = false)
    {
        ArgumentNullException.ThrowIfNull(options);
        GoEnvironment env;
        try
        {
            env = options.ResolveEnvironment();
        }
        catch (FetchConfigurationException e)
        {
            var code = e.Setting == "GOFLAGS" ? DiagnosticCodes.InvalidGoFlags : DiagnosticCodes.InvalidGoEnvironment;
            return Failed(code.Create(e.Message.StartsWith("go: ", StringComparison.Ordinal) ? e.Message[4..] : e.Message));
        }
        if (!File.Exists(options.ModFile))
            return Failed(DiagnosticCodes.ModFileNotFound.Create($"go.mod file not found: {options.ModFile}"));
        var explicitMode = options.ModMode switch { "mod" => ModMode.Mod, "readonly" => ModMode.ReadOnly, "vendor" => ModMode.Vendor, _ => (ModMode?)null };
        var mode = explicitMode ?? env.Flags.Mod ?? ModMode.ReadOnly;
        var mvs = new LoadOptions { ReadOnly = mode != ModMode.Mod, ModFlagExplicit = explicitMode is not null || env.Flags.Mod is not null };

        var sums = await GoSumChecker.LoadAsync(options.SumFile, ModMode.Mod, cancellationToken).ConfigureAwait(false);
        using var downloader = new ModuleDownloader(env, sums, options.Fetch);
        var moduleDir = Path.GetDirectoryName(options.ModFile)!;
        GoOutput output;
        try
        {
            output = await run(moduleDir, new DownloaderModuleSource(downloader), env, mvs).ConfigureAwait(false);
        }
        catch (FetchConfigurationException e)
        {
            return Failed(DiagnosticCodes.InvalidGoEnvironment.Create(e.Message));
        }
        if (output.ExitCode != 0)
        {
            var d = ModuleRestorer.GraphDiagnostic(output, options.ModFile);
            if (d.Code == DiagnosticCodes.ModuleGraphError.Code && failure != DiagnosticCodes.ModuleGraphError && output.ErrorLocation is null)
                d = failure.Create(d.Message, d.File, d.Line, d.Column);
            return new CommandResult(output, [d]);
        }
        if (alwaysWrite || (writeWhenMod && mode == ModMode.Mod))
        {
            if (output.GoMod is not null) AtomicFile.WriteIfChanged(options.ModFile, Encoding.UTF8.GetBytes(output.GoMod));
            if (output.GoSum is not null) AtomicFile.WriteIfChanged(options.SumFile, Encoding.UTF8.GetBytes(output.GoSum));
        }
        return new CommandResult(output, []);
    }

    private static CommandResult Failed(Diagnostic d) => new(new GoOutput { ExitCode = 1 }, [d]);
}
