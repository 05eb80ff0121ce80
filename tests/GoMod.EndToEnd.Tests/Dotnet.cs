using GoMod.Testing;

namespace GoMod.EndToEnd.Tests;

/// <summary>Runs the real dotnet CLI as a child process, isolated from the test host's MSBuild and Go environment.</summary>
public static class Dotnet
{
    /// <summary>
    /// Runs <c>dotnet args…</c> in <paramref name="directory"/>. The environment drops what the test host inherited
    /// from its own MSBuild (MSBuild* variables, NUGET_PACKAGES) and every Go setting, turns node reuse and the build
    /// server off (no process outlives the test), and adds <paramref name="extra"/> (null removes a variable).
    /// </summary>
    public static ProcessResult Run(string directory, IReadOnlyDictionary<string, string?>? extra, params string[] args) =>
        RunWith("dotnet", directory, extra, args);

    /// <summary>As <see cref="Run(string, IReadOnlyDictionary{string, string?}?, string[])"/> with another dotnet executable (a copy of the .NET installation).</summary>
    public static ProcessResult RunWith(string dotnet, string directory, IReadOnlyDictionary<string, string?>? extra, params string[] args)
    {
        var env = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var key in Environment.GetEnvironmentVariables().Keys.Cast<string>())
        {
            if (key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || key.StartsWith("GO", StringComparison.Ordinal) ||
                key is "NUGET_PACKAGES" or "DOTNET_HOST_PATH" || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
                env[key] = null;
        }
        env["MSBUILDDISABLENODEREUSE"] = "1";
        env["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        env["DOTNET_NOLOGO"] = "1";
        env["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        env["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        env["GOENV"] = "off";
        if (extra is not null) foreach (var (k, v) in extra) env[k] = v;
        return ProcessRunner.Run(dotnet, args, directory, env, TimeSpan.FromMinutes(3));
    }

    /// <inheritdoc cref="Run(string, IReadOnlyDictionary{string, string?}?, string[])"/>
    public static ProcessResult Run(string directory, params string[] args) => Run(directory, null, args);
}
