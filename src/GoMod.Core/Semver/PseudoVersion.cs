using System.Globalization;
using System.Text.RegularExpressions;
using GoMod.Core.Internal;

namespace GoMod.Core.Semver;

/// <summary>
/// Pseudo-versions name untagged commits so that they order sensibly among tagged versions. Three forms, each
/// optionally followed by build metadata such as <c>+incompatible</c>:
/// <list type="number">
/// <item><c>vX.0.0-yyyymmddhhmmss-rev</c>: no earlier tag with major X; below every release of vX.</item>
/// <item><c>vX.Y.(Z+1)-0.yyyymmddhhmmss-rev</c>: the nearest earlier tag is the release vX.Y.Z.</item>
/// <item><c>vX.Y.Z-pre.0.yyyymmddhhmmss-rev</c>: the nearest earlier tag is the prerelease vX.Y.Z-pre.</item>
/// </list>
/// The timestamp is the commit time in UTC; rev is the commit's short name (12 hex digits for git).
/// </summary>
public static partial class PseudoVersion
{
    /// <summary>The timestamp layout inside a pseudo-version, as a .NET format string.</summary>
    public const string TimestampFormat = "yyyyMMddHHmmss";

    // The shape of all three forms: a "vX.0.0-" prefix (form 1) or "vX.Y.Z-[anything.]0." (forms 2 and 3),
    // then 14 digits, a dash, an alphanumeric revision and optional dot-separated build identifiers.
    [GeneratedRegex(@"^v[0-9]+\.(?:0\.0-|[0-9]+\.[0-9]+-(?:[^+]*\.)?0\.)[0-9]{14}-[A-Za-z0-9]+(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();

    /// <summary>
    /// Reports whether <paramref name="v"/> is a pseudo-version: a valid semantic version with at least two dashes
    /// whose shape is one of the three forms. The timestamp's calendar validity is checked by <see cref="Time"/>.
    /// </summary>
    public static bool IsPseudoVersion(string? v)
    {
        if (v is null) return false;
        var dashes = 0;
        foreach (var c in v)
            if (c == '-') dashes++;
        return dashes >= 2 && SemVer.IsValid(v) && Shape().IsMatch(v);
    }

    /// <summary>
    /// Builds the pseudo-version for a commit: <paramref name="major"/> (e.g. <c>v1</c>; <c>""</c> means <c>v0</c>)
    /// is used when <paramref name="older"/> (the nearest earlier tag, <c>""</c> if none) is empty or invalid;
    /// a release tag vX.Y.Z gives form 2 with the patch incremented, a prerelease tag gives form 3; the tag's build
    /// suffix (<c>+incompatible</c>) is kept. <paramref name="time"/> is converted to UTC when it is local (an
    /// unspecified kind is taken as UTC) and truncated to seconds.
    /// A 40-hex-digit git hash is shortened to its first 12 digits, as go does; other revisions are kept.
    /// </summary>
    public static string Build(string major, string older, DateTime time, string rev)
    {
        ArgumentNullException.ThrowIfNull(rev);
        if (string.IsNullOrEmpty(major)) major = "v0";
        var utc = time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time;
        var segment = utc.ToString(TimestampFormat, CultureInfo.InvariantCulture) + "-" + ShortenSha1(rev);
        var build = SemVer.Build(older);
        var baseVersion = SemVer.Canonical(older);
        if (baseVersion.Length == 0) return major + ".0.0-" + segment;
        if (SemVer.Prerelease(baseVersion).Length != 0) return baseVersion + ".0." + segment + build;
        var lastDot = baseVersion.LastIndexOf('.') + 1;
        return baseVersion[..lastDot] + IncrementDecimal(baseVersion[lastDot..]) + "-0." + segment + build;
    }

    /// <summary>The placeholder pseudo-version go uses for a module with no version: zero time and revision.</summary>
    public static string ZeroPseudoVersion(string major) => Build(major, "", DateTime.MinValue, "000000000000");

    /// <summary>Reports whether <paramref name="v"/> is the placeholder <see cref="ZeroPseudoVersion"/> of its major version.</summary>
    public static bool IsZeroPseudoVersion(string? v) => v is not null && v == ZeroPseudoVersion(SemVer.Major(v));

    /// <summary>
    /// The contract's name for <see cref="IsZeroPseudoVersion"/> (Go: <c>module.IsZeroPseudoVersion</c>):
    /// whether <paramref name="v"/> is <c>vX.0.0-00010101000000-000000000000</c>.
    /// </summary>
    public static bool IsZeroPrerelease(string? v) => IsZeroPseudoVersion(v);

    /// <summary>
    /// The commit time (UTC) recorded in pseudo-version <paramref name="v"/>. Throws
    /// <see cref="InvalidVersionException"/> (<c>syntax error</c> or <c>malformed time "…"</c>) otherwise.
    /// </summary>
    public static DateTime Time(string v)
    {
        var parts = Parse(v);
        if (!TryParseTimestamp(parts.Timestamp, out var t))
            throw new InvalidVersionException(v, true, $"malformed time {GoString.Quote(parts.Timestamp)}");
        return t;
    }

    /// <summary>The revision (commit short name) recorded in pseudo-version <paramref name="v"/>; throws on a non-pseudo-version.</summary>
    public static string Rev(string v) => Parse(v).Rev;

    /// <summary>
    /// The tag the pseudo-version was derived from: <c>""</c> for form 1, vX.Y.Z for form 2 (patch decremented),
    /// vX.Y.Z-pre for form 3, each with the build suffix kept. Throws <see cref="InvalidVersionException"/> if
    /// <paramref name="v"/> is not a pseudo-version, if form 1 carries build metadata (no base tag can make it
    /// incompatible) or if form 2 would need a negative patch number.
    /// </summary>
    public static string Base(string v)
    {
        var parts = Parse(v);
        var pre = SemVer.Prerelease(parts.Base);
        if (pre.Length == 0)
        {
            if (parts.Build.Length != 0)
                throw new InvalidVersionException(v, true, $"lacks base version, but has build metadata {GoString.Quote(parts.Build)}");
            return "";
        }
        if (pre == "-0")
        {
            var release = parts.Base[..^pre.Length];
            var dot = release.LastIndexOf('.');
            var patch = DecrementDecimal(release[(dot + 1)..]);
            if (patch.Length == 0)
                throw new InvalidVersionException(v, true, $"version before {release} would have negative patch number");
            return release[..(dot + 1)] + patch + parts.Build;
        }
        // Form 3: the base is "vX.Y.Z-pre.0"; the tag is what precedes ".0".
        return parts.Base[..^2] + parts.Build;
    }

    /// <summary>
    /// Validates what can be validated without the repository: the shape, the timestamp (a real calendar time) and
    /// the base version (as go checks it, ignoring a trailing <c>+incompatible</c>). Throws
    /// <see cref="InvalidVersionException"/> (a <see cref="FormatException"/>) with go's message.
    /// </summary>
    public static void Check(string v)
    {
        ArgumentNullException.ThrowIfNull(v);
        Time(v);
        Base(v.EndsWith("+incompatible", StringComparison.Ordinal) ? v[..^"+incompatible".Length] : v);
    }

    /// <summary>Go's codehost.ShortenSHA1: a full 40-digit lowercase hex hash becomes its 12-digit prefix.</summary>
    internal static string ShortenSha1(string rev)
    {
        if (rev.Length != 40) return rev;
        foreach (var c in rev)
            if (!(c is >= '0' and <= '9' or >= 'a' and <= 'f')) return rev;
        return rev[..12];
    }

    private readonly record struct Parts(string Base, string Timestamp, string Rev, string Build);

    private static Parts Parse(string v)
    {
        ArgumentNullException.ThrowIfNull(v);
        if (!IsPseudoVersion(v)) throw new InvalidVersionException(v, true, "syntax error");
        var build = SemVer.Build(v);
        var rest = v[..^build.Length];
        var lastDash = rest.LastIndexOf('-');
        var rev = rest[(lastDash + 1)..];
        rest = rest[..lastDash];
        var dash = rest.LastIndexOf('-');
        var dot = rest.LastIndexOf('.');
        // Forms 2 and 3 put the timestamp after ".0."; form 1 puts it right after the first dash.
        return dot > dash
            ? new Parts(rest[..dot], rest[(dot + 1)..], rev, build)
            : new Parts(rest[..dash], rest[(dash + 1)..], rev, build);
    }

    // Go's time.Parse on "20060102150405": fixed-width fields, month 1-12, day within the month, hour < 24,
    // minute < 60, second < 60. Year 0 is a valid Go time but not a DateTime, so it is rejected here.
    private static bool TryParseTimestamp(string s, out DateTime t)
    {
        t = default;
        if (s.Length != 14) return false;
        int Field(int start, int len) => int.Parse(s.AsSpan(start, len), NumberStyles.None, CultureInfo.InvariantCulture);
        int year = Field(0, 4), month = Field(4, 2), day = Field(6, 2), hour = Field(8, 2), minute = Field(10, 2), second = Field(12, 2);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        if (hour > 23 || minute > 59 || second > 59) return false;
        t = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc);
        return true;
    }

    private static string IncrementDecimal(string digits)
    {
        var chars = digits.ToCharArray();
        var i = chars.Length - 1;
        for (; i >= 0 && chars[i] == '9'; i--) chars[i] = '0';
        if (i < 0) return "1" + new string(chars);
        chars[i]++;
        return new string(chars);
    }

    // "" when the number is zero (there is no previous patch).
    private static string DecrementDecimal(string digits)
    {
        var chars = digits.ToCharArray();
        var i = chars.Length - 1;
        for (; i >= 0 && chars[i] == '0'; i--) chars[i] = '9';
        if (i < 0) return "";
        chars[i]--;
        var s = new string(chars);
        // "10" → "09" must read "9"; the only way to gain a leading zero is from a leading 1.
        return s.Length > 1 && s[0] == '0' ? s[1..] : s;
    }
}
