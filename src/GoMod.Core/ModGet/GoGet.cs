using GoMod.Core.ModLoad;
using GoMod.Core.ModSource;
using GoMod.Core.Reports;

namespace GoMod.Core.ModGet;

/// <summary>
/// <c>go get</c> for module arguments: <c>path@version</c>, <c>path@query</c> (<c>latest</c>, <c>upgrade</c>,
/// <c>patch</c>, <c>v1.2</c>, <c>&lt;v1.3.0</c>, …), <c>path@none</c>, or <c>path</c> (meaning <c>@upgrade</c>,
/// or the <c>-u</c> query). It upgrades and downgrades the rest of the graph as go's MVS edit does, marks
/// <c>// indirect</c>, keeps the requirements as go keeps them for the main module's go version, and returns the
/// go.mod and go.sum go would write, with go's messages on stderr.
/// </summary>
/// <remarks>
/// Arguments are resolved as modules; go would also load the packages an argument names and add requirements for
/// the modules their imports come from (and upgrade those with <c>-u</c>), which this library does not do: it matches
/// go exactly for modules whose named path provides no package. Package patterns (<c>all</c>, <c>./...</c>,
/// wildcards, local directories) are rejected.
/// </remarks>
public static class GoGet
{
    /// <summary>Runs <c>go get [-u|-u=patch] args…</c> in the main module at <paramref name="modRoot"/>.</summary>
    /// <param name="modRoot">The main module's directory.</param>
    /// <param name="source">Where module versions come from.</param>
    /// <param name="args">The arguments, as on go's command line.</param>
    /// <param name="upgrade">The <c>-u</c> flag: "" (absent), <c>upgrade</c> (<c>-u</c>) or <c>patch</c> (<c>-u=patch</c>).</param>
    /// <param name="options">How go runs; <see cref="LoadOptions.ReadOnly"/> is ignored (go get always may update go.mod).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public static Task<GoOutput> RunAsync(string modRoot, IModuleSource source, IReadOnlyList<string> args, string upgrade = "",
        LoadOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (upgrade is not ("" or "upgrade" or "patch"))
            return Task.FromResult(new GoOutput { StdErr = $"go: unknown upgrade flag -u={upgrade}\n", ExitCode = 1, Failures = [new GoGetException($"unknown upgrade flag -u={upgrade}")] });
        options = (options ?? new LoadOptions()) with { ReadOnly = false };
        return new GetResolver(modRoot, source, args, upgrade, options).RunAsync(cancellationToken);
    }
}
