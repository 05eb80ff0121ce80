using GoMod.Core.Restore;
using GoMod.Core.Tests.Fetch.Infrastructure;

namespace GoMod.Core.Tests.Restore;

/// <summary>
/// The restore the proxy-counting tests share: a loopback proxy serving a materialized scenario's proxy tree, and a
/// <c>-mod=mod</c> restore through it with the checksum database off and no GOENV file, so what the proxy sees is the
/// restore's own requests.
/// </summary>
internal static class ProxyTreeRestore
{
    /// <summary>A loopback proxy answering every file under <paramref name="proxyDir"/> at its relative path.</summary>
    public static TestProxyServer Serve(string proxyDir) => new(Directory.EnumerateFiles(proxyDir, "*", SearchOption.AllDirectories)
        .ToDictionary(f => "/" + Path.GetRelativePath(proxyDir, f).Replace('\\', '/'), File.ReadAllBytes));

    /// <summary>The options of a <c>-mod=mod</c> restore of <paramref name="modFile"/> through <paramref name="proxy"/> into <paramref name="modCache"/>.</summary>
    public static RestoreOptions Options(string modFile, string modCache, string proxy) => new()
    {
        ModFile = modFile,
        Settings = new Dictionary<string, string?>
        {
            ["GOMODCACHE"] = modCache, ["GOPROXY"] = proxy, ["GOSUMDB"] = "off", ["GOFLAGS"] = "-mod=mod",
        },
        GetEnvironmentVariable = name => name == "GOENV" ? "off" : null,
    };

    /// <summary>Runs the restore <paramref name="options"/> describe, synchronously.</summary>
    public static RestoreResult Run(RestoreOptions options) =>
        new ModuleRestorer().RestoreAsync(options, CancellationToken.None).GetAwaiter().GetResult();
}
