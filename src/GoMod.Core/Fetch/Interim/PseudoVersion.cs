using System.Text.RegularExpressions;

namespace GoMod.Core.Semver;

// Interim stand-in for the semver-module helper's PseudoVersion (deleted on merge).
public static partial class PseudoVersion
{
    [GeneratedRegex(@"^v[0-9]+\.(0\.0-|\d+\.\d+-([^+]*\.)?0\.)\d{14}-[A-Za-z0-9]+(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$")]
    private static partial Regex Pattern();

    public static bool IsPseudoVersion(string v) =>
        v.Count(c => c == '-') >= 2 && SemVer.IsValid(v) && Pattern().IsMatch(v);
}
