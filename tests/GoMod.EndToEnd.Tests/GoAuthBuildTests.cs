using GoMod.Core.Tests.Fetch.Infrastructure;
using GoMod.Testing;

namespace GoMod.EndToEnd.Tests;

/// <summary>
/// GOAUTH (Go 1.24+) through <c>dotnet build</c>: a private https proxy that answers only a bearer token, which a
/// GOAUTH command prints; the build gets it from the environment variable or from the GoAuth property, and the token
/// the command printed is nowhere in the build's output or obj/.
/// </summary>
[Collection(SdkCollection.Name)]
public sealed class GoAuthBuildTests(SdkPackage sdk)
{
    private const string Token = "t0k3n-from-a-helper";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_goauth_command_authenticates_the_restore(bool asProperty)
    {
        using var p = TestProject.Standalone(sdk).WithModules();
        await using var proxy = LoopbackProxy.Start(TestCertificates.Loopback);
        proxy.Handler = r => r.Header("Authorization") == "Bearer " + Token ? null : TestResponse.Text(401, "unauthorized\n");
        var script = p.Write("auth.sh", $"#!/bin/sh\nprintf '{proxy.Url}\\n\\nAuthorization: Bearer {Token}\\n\\n'\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var pem = p.Write("trust.pem", TestCertificates.Loopback.ExportCertificatePem());
        var env = GoInputs.Env(("GOPROXY", proxy.Url), ("SSL_CERT_FILE", pem), ("GOAUTH", asProperty ? null : script));

        var build = asProperty ? p.Dotnet(env, "build", "-p:GoAuth=" + script) : p.Dotnet(env, "build");

        build.EnsureSuccess("dotnet build with a GOAUTH command");
        proxy.Requests.ShouldNotBeEmpty();
        proxy.Requests.ShouldAllBe(r => r.Header("Authorization") == "Bearer " + Token);
        Directory.Exists(Path.Combine(p.ModCache, "example.com", "words@v1.0.0")).ShouldBeTrue();
        build.StdOut.ShouldNotContain(Token);
        foreach (var file in Directory.EnumerateFiles(p.Obj, "*", SearchOption.AllDirectories))
            File.ReadAllText(file).Contains(Token, StringComparison.Ordinal).ShouldBeFalse(file);
    }
}
