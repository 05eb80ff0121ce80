using GoMod.Core.GoEnv;
using GoMod.Core.Proxy;
using GoMod.Core.Vcs;

namespace GoMod.Core.Restore;

/// <summary>
/// The retraction/deprecation lookups of one restore (<see cref="RequirementNotice"/> per direct requirement) and the
/// proxy settings they were made under. A later restore under the same settings reuses the notice of every direct
/// requirement whose selected version is unchanged instead of asking the proxy again: <c>go build</c> makes no such
/// lookup at all, so the inner loop after a go.mod edit should not either, while the GOMOD0350/0351 warnings stay what
/// the first lookup found (as a no-op build replays them). They are kept in their own file
/// (<see cref="RequirementNoticesFile"/>), so a restore run again because its no-op stamp went reuses them too. A forced
/// restore (GoModDownload) looks everything up again.
/// </summary>
public sealed record RequirementNotices(string Source, IReadOnlyList<RequirementNotice> Notices)
{
    /// <summary>
    /// The settings that decide where a lookup goes: a notice found under other ones is looked up again. It is written
    /// into the restore's cache file, so URL passwords are redacted (<c>xxxxx</c>, as go's url.Redacted): a changed
    /// password alone looks nothing up again.
    /// </summary>
    public static string SourceOf(GoEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return GitRunner.Redact($"GOPROXY={environment.GoProxy}\nGONOPROXY={environment.GoNoProxy}\nGOPRIVATE={environment.GoPrivate}\nGOINSECURE={environment.GoInsecure}");
    }

    /// <summary>
    /// True when the settings refuse every lookup: each GOPROXY entry is <c>off</c> (GONOPROXY would add a direct route
    /// for the modules it matches). Such a lookup fails with "module lookup disabled by GOPROXY=off", and a failed lookup
    /// is no warning and is not recorded, so the restore need not make it.
    /// </summary>
    public static bool NoLookupCanSucceed(GoEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        try
        {
            return ProxyList.Parse(environment.GoProxy, environment.GoNoProxy).Entries.All(e => e.Url == ProxyEntry.Off);
        }
        catch (GoEnvironmentException)
        {
            return false;
        }
    }

    /// <summary>The notices recorded under <paramref name="source"/> by module version (none when the settings differ).</summary>
    public Dictionary<(string Path, string Version), RequirementNotice> For(string source)
    {
        var found = new Dictionary<(string Path, string Version), RequirementNotice>();
        if (Source != source) return found;
        foreach (var n in Notices) found[(n.Path, n.Version)] = n;
        return found;
    }
}
