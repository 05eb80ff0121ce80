
namespace GoMod.Core.Semver;

/// <summary>Go language versions (<c>1.17</c>) compared as go 1.19 compares them: as semantic versions with a leading <c>v</c>.</summary>
internal static class GoVersions
{
    /// <summary>The newest language version of the go command we reproduce (Debian's go 1.19); a go line missing from the main go.mod is set to it.</summary>
    public const string Latest = "1.19";

    public static int Compare(string a, string b) => SemVer.Compare("v" + a, "v" + b);
}
