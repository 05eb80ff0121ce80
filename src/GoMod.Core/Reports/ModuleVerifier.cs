using GoMod.Core.Diagnostics;
using GoMod.Core.ModCache;
using GoMod.Core.Module;
using GoMod.Core.Restore;
using GoMod.Core.Sum;

namespace GoMod.Core.Reports;

/// <summary>
/// <c>go mod verify</c> for a project: the modules of its build list that are in the module cache must still hash to
/// what was recorded when they were downloaded, and their cached go.mod files to go.sum. Never uses the network.
/// </summary>
public static class ModuleVerifier
{
    /// <summary>
    /// Verifies the build list of <paramref name="options"/>' go.mod. <see cref="ModuleVerification.Output"/> is what
    /// go prints (<c>all modules verified</c>, or one line per problem); each problem is also a GOMOD0104 diagnostic
    /// (GOMOD0103 for a go.mod that no longer matches go.sum), as are problems reading go.mod and go.sum.
    /// </summary>
    public static async Task<ModuleVerification> VerifyAsync(RestoreOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        // The offline restore reads go.mod, go.sum and the settings exactly as a build does, without fetching.
        var (setup, failures) = await RestoreSetup.CreateAsync(options with { Offline = true, Progress = null }, cancellationToken).ConfigureAwait(false);
        if (setup is null) return new ModuleVerification("", failures.SelectMany(f => ModuleRestorer.SetupDiagnostics(f, options)).ToList());
        var restore = await new ModuleRestorer().RestoreAsync(setup, cancellationToken).ConfigureAwait(false);
        if (!restore.Succeeded) return new ModuleVerification("", restore.Diagnostics);

        var targets = restore.Modules.Where(m => !m.Main && (m.Replace.Length == 0 || m.Replace.Contains('@'))).Select(Target).ToList();
        var result = await ModuleCacheVerifier.VerifyAsync(setup.Cache, targets, new GoSumChecker(setup.SumFile, setup.Sum, setup.Mode), 0, cancellationToken).ConfigureAwait(false);
        var diagnostics = result.Failures
            .Select(f => FailureCodes.ToDiagnostic(f, f is ChecksumMismatchException ? options.SumFile : null, message: f.Message.TrimEnd()))
            .ToList();
        return new ModuleVerification(result.Output, diagnostics);
    }

    private static ModuleVersion Target(RestoredModule m)
    {
        if (m.Replace.Length == 0) return new ModuleVersion(m.Path, m.Version);
        var at = m.Replace.LastIndexOf('@');
        return new ModuleVersion(m.Replace[..at], m.Replace[(at + 1)..]);
    }
}
