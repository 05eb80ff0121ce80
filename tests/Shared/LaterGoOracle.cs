using System.Diagnostics.CodeAnalysis;

namespace GoMod.Testing;

/// <summary>
/// A later go command (Debian bookworm-backports' golang-1.23-go, installed at /usr/lib/go-1.23/bin/go next to the
/// default go 1.19), the oracle for behaviour go changed after 1.19: go 1.21's go-line and toolchain rules,
/// `go work vendor` (go 1.22). It runs with the hermetic environment of <see cref="GoOracle.Run"/>, which sets
/// GOTOOLCHAIN=local so it never tries to download another toolchain. Tests that need it use
/// <see cref="LaterGoFactAttribute"/> / <see cref="LaterGoTheoryAttribute"/>: skipped locally with a visible reason
/// when it is missing, run (and failing) under CI=true, whose script installs it.
/// </summary>
public static class LaterGoOracle
{
    private static readonly Lazy<string?> GoPath = new(Locate);

    /// <summary>The minor version of the later go this oracle looks for first; newer ones are taken when present.</summary>
    public const int MinimumMinor = 23;

    public static string? Path => GoPath.Value;

    [MemberNotNullWhen(true, nameof(Path))]
    public static bool Available => GoPath.Value is not null;

    public const string SkipReason =
        "go 1.23 or later is not installed (add bookworm-backports and apt-get install -t bookworm-backports golang-1.23-go); "
        + "differential test against later go skipped locally. Under CI=true it runs and fails.";

    private static string? Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("GOMOD_LATER_GO");
        if (!string.IsNullOrEmpty(fromEnvironment) && File.Exists(fromEnvironment)) return fromEnvironment;
        for (var minor = 27; minor >= MinimumMinor; minor--)
        {
            var candidate = $"/usr/lib/go-1.{minor}/bin/go";
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>Runs the later go hermetically (see <see cref="GoOracle.Run"/>); <paramref name="env"/> wins.</summary>
    public static ProcessResult Run(string workingDirectory, string home, IReadOnlyDictionary<string, string?>? env, params string[] args)
    {
        if (!Available) throw new InvalidOperationException(SkipReason);
        return GoOracle.RunHermetic(Path, workingDirectory, home, env, args);
    }
}

/// <summary>A fact that needs go 1.23 or later: skipped locally without it, run (and failing) under CI.</summary>
public sealed class LaterGoFactAttribute : FactAttribute
{
    public LaterGoFactAttribute()
    {
        if (!LaterGoOracle.Available && !GoOracle.IsCI) Skip = LaterGoOracle.SkipReason;
    }
}

/// <summary>A theory that needs go 1.23 or later: skipped locally without it, run (and failing) under CI.</summary>
public sealed class LaterGoTheoryAttribute : TheoryAttribute
{
    public LaterGoTheoryAttribute()
    {
        if (!LaterGoOracle.Available && !GoOracle.IsCI) Skip = LaterGoOracle.SkipReason;
    }
}
