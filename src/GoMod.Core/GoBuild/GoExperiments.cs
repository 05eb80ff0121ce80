namespace GoMod.Core.GoBuild;

/// <summary>
/// GOEXPERIMENT as go 1.19 reads it (<c>internal/buildcfg.ParseGOEXPERIMENT</c>): the toolchain experiments a build has
/// on, each of which is a <c>goexperiment.&lt;name&gt;</c> build tag (cmd/go's tool tags) that files can be constrained
/// on. The register ABI experiments are on by default where go 1.19 supports them, and cannot be turned off where it
/// always uses them. Where go 1.19 fails (an experiment it does not know, regabiargs without regabiwrappers), the
/// setting is taken as written instead: a later go's experiment (<c>jsonv2</c>, <c>greenteagc</c>) is the tag it names,
/// so a user whose go knows it does not have every build fail.
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
    /// <c>regabi</c> stands for both register ABI experiments, <c>none</c> turns everything off), go 1.19's first in its
    /// order, then the others GOEXPERIMENT turns on, in its order.
    /// </summary>
    public static IReadOnlyList<string> ToolTags(string goarch, string? goExperiment)
    {
        var alwaysOn = goarch is "amd64" or "arm64" or "ppc64le" or "ppc64";
        var supported = alwaysOn || goarch == "riscv64";
        var on = new bool[Names.Length];
        on[Wrappers] = on[Args] = supported;
        var others = new List<string>();
        foreach (var item in (goExperiment ?? "").Split(','))
        {
            if (item.Length == 0) continue;
            if (item == "none")
            {
                Array.Clear(on);
                others.Clear();
                continue;
            }
            var (name, value) = item.StartsWith("no", StringComparison.Ordinal) ? (item[2..], false) : (item, true);
            if (name == "regabi")
            {
                on[Wrappers] = on[Args] = value;
                continue;
            }
            var i = Array.IndexOf(Names, name);
            if (i >= 0) on[i] = value;
            else if (name.Length > 0)
            {
                others.Remove(name);
                if (value) others.Add(name);
            }
        }
        if (alwaysOn) on[Wrappers] = on[Args] = true;
        if (!supported) on[Wrappers] = on[Args] = false;
        return [.. Names.Where((_, i) => on[i]).Concat(others).Select(n => "goexperiment." + n)];
    }
}
