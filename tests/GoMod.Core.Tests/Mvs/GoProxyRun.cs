using GoMod.Testing;

namespace GoMod.Core.Tests.Mvs;

/// <summary>Runs the real go command against a file:// proxy, in the main module directory, with go.mod updates allowed.</summary>
public sealed class GoProxyRun(string proxyDir, string home, IReadOnlyDictionary<string, string?>? extraEnv = null)
{
    public string ModCache => Path.Combine(home, "gopath", "pkg", "mod");

    public ProcessResult Run(string workDir, params string[] args) => Run(workDir, "mod", args);

    /// <summary>Runs go with <c>-mod=readonly</c> (go.mod must not need updates; go.sum must have every sum).</summary>
    public ProcessResult RunReadOnly(string workDir, params string[] args) => Run(workDir, "readonly", args);

    private ProcessResult Run(string workDir, string mode, string[] args)
    {
        var env = new Dictionary<string, string?>
        {
            ["GOPROXY"] = new Uri(proxyDir + Path.DirectorySeparatorChar).AbsoluteUri.TrimEnd('/'),
            ["GOFLAGS"] = "-modcacherw -mod=" + mode,
            ["GONOSUMDB"] = "*",
            ["GOSUMDB"] = "off",
        };
        if (extraEnv is not null) foreach (var (k, v) in extraEnv) env[k] = v;
        return GoOracle.Run(workDir, home, env, args);
    }
}
