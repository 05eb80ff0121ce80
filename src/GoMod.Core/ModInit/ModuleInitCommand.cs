using GoMod.Core.Diagnostics;
using GoMod.Core.Fetch;
using GoMod.Core.GoEnv;
using GoMod.Core.ModCache;
using GoMod.Core.ModLoad;
using GoMod.Core.ModSource;
using GoMod.Core.Reports;
using GoMod.Core.Restore;
using GoMod.Core.Sum;
using GoMod.Core.SumDb;

namespace GoMod.Core.ModInit;

/// <summary>
/// <c>go mod init</c> for the SDK (the GoModInit target): the Go environment resolved from the same settings as a
/// restore, pinned revisions resolved through the real proxy client or direct mode and the module cache, and the new
/// go.mod written in place under go's lock (as go writes it). go's messages come back as its stderr; failures as
/// coded diagnostics at the go.mod (or legacy manifest) they concern.
/// </summary>
public static class ModuleInitCommand
{
    /// <summary>Creates <see cref="RestoreOptions.ModFile"/> for the module in its directory.</summary>
    /// <param name="options">The settings; <see cref="RestoreOptions.ModFile"/> is the go.mod to create.</param>
    /// <param name="modulePath">The module path (GoModulePath); empty to guess it as go does.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public static async Task<CommandResult> RunAsync(RestoreOptions options, string modulePath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        GoEnvironment env;
        try
        {
            env = options.ResolveEnvironment();
        }
        catch (GoEnvironmentException e)
        {
            return Failed(e, null);
        }
        var modRoot = Path.GetDirectoryName(Path.GetFullPath(options.ModFile))!;

        // A go.sum already beside the new go.mod is what go checks downloads against.
        GoSumFile sum;
        try
        {
            var text = await Internal.FileLock.ReadAllTextAsync(options.SumFile, cancellationToken).ConfigureAwait(false);
            sum = text is null ? new GoSumFile(options.SumFile) : GoSumFile.Parse(options.SumFile, text);
        }
        catch (GoSumParseException e)
        {
            return Failed(e, options.SumFile, e.Line);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed(new ModuleFileUnreadableException(options.SumFile, e), options.SumFile);
        }

        var sums = new GoSumChecker(options.SumFile, sum, ModMode.Mod);
        var fetch = FetchOptions.ForRun(env, options.Fetch);
        using var sumDb = ChecksumDatabase.Create(env, fetch);
        using var downloader = new ModuleDownloader(env, sums, fetch, sumDb, cache: new ModuleCache(env.ModCache));
        GoOutput output;
        try
        {
            output = await ModuleInit.RunAsync(modRoot, new DownloaderModuleSource(downloader), modulePath, env.GoPath, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is GoCommandException or GoEnvironmentException)
        {
            return Failed(e, options.ModFile);
        }
        if (output.ExitCode != 0)
        {
            var diagnostics = output.Failures.Select(f => f switch
            {
                LegacyManifestException m => FailureCodes.ToDiagnostic(f, file: m.File),
                ModulePathUnknownException => FailureCodes.ToDiagnostic(f, message: f.Message.TrimEnd('\n')),
                _ => FailureCodes.ToDiagnostic(f, file: options.ModFile),
            }).ToList();
            return new CommandResult(output, diagnostics) { Mode = ModMode.Mod };
        }
        await RestoreSetup.WriteModuleFileAsync(options.ModFile, output.GoMod!, cancellationToken).ConfigureAwait(false);
        return new CommandResult(output, []) { Mode = ModMode.Mod };
    }

    private static CommandResult Failed(Exception e, string? file, int line = 0) =>
        new(new GoOutput { ExitCode = 1, StdErr = "go: " + e.Message + "\n", Failures = [e] }, [FailureCodes.ToDiagnostic(e, file, line)]) { Mode = ModMode.Mod };
}
