using GoMod.Core.GoEnv;

namespace GoMod.Core.GoBuild;

/// <summary>
/// GOEXPERIMENT as go 1.19 reads it (<c>internal/buildcfg.ParseGOEXPERIMENT</c>): the toolchain experiments a build has
/// on, each of which is a <c>goexperiment.&lt;name&gt;</c> build tag (cmd/go's tool tags) that files can be constrained
/// on. The register ABI experiments are on by default where go 1.19 supports them, and cannot be turned off where it
/// always uses them.
/// </summary>
internal static class GoExperiments
{
    /// <summary>go 1.19's experiments, lower-cased, in the order go lists them (its flag struct's field order).</summary>
    private static readonly string[] Names =
        ["fieldtrack", "preemptibleloops", "staticlockranking", "boringcrypto", "unified", "regabiwrappers", "regabiargs", "heapminimum512kib"];

    private static readonly int Wrappers = Array.IndexOf(Names, "regabiwrappers");
    private static readonly int Args = Array.IndexOf(Names, "regabiargs");

    /// <summary>
    /// The <c>goexperiment.*</c> tags of a build for <paramref name="goarch"/> with GOEXPERIMENT
    /// <paramref name="goExperiment"/> (a comma-separated list of names, each possibly prefixed with <c>no</c>;
    /// <c>regabi</c> stands for both register ABI experiments, <c>none</c> turns everything off).
    /// </summary>
    /// <exception cref="GoEnvironmentException">An unknown experiment, or regabiargs without regabiwrappers (go's messages).</exception>
    public static IReadOnlyList<string> ToolTags(string goarch, string? goExperiment)
    {
        var alwaysOn = goarch is "amd64" or "arm64" or "ppc64le" or "ppc64";
        var supported = alwaysOn || goarch == "riscv64";
        var on = new bool[Names.Length];
        on[Wrappers] = on[Args] = supported;
        foreach (var item in (goExperiment ?? "").Split(','))
        {
            if (item.Length == 0) continue;
            if (item == "none")
            {
                Array.Clear(on);
                continue;
            }
            var (name, value) = item.StartsWith("no", StringComparison.Ordinal) ? (item[2..], false) : (item, true);
            if (name == "regabi")
            {
                on[Wrappers] = on[Args] = value;
                continue;
            }
            var i = Array.IndexOf(Names, name);
            if (i < 0) throw new GoEnvironmentException($"unknown GOEXPERIMENT {name}", "GOEXPERIMENT");
            on[i] = value;
        }
        if (alwaysOn) on[Wrappers] = on[Args] = true;
        if (!supported) on[Wrappers] = on[Args] = false;
        if (on[Args] && !on[Wrappers]) throw new GoEnvironmentException("GOEXPERIMENT regabiargs requires regabiwrappers", "GOEXPERIMENT");
        return [.. Names.Where((_, i) => on[i]).Select(n => "goexperiment." + n)];
    }
}
