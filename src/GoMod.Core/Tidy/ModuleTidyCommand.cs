using GoMod.Core.Diagnostics;
using GoMod.Core.Fetch;
using GoMod.Core.GoEnv;
using GoMod.Core.ModSource;
using GoMod.Core.Reports;
using GoMod.Core.Restore;
using GoMod.Core.Sum;
using GoMod.Core.SumDb;

namespace GoMod.Core.Tidy;

/// <summary>
/// The SDK's <c>go mod tidy</c> (GoModTidy and GoModTidyCheck targets): the same setup as a restore (settings, Go
/// environment, module cache, go.mod and go.sum read once under go's lock), the real proxy client or direct mode, and
/// go.mod and go.sum written in place under go's lock, each only when its bytes change (go's <c>lockedfile.Transform</c>).
/// The check mode writes nothing and fails with <see cref="ModuleNotTidyException"/> (the differences as a unified diff)
/// when tidy would change either file.
/// </summary>
public static class ModuleTidyCommand
{
    /// <summary>Runs <c>go mod tidy</c> (<paramref name="check"/>: only reports whether it would change anything).</summary>
    /// <param name="options">The settings; go.mod is <see cref="RestoreOptions.ModFile"/>.</param>
    /// <param name="tidy">The flags: GoTidyCompat (<c>-compat</c>), GoTidyErrors (<c>-e</c>), GoTidyGo (<c>-go</c>), GoTidyVerbose (<c>-v</c>), GoLocalToolchain.</param>
    /// <param name="check">GoModTidyCheck: change nothing; fail with the differences when go.mod or go.sum is not tidy.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public static async Task<CommandResult> RunAsync(RestoreOptions options, TidyOptions tidy, bool check, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(tidy);
        if (tidy.Compat.Length > 0 && !GoModTidy.IsValidCompat(tidy.Compat))
        {
            var e = new InvalidPropertyException("GoTidyCompat", tidy.Compat,
                $"GoTidyCompat={tidy.Compat} not supported: expecting a Go version like \"1.17\" (go mod tidy -compat)");
            return new CommandResult(new GoOutput { ExitCode = 1, Failures = [e] }, [FailureCodes.ToDiagnostic(e)]) { Mode = ModMode.Mod };
        }
        var local = TidyGoLine.LocalVersion(tidy.LocalToolchain);
        if (!Semver.GoToolchainVersions.IsValid(local))
        {
            var e = new InvalidPropertyException("GoLocalToolchain", tidy.LocalToolchain,
                $"GoLocalToolchain={tidy.LocalToolchain} not supported: expecting a Go version like \"{Semver.GoToolchainVersions.NewestReproduced}\" or a toolchain name like \"go{Semver.GoToolchainVersions.NewestReproduced}\"");
            return new CommandResult(new GoOutput { ExitCode = 1, Failures = [e] }, [FailureCodes.ToDiagnostic(e)]) { Mode = ModMode.Mod };
        }
        if (tidy.Go.Length > 0 && (!GoModTidy.IsValidGo(tidy.Go) || Semver.GoToolchainVersions.Compare(tidy.Go, local) > 0))
        {
            // go's own flag error as the output; the property named in the diagnostic.
            var why = GoModTidy.IsValidGo(tidy.Go) ? $"maximum supported Go version is {local}" : $"expecting a Go version like \"{local}\"";
            var e = new InvalidPropertyException("GoTidyGo", tidy.Go, $"GoTidyGo={tidy.Go} not supported: {why} (go mod tidy -go)");
            return new CommandResult(new GoOutput { ExitCode = 1, StdErr = $"invalid value \"{tidy.Go}\" for flag -go: {why}\n", Failures = [e] }, [FailureCodes.ToDiagnostic(e)])
                { Mode = ModMode.Mod };
        }
        var (setup, failures) = await RestoreSetup.CreateAsync(options, cancellationToken).ConfigureAwait(false);
        if (setup is null)
            return new CommandResult(new GoOutput { ExitCode = 1, Failures = failures }, failures.SelectMany(f => ModuleRestorer.SetupDiagnostics(f, options)).ToList());

        var warnings = setup.Warnings.Select(w => FailureCodes.ToDiagnostic(w, setup.ModFile)).ToList();
        var sums = new GoSumChecker(setup.SumFile, setup.Sum, ModMode.Mod);
        using var sumDb = ChecksumDatabase.Create(setup.Environment, setup.Fetch);
        using var downloader = new ModuleDownloader(setup.Environment, sums, setup.Fetch, sumDb, cache: setup.Cache);
        GoModTidy.Result run;
        try
        {
            run = await GoModTidy.RunCoreAsync(setup.ModuleDir, new DownloaderModuleSource(downloader),
                tidy with { ModuleCacheDirectory = tidy.ModuleCacheDirectory ?? setup.Environment.ModCache }, setup.LoadOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (GoEnvironmentException e)
        {
            return new CommandResult(new GoOutput { ExitCode = 1, Failures = [e] }, [.. warnings, FailureCodes.ToDiagnostic(e, message: ModuleRestorer.GoMessage(e.Message))])
                { Mode = ModMode.Mod };
        }
        // What the load learned of module-cache Go files, for the next tidy or restore of this main module.
        setup.SaveSourceFacts();
        var output = run.Output;
        var diagnostics = new List<Diagnostic>(warnings);
        if (output.ExitCode != 0)
        {
            foreach (var f in run.Failures)
            {
                if (f.File is not null || f.Message is not null)
                    diagnostics.Add(FailureCodes.ToDiagnostic(f.Failure, f.File ?? setup.ModFile, f.Line, f.Column, f.Message));
                else
                    diagnostics.AddRange(ModuleRestorer.CommandDiagnostics(new GoOutput { Failures = [f.Failure], StdErr = output.StdErr }, setup.Mod, setup.ModFile));
            }
            return new CommandResult(output, diagnostics) { Mode = ModMode.Mod };
        }

        if (check)
        {
            if (output.GoMod is null && output.GoSum is null) return new CommandResult(output, diagnostics) { Mode = ModMode.Mod };
            var diff = UnifiedDiff.Diff("current/go.mod", setup.ModText, "tidy/go.mod", output.GoMod ?? setup.ModText)
                + UnifiedDiff.Diff("current/go.sum", setup.SumText, "tidy/go.sum", output.GoSum ?? setup.SumText);
            var notTidy = new ModuleNotTidyException(setup.ModFile, output.GoMod is not null, output.GoSum is not null, diff);
            diagnostics.Add(FailureCodes.ToDiagnostic(notTidy, setup.ModFile));
            return new CommandResult(output with { ExitCode = 1, StdOut = diff, Failures = [notTidy] }, diagnostics) { Mode = ModMode.Mod };
        }

        if (output.GoMod is not null) await RestoreSetup.WriteModuleFileAsync(setup.ModFile, output.GoMod, cancellationToken).ConfigureAwait(false);
        if (output.GoSum is not null) await RestoreSetup.WriteModuleFileAsync(setup.SumFile, output.GoSum, cancellationToken).ConfigureAwait(false);
        return new CommandResult(output, diagnostics) { Mode = ModMode.Mod };
    }
}
