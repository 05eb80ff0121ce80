using Microsoft.Build.Framework;
using GoMod.Core.Diagnostics;
using GoMod.Core.ModGet;
using GoMod.Core.Restore;

namespace GoMod.Tasks;

/// <summary>
/// <c>go get</c> as a task: <see cref="Arguments"/> (<c>path@version</c>, <c>path@latest</c>, <c>path@none</c>, <c>tool</c>…),
/// <see cref="Upgrade"/> (<c>-u</c>) and <see cref="Tool"/> (<c>-tool</c>) edit go.mod and go.sum in place, as go get does, comments kept, each file
/// written atomically. A thin adapter over <see cref="ModuleCommands"/>.
/// </summary>
public sealed class GoModGet : GoModCommandTask
{
    /// <summary>go get's arguments (the GoGet property, split on <c>;</c>).</summary>
    [Required] public string[] Arguments { get; set; } = [];

    /// <summary>GoGetUpgrade: empty, <c>all</c> (go get -u) or <c>patch</c> (go get -u=patch).</summary>
    public string? Upgrade { get; set; }

    /// <summary>GoGetTool: go get -tool (Go 1.24+), a <c>tool</c> line in go.mod for each package named, removed for <c>@none</c>.</summary>
    public bool Tool { get; set; }

    /// <inheritdoc />
    public override bool Execute()
    {
        var args = Arguments.Select(a => a.Trim()).Where(a => a.Length > 0).ToArray();
        if (args.Length == 0)
        {
            DiagnosticLogger.Log(Log, FailureCodes.ToDiagnostic(new GoGetException("GoGet is empty: name what to get, e.g. GoGet=\"example.com/a@latest\"")),
                DiagnosticReporting.Normal, HelpLinkBase);
            return false;
        }
        var upgrade = Upgrade?.Trim() ?? "";
        if (upgrade is not ("" or "all" or "patch"))
        {
            DiagnosticLogger.Log(Log, FailureCodes.ToDiagnostic(new InvalidPropertyException("GoGetUpgrade", upgrade, $"GoGetUpgrade={upgrade} not supported (can be '', 'all' or 'patch')")),
                DiagnosticReporting.Normal, HelpLinkBase);
            return false;
        }
        return Run((o, ct) => ModuleCommands.GetAsync(o, args, upgrade, ct, Tool), out _);
    }
}
