using System.Text;
using GoMod.Core.Tests.Fetch.Infrastructure;
using GoMod.Testing;

namespace GoMod.EndToEnd.Tests;

/// <summary>
/// A proxy password never reaches MSBuild's logging through the SDK: with GOPROXY=https://user:password@host the
/// build authenticates with the real password, yet the binlog, replayed at diagnostic verbosity, holds it nowhere.
/// </summary>
[Collection(SdkCollection.Name)]
public sealed class SecretTests(SdkPackage sdk)
{
    private const string Password = "s3cr3t-Pw0rd";

    /// <summary>An https proxy of the sample's modules that answers only requests with the right basic credentials.</summary>
    private static TestProxyServer AuthenticatingProxy()
    {
        var proxy = LoopbackProxy.Start(TestCertificates.Loopback);
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("user:" + Password));
        proxy.Handler = r => r.Header("Authorization") == expected ? null : TestResponse.Text(401, "unauthorized\n");
        return proxy;
    }

    /// <summary>The child process trusts the test certificate (OpenSSL reads SSL_CERT_FILE) and nothing else.</summary>
    private static Dictionary<string, string?> Env(TestProject p, TestProxyServer proxy, bool inEnvironment)
    {
        var pem = p.Write("trust.pem", TestCertificates.Loopback.ExportCertificatePem());
        return GoInputs.Env(("GOPROXY", inEnvironment ? proxy.Url.Replace("https://", $"https://user:{Password}@") : null), ("SSL_CERT_FILE", pem));
    }

    /// <summary>The binlog replayed as text at diagnostic verbosity (what a user would attach).</summary>
    private static string Replay(TestProject p, string binlog) =>
        Dotnet.Run(p.Directory, "msbuild", binlog, "-v:diag", "-nologo").EnsureSuccess("dotnet msbuild x.binlog -v:diag").StdOut;

    [Fact]
    public async Task Proxy_password_in_the_environment_is_used_and_appears_nowhere_in_the_binlog()
    {
        using var p = TestProject.Standalone(sdk).WithModules();
        await using var proxy = AuthenticatingProxy();
        var binlog = p.Combine("build.binlog");

        var build = p.Dotnet(Env(p, proxy, inEnvironment: true), "build", "-bl:" + binlog);

        build.EnsureSuccess("dotnet build -bl with GOPROXY=https://user:password@…");
        proxy.Requests.ShouldNotBeEmpty();
        proxy.Requests.ShouldAllBe(r => r.Header("Authorization") != null);
        var text = Replay(p, binlog);
        text.ShouldContain("GoModRestore");
        text.ShouldContain("FromEnvironment");
        text.ShouldNotContain(Password);
        build.StdOut.ShouldNotContain(Password);
        foreach (var file in Directory.EnumerateFiles(p.Obj, "*", SearchOption.AllDirectories))
            File.ReadAllText(file).Contains(Password, StringComparison.Ordinal).ShouldBeFalse(file);
    }

    [Fact]
    public async Task Proxy_password_in_a_global_property_is_logged_only_by_MSBuild_itself()
    {
        using var p = TestProject.Standalone(sdk).WithModules();
        await using var proxy = AuthenticatingProxy();
        var binlog = p.Combine("build.binlog");

        var build = p.Dotnet(Env(p, proxy, inEnvironment: false), "build", "-bl:" + binlog,
            "-p:GoProxy=" + proxy.Url.Replace("https://", $"https://user:{Password}@"));

        build.EnsureSuccess("dotnet build -bl -p:GoProxy=https://user:password@…");
        proxy.Requests.ShouldNotBeEmpty();
        var lines = Replay(p, binlog).Split('\n').Where(l => l.Contains(Password, StringComparison.Ordinal)).ToList();
        // MSBuild prints its command line and the global properties; the SDK's properties, items and task parameters
        // carry the redacted form.
        lines.ShouldNotBeEmpty();
        lines.ShouldAllBe(l => l.Contains("Command line arguments") || l.TrimStart().StartsWith("GoProxy = ", StringComparison.Ordinal), string.Join("\n", lines));
    }
}
