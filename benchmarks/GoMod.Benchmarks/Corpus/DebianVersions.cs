using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using GoMod.Core.Module;

namespace GoMod.Benchmarks.Corpus;

/// <summary>
/// Which Debian package installed each directory under a source root, and that package's version as a Go module version:
/// read from dpkg's database (<c>/var/lib/dpkg/info/*.list</c> and <c>status</c>), nothing is run.
/// </summary>
public sealed partial class DebianVersions
{
    private readonly Dictionary<string, HashSet<string>> _owners = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _versions = new(StringComparer.Ordinal);

    private DebianVersions()
    {
    }

    /// <summary>An empty database (no package owns anything): every module gets a pseudo-version.</summary>
    public static DebianVersions Empty { get; } = new();

    /// <summary>Loads the ownership of every path below <paramref name="srcRoot"/> from <paramref name="dpkgDir"/> (default /var/lib/dpkg).</summary>
    public static DebianVersions Load(string srcRoot, string dpkgDir = "/var/lib/dpkg")
    {
        var db = new DebianVersions();
        var info = Path.Combine(dpkgDir, "info");
        if (!Directory.Exists(info)) return db;
        var prefix = Path.TrimEndingDirectorySeparator(Path.GetFullPath(srcRoot)) + "/";
        foreach (var list in Directory.EnumerateFiles(info, "*.list"))
        {
            var package = Path.GetFileNameWithoutExtension(list);
            var colon = package.IndexOf(':', StringComparison.Ordinal);
            if (colon >= 0) package = package[..colon];
            foreach (var line in File.ReadLines(list))
            {
                if (!line.StartsWith(prefix, StringComparison.Ordinal)) continue;
                if (!db._owners.TryGetValue(line, out var set)) db._owners[line] = set = new(StringComparer.Ordinal);
                set.Add(package);
            }
        }
        var status = Path.Combine(dpkgDir, "status");
        if (File.Exists(status))
        {
            string? name = null;
            foreach (var line in File.ReadLines(status))
            {
                if (line.StartsWith("Package: ", StringComparison.Ordinal)) name = line[9..].Trim();
                else if (line.StartsWith("Version: ", StringComparison.Ordinal) && name is not null) db._versions[name] = line[9..].Trim();
                else if (line.Length == 0) name = null;
            }
        }
        return db;
    }

    /// <summary>The packages that list <paramref name="path"/> (a full path), empty when none.</summary>
    public IReadOnlyCollection<string> Owners(string path) =>
        _owners.TryGetValue(Path.TrimEndingDirectorySeparator(path), out var set) ? set : [];

    /// <summary>The installed version of a package, or null.</summary>
    public string? Version(string package) => _versions.GetValueOrDefault(package);

    /// <summary>
    /// A Go version for module <paramref name="modulePath"/> from Debian version <paramref name="debianVersion"/>:
    /// the upstream release (<c>1:2.3.4+ds-1</c> → <c>v2.3.4</c>, <c>1.2~rc1-1</c> → <c>v1.2.0-rc1</c>) when its major
    /// version fits the path (<c>/vN</c>, <c>gopkg.in/x.vN</c>), otherwise a pseudo-version built from the snapshot date
    /// and commit Debian records (<c>0.0~git20200505.1234567</c> → <c>v0.0.0-20200505000000-123456700000</c>); the commit is
    /// padded to Go's 12 hex digits, and made up from the module path when Debian has none.
    /// </summary>
    public static string GoVersion(string modulePath, string? debianVersion)
    {
        ModulePath.SplitPathVersion(modulePath, out _, out var pathMajor);
        var major = pathMajor.Length > 2 ? pathMajor[2..] : "0";
        if (major == "1") major = pathMajor.StartsWith('.') ? "1" : "0";
        var upstream = debianVersion ?? "";
        var epoch = upstream.IndexOf(':', StringComparison.Ordinal);
        if (epoch >= 0) upstream = upstream[(epoch + 1)..];
        var revision = upstream.LastIndexOf('-');
        if (revision > 0) upstream = upstream[..revision];

        var date = "20200101";
        string? commit = null;
        var git = GitSnapshot().Match(upstream);
        if (git.Success)
        {
            date = git.Groups["date"].Value;
            commit = git.Groups["hash"].Success ? git.Groups["hash"].Value : null;
        }
        var release = Release().Match(upstream);
        if (release.Success)
        {
            var v = $"v{Number(release.Groups["maj"].Value)}.{Number(release.Groups["min"].Value)}.{(release.Groups["pat"].Success ? Number(release.Groups["pat"].Value) : "0")}";
            var rest = release.Groups["rest"].Value;
            var pre = PreRelease().Match(rest);
            if (pre.Success) v += "-" + pre.Groups["pre"].Value.ToLowerInvariant();
            if (!git.Success && ModulePath.MatchPathMajor(v, pathMajor) && ModulePath.CanonicalVersion(v) == v) return v;
            if (git.Success && v != "v0.0.0" && !pre.Success && git.Groups["sep"].Value == "+" && ModulePath.MatchPathMajor(v, pathMajor))
            {
                // A snapshot after release X.Y.Z: vX.Y.(Z+1)-0.date-commit.
                var parts = v[1..].Split('.');
                var next = $"v{parts[0]}.{parts[1]}.{long.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture) + 1}-0.{date}000000-{Commit(modulePath, debianVersion, commit)}";
                if (ModulePath.CanonicalVersion(next) == next) return next;
            }
        }
        return $"v{major}.0.0-{date}000000-{Commit(modulePath, debianVersion, commit)}";
    }

    private static string Number(string digits) => digits.TrimStart('0') is { Length: > 0 } n ? n : "0";

    private static string Commit(string modulePath, string? debianVersion, string? commit)
    {
        if (commit is { Length: >= 12 }) return commit[..12];
        if (commit is not null) return commit.PadRight(12, '0');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(modulePath + " " + debianVersion)))[..12];
    }

    [GeneratedRegex(@"(?<sep>[~+])git(?<date>\d{8})(?:\.\d+)?(?:\.(?<hash>[0-9a-f]{7,40}))?")]
    private static partial Regex GitSnapshot();

    [GeneratedRegex(@"^(?<maj>\d+)\.(?<min>\d+)(?:\.(?<pat>\d+))?(?<rest>.*)$")]
    private static partial Regex Release();

    [GeneratedRegex(@"^~(?<pre>(?:rc|beta|alpha|pre)[.]?\d*)(?![A-Za-z])", RegexOptions.IgnoreCase)]
    private static partial Regex PreRelease();
}
