using System.Collections.Frozen;
using GoMod.Core.Internal;
using GoMod.Core.Semver;

namespace GoMod.Core.ModFile;

/// <summary>
/// What a <c>godebug</c> line of the main module's go.mod or of go.work may say: go 1.23's <c>modload.CheckGodebug</c>
/// (an unknown key, or a <c>default=</c> that is not <c>goVERSION</c>, fails every command that loads the module), with
/// the keys every go release from 1.23 on knows, so that a key a later go added is not refused for its users.
/// </summary>
/// <remarks>
/// Left to go, because they depend on the toolchain that builds the module and the restore does not run one:
/// <c>default=goX</c> newer than that toolchain (<c>too new</c>), a key the toolchain at hand does not know yet, and go
/// 1.27's refusal of a removed key at a value from before its removal. Keys are not checked at all for a go line of
/// <see cref="NewestKnownRelease"/> or later: such a module is built by a go whose keys this table may not list.
/// </remarks>
public static class GodebugKeys
{
    /// <summary>The release whose key table is the newest this one was gathered from (its development tree).</summary>
    public const string NewestKnownRelease = "1.27";

    // internal/godebugs: go 1.23's All, and the go 1.27 development tree's All and Removed (a removed key stays
    // accepted at its final value).
    private static readonly FrozenSet<string> Known = new[]
    {
        "allowmultiplevcs", "asynctimerchan", "containermaxprocs", "cryptocustomrand", "dataindependenttiming",
        "decoratemappings", "embedfollowsymlinks", "execerrdot", "fips140", "gocachehash", "gocachetest", "gocacheverify",
        "gotestjsonbuildtext", "gotypesalias", "htmlmetacontenturlescape", "http2client", "http2debug", "http2server",
        "httpcookiemaxnum", "httplaxcontentlength", "httpmuxgo121", "httpservecontentkeepheaders", "installgoroot",
        "jstmpllitinterp", "multipartmaxheaders", "multipartmaxparts", "multipathtcp", "netdns", "netedns0", "panicnil",
        "randautoseed", "randseednop", "rsa1024min", "tarinsecurepath", "tls10server", "tls3des", "tlskyber",
        "tlsmaxrsasize", "tlsmlkem", "tlsrsakex", "tlssecpmlkem", "tlssha1", "tlsunsafeekm", "tracebacklabels",
        "updatemaxprocs", "urlmaxqueryparams", "urlstrictcolons", "winreadlinkvolume", "winsymlink", "x509keypairleaf",
        "x509negativeserial", "x509rsacrt", "x509sha1", "x509sha256skid", "x509sslcertoverrideplatform",
        "x509usefallbackroots", "x509usepolicies", "zipinsecurepath",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether some go release from 1.23 on knows the setting <paramref name="key"/>.</summary>
    public static bool IsKnown(string key) => Known.Contains(key);

    /// <summary>
    /// go's complaint about <c>godebug key=value</c> in a file whose go line is <paramref name="goVersion"/> (empty when it
    /// has none), such as <c>unknown godebug "foo"</c>; null when every go that can build the module accepts it.
    /// </summary>
    public static string? Problem(string key, string value, string goVersion)
    {
        if (key == "default")
            return value.StartsWith("go", StringComparison.Ordinal) && GoToolchainVersions.IsValid(value[2..])
                ? null : "value for default= must be goVERSION";
        if (goVersion.Length > 0 && GoToolchainVersions.Compare(goVersion, NewestKnownRelease) >= 0) return null;
        return IsKnown(key) ? null : $"unknown godebug {GoString.Quote(key)}";
    }

    /// <summary>
    /// Every complaint about <paramref name="file"/>'s godebug lines, in file order, positioned at their lines as go
    /// prints them (<c>go.mod:5: unknown godebug "foo"</c>).
    /// </summary>
    public static IReadOnlyList<ModFileError> Check(string fileName, GoModFile file) =>
        Check(fileName, file.Godebug, file.PositionOfGodebug, file.Go);

    /// <summary>The same for any file with godebug lines (go.work).</summary>
    internal static IReadOnlyList<ModFileError> Check(string fileName, IReadOnlyList<GodebugSetting> settings,
        Func<int, ModFilePosition?> positionOf, string? goVersion)
    {
        var errors = new List<ModFileError>();
        for (int i = 0; i < settings.Count; i++)
        {
            if (Problem(settings[i].Key, settings[i].Value, goVersion ?? "") is not { } problem) continue;
            errors.Add(new ModFileError(fileName, positionOf(i)?.Line ?? 0, 1, problem));
        }
        return errors;
    }
}
