namespace GoMod.Tasks;

/// <summary>
/// The targets a command line asks MSBuild to build (<c>-t:</c>, <c>/t:</c>, <c>--target:</c>…, <c>;</c>- or
/// <c>,</c>-separated, any number of switches), as <c>dotnet build</c>, <c>dotnet msbuild</c> and MSBuild pass them.
/// The restore phase of <c>dotnet build</c> runs in a separate build that is not told the targets; the process command
/// line is the only place that still names them.
/// </summary>
internal static class RequestedTargets
{
    private static readonly string[] Switches = ["target:", "t:"];

    /// <summary>The targets named by <paramref name="args"/>, in order; empty when no target switch is present.</summary>
    public static IReadOnlyList<string> Parse(IEnumerable<string> args)
    {
        var targets = new List<string>();
        foreach (var arg in args)
        {
            var body = arg.StartsWith("--", StringComparison.Ordinal) ? arg[2..]
                : arg.StartsWith('-') || arg.StartsWith('/') ? arg[1..] : null;
            if (body is null) continue;
            var sw = Switches.FirstOrDefault(s => body.StartsWith(s, StringComparison.OrdinalIgnoreCase));
            if (sw is null) continue;
            foreach (var name in body[sw.Length..].Split([';', ','], StringSplitOptions.RemoveEmptyEntries))
            {
                var trimmed = name.Trim().Trim('"').Trim();
                if (trimmed.Length > 0) targets.Add(trimmed);
            }
        }
        return targets;
    }

    /// <summary>
    /// True when <paramref name="args"/> names at least one target and every one of them is in <paramref name="only"/>
    /// (case-insensitive, as MSBuild target names are).
    /// </summary>
    public static bool NamesOnly(IEnumerable<string> args, IEnumerable<string> only)
    {
        var targets = Parse(args);
        var set = new HashSet<string>(only.Select(o => o.Trim()).Where(o => o.Length > 0), StringComparer.OrdinalIgnoreCase);
        return targets.Count > 0 && targets.All(set.Contains);
    }
}
