using GoMod.Core.Module;
using GoMod.Core.Proxy;
using GoMod.Core.Zip;

namespace GoMod.Core.GoEnv;

/// <summary>
/// The go settings that steer module work (the one type for them in GoMod.Core: downloads, the SDK's restore and its
/// no-op hash), resolved the way the go command resolves them: an explicit value (an MSBuild property) when given,
/// then the process environment, then the <c>go env -w</c> file (GOENV, default <c>$XDG_CONFIG_HOME/go/env</c> or
/// <c>~/.config/go/env</c>), then go's defaults; an empty value counts as unset. GONOPROXY and GONOSUMDB default to
/// GOPRIVATE; GOMODCACHE defaults to the first GOPATH entry plus <c>pkg/mod</c>, GOPATH to <c>$HOME/go</c>.
/// </summary>
public sealed record GoEnvironment
{
    /// <summary>GOPROXY (default <c>https://proxy.golang.org,direct</c>).</summary>
    public string GoProxy { get; init; } = ProxyList.DefaultGoProxy;

    /// <summary>GOPRIVATE glob list.</summary>
    public string GoPrivate { get; init; } = "";

    /// <summary>GONOPROXY glob list in effect (GOPRIVATE when unset).</summary>
    public string GoNoProxy { get; init; } = "";

    /// <summary>GONOSUMDB glob list in effect (GOPRIVATE when unset).</summary>
    public string GoNoSumDb { get; init; } = "";

    /// <summary>GOINSECURE glob list: modules that may be fetched directly over plain http or unverified https.</summary>
    public string GoInsecure { get; init; } = "";

    /// <summary>GOVCS: which version control systems direct mode may use for which paths (empty: go's default).</summary>
    public string GoVcs { get; init; } = "";

    /// <summary>GOSUMDB (default <c>sum.golang.org</c>; <c>off</c> disables the checksum database).</summary>
    public string GoSumDb { get; init; } = "sum.golang.org";

    /// <summary>GOFLAGS, parsed.</summary>
    public GoFlags Flags { get; init; } = GoFlags.None;

    /// <summary>GOWORK (the GoWork property): <c>off</c>, empty or <c>auto</c> (search upward), or a go.work path; see <c>WorkFile.GoWorkLocator</c>.</summary>
    public string GoWork { get; init; } = "";

    /// <summary>The module cache root (absolute).</summary>
    public required string ModCache { get; init; }

    /// <summary>The first GOPATH entry (default <c>$HOME/go</c>), where go keeps <c>pkg/sumdb</c>; null when unknown.</summary>
    public string? GoPath { get; init; }

    /// <summary>NETRC, when set.</summary>
    public string? Netrc { get; init; }

    /// <summary>GOAUTH (Go 1.24+, default <c>netrc</c>): how https requests get credentials; see <c>Auth.GoAuth</c>.</summary>
    public string GoAuth { get; init; } = "netrc";

    /// <summary>The user's home directory (for ~/.netrc).</summary>
    public string? Home { get; init; }

    /// <summary>GOOS as set (explicitly, in the environment or the go env file); null when unset (this machine's).</summary>
    public string? GoOS { get; init; }

    /// <summary>GOARCH as set; null when unset (this machine's).</summary>
    public string? GoArch { get; init; }

    /// <summary>CGO_ENABLED as set (go takes only <c>0</c> and <c>1</c>; anything else leaves go's default); null when unset.</summary>
    public string? CgoEnabled { get; init; }

    /// <summary>
    /// CC from the process environment only (null when unset): go's default for cgo looks for a C compiler only when
    /// CC is not in its environment.
    /// </summary>
    public string? CC { get; init; }

    /// <summary>GOEXPERIMENT: the toolchain experiments a build turns on or off ("" for go's default), whose <c>goexperiment.*</c> tags files can be constrained on.</summary>
    public string GoExperiment { get; init; } = "";

    /// <summary>Reads the current process environment (and the go env file).</summary>
    public static GoEnvironment FromProcess() => FromVariables(Environment.GetEnvironmentVariable);

    /// <summary>
    /// Resolves every setting with <paramref name="explicitValues"/> (by Go name: GOPROXY, GOMODCACHE…; MSBuild
    /// properties) taking precedence over <paramref name="getenv"/> and the go env file. Empty explicit values are unset.
    /// </summary>
    /// <exception cref="GoEnvironmentException">GOMODCACHE or GOPATH is relative, or GOFLAGS is malformed.</exception>
    public static GoEnvironment Resolve(IReadOnlyDictionary<string, string?> explicitValues, Func<string, string?> getenv)
    {
        ArgumentNullException.ThrowIfNull(explicitValues);
        ArgumentNullException.ThrowIfNull(getenv);
        return FromVariables(k => explicitValues.TryGetValue(k, out var v) && !string.IsNullOrEmpty(v) ? v : getenv(k));
    }

    /// <summary>Reads settings from a variable map (a missing or null entry is unset).</summary>
    public static GoEnvironment FromVariables(IReadOnlyDictionary<string, string?> variables) =>
        FromVariables(k => variables.TryGetValue(k, out var v) ? v : null);

    /// <summary>
    /// Resolves every setting from <paramref name="getenv"/> plus the go env file it points to.
    /// </summary>
    /// <exception cref="GoEnvironmentException">GOMODCACHE or GOPATH is relative, or GOFLAGS is malformed.</exception>
    public static GoEnvironment FromVariables(Func<string, string?> getenv)
    {
        var home = getenv("HOME") is { Length: > 0 } h ? h : OperatingSystem.IsWindows() ? getenv("USERPROFILE") : null;
        var file = ReadEnvFile(getenv, home);
        string Get(string key, string fallback)
        {
            var v = getenv(key);
            if (!string.IsNullOrEmpty(v)) return v;
            return file.TryGetValue(key, out var f) && f.Length > 0 ? f : fallback;
        }

        var goPrivate = Get("GOPRIVATE", "");
        return new GoEnvironment
        {
            GoProxy = Get("GOPROXY", ProxyList.DefaultGoProxy),
            GoPrivate = goPrivate,
            GoNoProxy = Get("GONOPROXY", goPrivate),
            GoNoSumDb = Get("GONOSUMDB", goPrivate),
            GoInsecure = Get("GOINSECURE", ""),
            GoVcs = Get("GOVCS", ""),
            GoSumDb = Get("GOSUMDB", "sum.golang.org"),
            GoWork = Get("GOWORK", ""),
            Flags = GoFlags.Parse(Get("GOFLAGS", "")),
            ModCache = ResolveModCache(Get("GOMODCACHE", ""), Get("GOPATH", ""), home),
            GoPath = FirstGoPath(Get("GOPATH", ""), home),
            Netrc = getenv("NETRC") is { Length: > 0 } n ? n : null,
            GoAuth = Get("GOAUTH", "netrc"),
            Home = home,
            GoOS = Get("GOOS", "") is { Length: > 0 } os ? os : null,
            GoArch = Get("GOARCH", "") is { Length: > 0 } arch ? arch : null,
            CgoEnabled = Get("CGO_ENABLED", "") is { Length: > 0 } cgo ? cgo : null,
            CC = getenv("CC") is { Length: > 0 } cc ? cc : null,
            GoExperiment = Get("GOEXPERIMENT", ""),
        };
    }

    /// <summary>
    /// Go's default: GOMODCACHE, else the first GOPATH entry + <c>pkg/mod</c>, else <c>$HOME/go/pkg/mod</c>. Both must
    /// be absolute.
    /// </summary>
    public static string ResolveModCache(string? goModCache, string? goPath, string? home)
    {
        if (!string.IsNullOrEmpty(goModCache))
        {
            if (!Path.IsPathFullyQualified(goModCache))
                throw new GoEnvironmentException($"GOMODCACHE entry is relative; must be absolute path: \"{goModCache}\".", "GOMODCACHE");
            return Path.GetFullPath(goModCache);
        }
        var first = (goPath ?? "").Split(Path.PathSeparator)[0];
        if (first.Length == 0)
        {
            if (string.IsNullOrEmpty(home))
                throw new GoEnvironmentException("module cache not found: neither GOMODCACHE nor GOPATH is set", "GOMODCACHE");
            first = Path.Combine(home, "go");
        }
        if (!Path.IsPathFullyQualified(first))
            throw new GoEnvironmentException($"GOPATH entry is relative; must be absolute path: \"{first}\".\nFor more details see: 'go help gopath'", "GOPATH");
        return Path.GetFullPath(Path.Combine(first, "pkg", "mod"));
    }

    private static string? FirstGoPath(string goPath, string? home)
    {
        var first = goPath.Split(Path.PathSeparator)[0];
        if (first.Length == 0) return string.IsNullOrEmpty(home) ? null : Path.Combine(home, "go");
        return Path.IsPathFullyQualified(first) ? Path.GetFullPath(first) : null;
    }

    /// <summary>Whether GONOPROXY (or GOPRIVATE) sends this module around the proxies.</summary>
    public bool IsNoProxy(string modulePath) => PrefixPatterns.Match(GoNoProxy, modulePath);

    /// <summary>Whether GONOSUMDB (or GOPRIVATE) exempts this module from the checksum database.</summary>
    public bool IsNoSumDb(string modulePath) => PrefixPatterns.Match(GoNoSumDb, modulePath);

    /// <summary>Whether GOINSECURE allows fetching this module directly without https certificate checks.</summary>
    public bool IsInsecure(string modulePath) => PrefixPatterns.Match(GoInsecure, modulePath);

    /// <summary>Whether new hashes of this module would be checked with the checksum database (GOSUMDB).</summary>
    public bool UsesSumDb(string modulePath) => GoSumDb != "off" && !IsNoSumDb(modulePath);

    /// <summary>The <c>-mod</c> mode: GOFLAGS's when set, else <paramref name="fallback"/>.</summary>
    public ModMode ModMode(ModMode fallback = GoEnv.ModMode.ReadOnly) => Flags.Mod ?? fallback;

    /// <summary>
    /// Reads the file <c>go env -w</c> writes: <c>KEY=VALUE</c> lines; lines without '=' or not starting with an
    /// upper-case letter are ignored, as go ignores them. The default location is go's <c>os.UserConfigDir</c>, where
    /// a relative XDG_CONFIG_HOME does not count.
    /// </summary>
    private static Dictionary<string, string> ReadEnvFile(Func<string, string?> getenv, string? home)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var path = getenv("GOENV");
        if (path == "off") return result;
        if (string.IsNullOrEmpty(path))
        {
            string? configDir;
            if (OperatingSystem.IsWindows()) configDir = getenv("AppData") is { Length: > 0 } a ? a : null;
            else if (OperatingSystem.IsMacOS()) configDir = home is null ? null : Path.Combine(home, "Library", "Application Support");
            else configDir = getenv("XDG_CONFIG_HOME") is { Length: > 0 } x && Path.IsPathRooted(x) ? x : home is null ? null : Path.Combine(home, ".config");
            if (configDir is null) return result;
            path = Path.Combine(configDir, "go", "env");
        }
        try
        {
            foreach (var line in File.ReadAllLines(path))
            {
                var eq = line.IndexOf('=');
                if (eq <= 0 || line[0] < 'A' || line[0] > 'Z') continue;
                result[line[..eq]] = line[(eq + 1)..];
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No env file is the normal case.
        }
        return result;
    }
}
