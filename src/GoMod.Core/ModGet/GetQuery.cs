using System.Text.RegularExpressions;
using GoMod.Core.ModLoad;
using GoMod.Core.Module;

namespace GoMod.Core.ModGet;

/// <summary>One <c>go get</c> argument: a module path and the version query it asks for (go's <c>modget.query</c>).</summary>
internal sealed class GetQuery
{
    private GetQuery(string raw, string rawVersion, string pattern, string version)
    {
        Raw = raw;
        RawVersion = rawVersion;
        Pattern = pattern;
        Version = version;
    }

    /// <summary>The argument as given ("" for the implicit "." of a go get with no arguments).</summary>
    public string Raw { get; set; }

    /// <summary>The text after <c>@</c>, or empty.</summary>
    public string RawVersion { get; }

    public string Pattern { get; }

    /// <summary>The query: the raw version, or <c>upgrade</c> (or the <c>-u</c> value) when none was given.</summary>
    public string Version { get; }

    /// <summary>Candidate sets found for this argument (go's <c>pathSet</c>s).</summary>
    public List<PathSet> Candidates { get; } = [];

    public List<ModuleVersion> Resolved { get; } = [];

    public GetQuery? Conflict { get; set; }

    /// <summary>The argument resolved to a package (not just a module): its imports are loaded.</summary>
    public bool MatchesPackages { get; set; }

    public static GetQuery Parse(string raw, string upgrade)
    {
        var pattern = raw;
        var rawVersion = "";
        int i = raw.IndexOf('@');
        if (i >= 0)
        {
            pattern = raw[..i];
            rawVersion = raw[(i + 1)..];
            if (rawVersion.Contains('@') || rawVersion.Length == 0)
                throw new GoCommandException($"invalid module version syntax \"{raw}\"");
        }
        var version = rawVersion.Length != 0 ? rawVersion : upgrade.Length == 0 ? "upgrade" : upgrade;
        return new GetQuery(raw, rawVersion, pattern, version);
    }

    public override string ToString() => Raw;

    /// <summary>How go names the version this argument resolved <paramref name="m"/> to in conflict messages.</summary>
    public string ResolvedString(ModuleVersion m)
    {
        if (m.Path != Pattern)
            return m.Version != Version ? $"{m} (matching {Pattern}@{Version})" : $"{m} (matching {this})";
        return m.Version != Version ? $"{Pattern}@{Version} ({m.Version})" : ToString();
    }

    /// <summary>
    /// go's <c>reportError</c>: the error as is when it already names this argument (and its version, if one was given),
    /// else prefixed with the argument.
    /// </summary>
    public string FormatError(string errStr)
    {
        var patternRe = new Regex("(?m)(?:[ \t(\"`]|^)" + Regex.Escape(Pattern) + "(?:[ @:;)\"`]|$)");
        if (patternRe.IsMatch(errStr))
        {
            if (RawVersion.Length == 0) return "go: " + errStr;
            var versionRe = new Regex("(?m)(?:[ @(\"`]|^)" + Regex.Escape(Version) + "(?:[ :;)\"`]|$)");
            if (versionRe.IsMatch(errStr)) return "go: " + errStr;
        }
        var qs = ToString();
        return qs.Length != 0 ? $"go: {qs}: {errStr}" : $"go: {errStr}";
    }
}

/// <summary>The modules that could satisfy one path of a <c>go get</c> argument, or the error finding them.</summary>
internal sealed record PathSet(string Path, IReadOnlyList<ModuleVersion> PkgMods, ModuleVersion Mod, Exception? Err)
{
    public static PathSet Error(string path, Exception err) => new(path, [], default, err);
}
