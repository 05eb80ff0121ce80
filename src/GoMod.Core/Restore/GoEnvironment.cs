namespace GoMod.Core.Restore;

/// <summary>
/// The Go settings a restore depends on, resolved the way the go command resolves them: an explicit value (an MSBuild
/// property) wins, then the process environment, then the <c>go env -w</c> file (<c>$GOENV</c>, else
/// <c>&lt;user config dir&gt;/go/env</c>), then Go's built-in default. Empty counts as unset, as in go.
/// </summary>
public sealed record GoEnvironment
{
    /// <summary>Go's default proxy list.</summary>
    public const string DefaultGoProxy = "https://proxy.golang.org,direct";

    /// <summary>Go's default checksum database.</summary>
    public const string DefaultGoSumDb = "sum.golang.org";

    /// <summary>The variables this record holds, by their Go names.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["GOPROXY", "GOPRIVATE", "GONOPROXY", "GONOSUMDB", "GOINSECURE", "GOSUMDB", "GOMODCACHE", "GOFLAGS", "GOPATH"];

    /// <summary>GOPROXY: the comma/pipe-separated proxy list (default <see cref="DefaultGoProxy"/>).</summary>
    public string GoProxy { get; init; } = DefaultGoProxy;

    /// <summary>GOPRIVATE: glob patterns of private module paths; the default of GONOPROXY and GONOSUMDB.</summary>
    public string GoPrivate { get; init; } = "";

    /// <summary>GONOPROXY: module path patterns fetched directly, not through a proxy (default GOPRIVATE).</summary>
    public string GoNoProxy { get; init; } = "";

    /// <summary>GONOSUMDB: module path patterns not checked against the checksum database (default GOPRIVATE).</summary>
    public string GoNoSumDb { get; init; } = "";

    /// <summary>GOINSECURE: module path patterns that may be fetched over plain HTTP or unverified HTTPS.</summary>
    public string GoInsecure { get; init; } = "";

    /// <summary>GOSUMDB: the checksum database (default <see cref="DefaultGoSumDb"/>), or "off".</summary>
    public string GoSumDb { get; init; } = DefaultGoSumDb;

    /// <summary>GOMODCACHE: the module cache root (default the first GOPATH entry + /pkg/mod).</summary>
    public string GoModCache { get; init; } = "";

    /// <summary>GOFLAGS: flags applied to every go command, e.g. <c>-mod=mod</c>.</summary>
    public string GoFlags { get; init; } = "";

    /// <summary>GOPATH: the list whose first entry holds pkg/mod and pkg/sumdb (default $HOME/go).</summary>
    public string GoPath { get; init; } = "";

    /// <summary>
    /// Resolves every setting. <paramref name="explicitValues"/> holds MSBuild property values keyed by Go name
    /// (GOPROXY…); <paramref name="getEnvironmentVariable"/> reads the process environment (injected so tests and
    /// MSBuild's multithreaded mode can supply their own).
    /// </summary>
    public static GoEnvironment Resolve(IReadOnlyDictionary<string, string?> explicitValues, Func<string, string?> getEnvironmentVariable)
    {
        ArgumentNullException.ThrowIfNull(explicitValues);
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        var envFile = ReadEnvFile(getEnvironmentVariable);

        string? Get(string name)
        {
            if (explicitValues.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v)) return v;
            var e = getEnvironmentVariable(name);
            if (!string.IsNullOrEmpty(e)) return e;
            return envFile.TryGetValue(name, out var f) && f.Length > 0 ? f : null;
        }

        var goPath = Get("GOPATH") ?? DefaultGoPath(getEnvironmentVariable);
        var firstGoPath = goPath.Split(Path.PathSeparator).FirstOrDefault() ?? "";
        var goPrivate = Get("GOPRIVATE") ?? "";
        return new GoEnvironment
        {
            GoProxy = Get("GOPROXY") ?? DefaultGoProxy,
            GoPrivate = goPrivate,
            GoNoProxy = Get("GONOPROXY") ?? goPrivate,
            GoNoSumDb = Get("GONOSUMDB") ?? goPrivate,
            GoInsecure = Get("GOINSECURE") ?? "",
            GoSumDb = Get("GOSUMDB") ?? DefaultGoSumDb,
            GoModCache = Get("GOMODCACHE") ?? (firstGoPath.Length == 0 ? "" : Path.Combine(firstGoPath, "pkg", "mod")),
            GoFlags = Get("GOFLAGS") ?? "",
            GoPath = goPath,
        };
    }

    /// <summary>The value of one variable by its Go name (GOPROXY…), as <c>go env NAME</c> would print it.</summary>
    public string this[string name] => name switch
    {
        "GOPROXY" => GoProxy,
        "GOPRIVATE" => GoPrivate,
        "GONOPROXY" => GoNoProxy,
        "GONOSUMDB" => GoNoSumDb,
        "GOINSECURE" => GoInsecure,
        "GOSUMDB" => GoSumDb,
        "GOMODCACHE" => GoModCache,
        "GOFLAGS" => GoFlags,
        "GOPATH" => GoPath,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a Go setting GoMod uses"),
    };

    private static string DefaultGoPath(Func<string, string?> getEnv)
    {
        // go uses $HOME (USERPROFILE on Windows) and leaves GOPATH unset when there is no home.
        var home = OperatingSystem.IsWindows() ? getEnv("USERPROFILE") : getEnv("HOME");
        return string.IsNullOrEmpty(home) ? "" : Path.Combine(home, "go");
    }

    /// <summary>
    /// Reads the file <c>go env -w</c> writes: <c>KEY=VALUE</c> lines; lines without '=' or not starting with an
    /// upper-case letter are ignored, as go ignores them.
    /// </summary>
    private static Dictionary<string, string> ReadEnvFile(Func<string, string?> getEnv)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var file = getEnv("GOENV");
        if (file == "off") return result;
        if (string.IsNullOrEmpty(file))
        {
            var configDir = UserConfigDir(getEnv);
            if (configDir is null) return result;
            file = Path.Combine(configDir, "go", "env");
        }
        string text;
        try
        {
            if (!File.Exists(file)) return result;
            text = File.ReadAllText(file);
        }
        catch (IOException) { return result; }
        catch (UnauthorizedAccessException) { return result; }

        foreach (var line in text.Split('\n'))
        {
            var eq = line.IndexOf('=');
            if (eq <= 0 || line[0] < 'A' || line[0] > 'Z') continue;
            result[line[..eq]] = line[(eq + 1)..].TrimEnd('\r');
        }
        return result;
    }

    /// <summary>Go's os.UserConfigDir: %AppData%, ~/Library/Application Support, or $XDG_CONFIG_HOME / ~/.config.</summary>
    private static string? UserConfigDir(Func<string, string?> getEnv)
    {
        if (OperatingSystem.IsWindows()) return NullIfEmpty(getEnv("AppData"));
        var home = getEnv("HOME");
        if (OperatingSystem.IsMacOS()) return string.IsNullOrEmpty(home) ? null : Path.Combine(home, "Library", "Application Support");
        var xdg = getEnv("XDG_CONFIG_HOME");
        if (!string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg)) return xdg;
        return string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".config");
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
