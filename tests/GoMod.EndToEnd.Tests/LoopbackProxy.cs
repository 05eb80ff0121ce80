using System.Security.Cryptography.X509Certificates;
using GoMod.Core.Tests.Fetch.Infrastructure;

namespace GoMod.EndToEnd.Tests;

/// <summary>
/// The sample's modules (samples/hello/proxy) served over HTTP(S) on 127.0.0.1 by the recording test server, so a test
/// can count the requests a real <c>dotnet build</c> makes and see their headers.
/// </summary>
public static class LoopbackProxy
{
    /// <summary>A server for the sample's proxy files; https with <paramref name="certificate"/> when given.</summary>
    public static TestProxyServer Start(X509Certificate2? certificate = null)
    {
        var root = Repo.Combine("samples/hello/proxy");
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => "/" + Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);
        return new TestProxyServer(files, certificate);
    }
}
