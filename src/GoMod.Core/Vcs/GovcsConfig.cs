using GoMod.Core.Module;

namespace GoMod.Core.Vcs;

/// <summary>
/// GOVCS as go reads it (cmd/go/internal/vcs): comma-separated <c>pattern:vcs|vcs</c> rules where the pattern is
/// <c>public</c>, <c>private</c> (GOPRIVATE decides) or a GOPRIVATE-style glob list entry, and <c>all</c> allows any
/// VCS. The first matching rule decides; the default rules <c>private:all,public:git|hg</c> follow the user's.
/// </summary>
public sealed class GovcsConfig
{
    private readonly List<(string Pattern, string[] Allowed)> _rules;

    private GovcsConfig(List<(string, string[])> rules) => _rules = rules;

    /// <summary>Parses <paramref name="govcs"/> and appends go's defaults.</summary>
    /// <exception cref="FormatException">A malformed entry, with go's wording.</exception>
    public static GovcsConfig Parse(string? govcs)
    {
        var rules = new List<(string, string[])>();
        var s = (govcs ?? "").Trim();
        if (s.Length > 0)
        {
            var have = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var raw in s.Split(','))
            {
                var item = raw.Trim();
                if (item.Length == 0) throw new FormatException("empty entry in GOVCS");
                var i = item.IndexOf(':');
                if (i < 0) throw new FormatException($"malformed entry in GOVCS (missing colon): \"{item}\"");
                var pattern = item[..i].Trim();
                var list = item[(i + 1)..].Trim();
                if (pattern.Length == 0) throw new FormatException($"empty pattern in GOVCS: \"{item}\"");
                if (list.Length == 0) throw new FormatException($"empty VCS list in GOVCS: \"{item}\"");
                if (pattern is "." or ".." || pattern.StartsWith("./", StringComparison.Ordinal) || pattern.StartsWith("../", StringComparison.Ordinal))
                    throw new FormatException($"relative pattern not allowed in GOVCS: \"{pattern}\"");
                if (have.TryGetValue(pattern, out var old)) throw new FormatException($"unreachable pattern in GOVCS: \"{item}\" after \"{old}\"");
                have[pattern] = item;
                var allowed = list.Split('|').Select(a => a.Trim()).ToArray();
                if (allowed.Any(a => a.Length == 0)) throw new FormatException($"empty VCS name in GOVCS: \"{item}\"");
                rules.Add((pattern, allowed));
            }
        }
        rules.Add(("private", ["all"]));
        rules.Add(("public", ["git", "hg"]));
        return new GovcsConfig(rules);
    }

    /// <summary>Whether <paramref name="vcs"/> may be used for the repository rooted at <paramref name="root"/>.</summary>
    public bool Allows(string root, bool isPrivate, string vcs)
    {
        foreach (var (pattern, allowed) in _rules)
        {
            var match = pattern switch
            {
                "private" => isPrivate,
                "public" => !isPrivate,
                _ => PrefixPatterns.Match(pattern, root),
            };
            if (match) return allowed.Any(a => a == vcs || a == "all");
        }
        return false;
    }
}
