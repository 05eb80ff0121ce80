using GoMod.Core.ModLoad;
using GoMod.Core.ModSource;
using GoMod.Core.Reports;

namespace GoMod.Core.ModGet;

/// <summary>
/// <c>go get</c>: each argument (<c>path@version</c>, <c>path@query</c> — <c>latest</c>, <c>upgrade</c>, <c>patch</c>,
/// <c>v1.2</c>, <c>&lt;v1.3.0</c>, … —, <c>path@none</c>, <c>path</c> meaning <c>@upgrade</c> or the <c>-u</c> query, a
/// directory of the main module, or the <c>tool</c> pattern, Go 1.24+) resolves to the module providing the package
/// or to the module itself; the named packages and their imports are loaded, the rest of the graph is upgraded and
/// downgraded as go's MVS edit does, <c>// indirect</c> is marked, the requirements are kept as go keeps them for the
/// main module's go version, and the go.mod and go.sum go would write are returned, with go's messages on stderr.
/// With <c>-tool</c> (Go 1.24+) the named packages also get a <c>tool</c> line, or lose it with <c>@none</c>.
/// </summary>
/// <remarks>
/// Package patterns with <c>...</c> outside the main module's directories, and <c>all</c>, are rejected.
/// </remarks>
public static class GoGet
{
    /// <summary>Runs <c>go get [-u|-u=patch] [-tool] args…</c> in the main module at <paramref name="modRoot"/>.</summary>
    /// <param name="modRoot">The main module's directory.</param>
    /// <param name="source">Where module versions come from.</param>
    /// <param name="args">The arguments, as on go's command line.</param>
    /// <param name="upgrade">The <c>-u</c> flag: "" (absent), <c>upgrade</c> (<c>-u</c>) or <c>patch</c> (<c>-u=patch</c>).</param>
    /// <param name="options">How go runs; <see cref="LoadOptions.ReadOnly"/> is ignored (go get always may update go.mod).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <param name="tool">The <c>-tool</c> flag (Go 1.24+): add a <c>tool</c> line for each package named (remove it for <c>@none</c>).</param>
    public static Task<GoOutput> RunAsync(string modRoot, IModuleSource source, IReadOnlyList<string> args, string upgrade = "",
        LoadOptions? options = null, CancellationToken cancellationToken = default, bool tool = false)
    {
        if (upgrade is not ("" or "upgrade" or "patch"))
            return Task.FromResult(new GoOutput { StdErr = $"go: unknown upgrade flag -u={upgrade}\n", ExitCode = 1, Failures = [new GoGetException($"unknown upgrade flag -u={upgrade}")] });
        options = (options ?? new LoadOptions()) with { ReadOnly = false };
        return new GetResolver(modRoot, source, args, upgrade, tool, options).RunAsync(cancellationToken);
    }
}
