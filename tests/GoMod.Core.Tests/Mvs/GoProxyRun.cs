using GoMod.Testing;

namespace GoMod.Core.Tests.Mvs;

/// <summary>Runs the real go command against a file:// proxy, in the main module directory, with go.mod updates allowed.</summary>
public sealed class GoProxyRun(string proxyDir, string home)
{
    public string ModCache => Path.Combine(home, "gopath", "pkg", "mod");

    public ProcessResult Run(string workDir, params string[] args) =>
        GoOracle.Run(workDir, home, new Dictionary<string, string?>
        {
            ["GOPROXY"] = new Uri(proxyDir + Path.DirectorySeparatorChar).AbsoluteUri.TrimEnd('/'),
            ["GOFLAGS"] = "-modcacherw -mod=mod",
            ["GONOSUMDB"] = "*",
            ["GOSUMDB"] = "off",
        }, args);
}
