namespace GoMod.Core.GoBuild;

/// <summary>Finds the go command a build runs: GoToolchainPath, else <c>go</c> on PATH. Looks at files only; starts nothing.</summary>
public static class GoToolchain
{
    /// <summary>
    /// The go command a build with GoBuild=<paramref name="goBuild"/> uses, or why there is none: with <c>auto</c> a
    /// missing go is <see cref="GoBuildSkippedException"/> (a warning: the Go code is not compiled), with <c>true</c>
    /// <see cref="GoToolchainNotFoundException"/> (an error).
    /// </summary>
    public static (string? Go, Exception? Problem) Find(string goBuild, string? toolchainPath, Func<string, string?> getEnvironmentVariable)
    {
        try
        {
            return (Locate(toolchainPath, getEnvironmentVariable), null);
        }
        catch (GoToolchainNotFoundException e) when (string.Equals(goBuild, "auto", StringComparison.OrdinalIgnoreCase))
        {
            return (null, new GoBuildSkippedException($"GoBuild=auto: the Go code was not compiled: {e.Message}"));
        }
        catch (GoToolchainNotFoundException e)
        {
            return (null, e);
        }
    }

    /// <summary>
    /// The go executable. <paramref name="toolchainPath"/> (GoToolchainPath) may name the executable itself or a Go
    /// installation (GOROOT, whose <c>bin/</c> holds go) or its <c>bin/</c>; when empty, the first PATH directory
    /// holding <c>go</c> (<c>go.exe</c> on Windows) wins, as a shell would choose.
    /// </summary>
    /// <exception cref="GoToolchainNotFoundException">Nothing usable there.</exception>
    public static string Locate(string? toolchainPath, Func<string, string?> getEnvironmentVariable)
    {
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        var exe = OperatingSystem.IsWindows() ? "go.exe" : "go";
        if (!string.IsNullOrWhiteSpace(toolchainPath))
        {
            var given = Path.GetFullPath(toolchainPath.Trim());
            foreach (var candidate in new[] { given, Path.Combine(given, exe), Path.Combine(given, "bin", exe) })
                if (File.Exists(candidate)) return candidate;
            throw new GoToolchainNotFoundException(
                $"GoToolchainPath={toolchainPath}: no go command there (looked for the file, {exe} in it and bin/{exe} in it)");
        }
        return OnPath("go", getEnvironmentVariable)
            ?? throw new GoToolchainNotFoundException($"no go command on PATH ({exe} in none of its directories) and GoToolchainPath is not set");
    }

    /// <summary>
    /// The first executable called <paramref name="command"/> (with <c>.exe</c> on Windows) in a PATH directory, as a
    /// shell (and go's <c>exec.LookPath</c>) finds it; relative PATH entries are skipped. Null when there is none.
    /// </summary>
    public static string? OnPath(string command, Func<string, string?> getEnvironmentVariable)
    {
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        var exe = OperatingSystem.IsWindows() ? command + ".exe" : command;
        foreach (var dir in (getEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir.Trim('"'), exe);
            if (Path.IsPathFullyQualified(candidate) && File.Exists(candidate) && IsExecutable(candidate)) return candidate;
        }
        return null;
    }

    private static bool IsExecutable(string file) =>
        OperatingSystem.IsWindows()
        || (File.GetUnixFileMode(file) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
}
