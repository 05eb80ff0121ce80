using System.Diagnostics.CodeAnalysis;
using GoMod.Core.Zip;

namespace GoMod.Testing;

/// <summary>
/// The real go command, our oracle. Tests that need it use <see cref="GoFactAttribute"/> / <see cref="GoTheoryAttribute"/>:
/// locally they are skipped with a visible reason when go is missing; under CI (CI=true) they are never skipped,
/// so a missing go fails the run.
/// </summary>
public static class GoOracle
{
    private static readonly Lazy<string?> GoPath = new(Locate);

    public static bool IsCI => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string? Path => GoPath.Value;

    [MemberNotNullWhen(true, nameof(Path))]
    public static bool Available => GoPath.Value is not null;

    public const string SkipReason = "go is not installed (apt-get install -y golang-go); differential test skipped locally. Under CI=true it runs and fails.";

    private static string? Locate()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator))
        {
            if (dir.Length == 0) continue;
            var candidate = System.IO.Path.Combine(dir, "go");
            if (File.Exists(candidate)) return candidate;
        }
        foreach (var candidate in new[] { "/usr/lib/go/bin/go", "/usr/lib/go-1.19/bin/go", "/usr/local/go/bin/go" })
            if (File.Exists(candidate)) return candidate;
        return null;
    }

    /// <summary>
    /// Runs go hermetically: its own GOPATH/GOMODCACHE/GOCACHE under <paramref name="home"/>, no network
    /// (GOPROXY=off unless overridden), no checksum database, no toolchain switching. <paramref name="env"/> wins.
    /// </summary>
    public static ProcessResult Run(string workingDirectory, string home, IReadOnlyDictionary<string, string?>? env, params string[] args)
    {
        if (!Available) throw new InvalidOperationException(SkipReason);
        return RunHermetic(Path, workingDirectory, home, env, args);
    }

    /// <summary>Runs the go command at <paramref name="goPath"/> with the hermetic environment <see cref="Run"/> describes.</summary>
    internal static ProcessResult RunHermetic(string goPath, string workingDirectory, string home, IReadOnlyDictionary<string, string?>? env, string[] args)
    {
        var merged = new Dictionary<string, string?>
        {
            ["HOME"] = home,
            ["GOPATH"] = System.IO.Path.Combine(home, "gopath"),
            ["GOMODCACHE"] = System.IO.Path.Combine(home, "gopath", "pkg", "mod"),
            ["GOCACHE"] = System.IO.Path.Combine(home, "gocache"),
            ["GOENV"] = "off",
            ["GOFLAGS"] = "-modcacherw",
            ["GOPROXY"] = "off",
            ["GOSUMDB"] = "off",
            ["GONOSUMDB"] = null,
            ["GONOPROXY"] = null,
            ["GOPRIVATE"] = null,
            ["GOINSECURE"] = null,
            ["GOTOOLCHAIN"] = "local",
            ["GO111MODULE"] = "on",
            ["GOWORK"] = "off",
            ["CGO_ENABLED"] = "0",
        };
        if (env is not null) foreach (var (k, v) in env) merged[k] = v;
        return ProcessRunner.Run(goPath, args, workingDirectory, merged);
    }
}

/// <summary>A fact that needs the go command: skipped locally without go, run (and failing) under CI.</summary>
public sealed class GoFactAttribute : FactAttribute
{
    public GoFactAttribute()
    {
        if (!GoOracle.Available && !GoOracle.IsCI) Skip = GoOracle.SkipReason;
    }
}

/// <summary>A theory that needs the go command: skipped locally without go, run (and failing) under CI.</summary>
public sealed class GoTheoryAttribute : TheoryAttribute
{
    public GoTheoryAttribute()
    {
        if (!GoOracle.Available && !GoOracle.IsCI) Skip = GoOracle.SkipReason;
    }
}
