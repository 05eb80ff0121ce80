using GoMod.Testing;

namespace GoMod.EndToEnd.Tests;

/// <summary>
/// GoMod.Sdk packed once per test run into a temporary local feed, under a version no earlier run used
/// (0.1.0-e2e.&lt;random&gt;), with its own global packages folder: NuGet can never hand a test a stale extracted copy.
/// </summary>
public sealed class SdkPackage : IDisposable
{
    private readonly TempDirectory _root = new("e2e-sdk");

    public SdkPackage()
    {
        Version = "0.1.0-e2e." + Guid.NewGuid().ToString("N")[..12];
        Directory.CreateDirectory(Feed);
        Directory.CreateDirectory(Packages);
        // The test project references sdk/GoMod.Sdk.csproj, so it is built in this configuration: pack only.
        Dotnet.Run(Repo.Root, "pack", Repo.Combine("sdk/GoMod.Sdk.csproj"), "-c", Repo.Configuration, "--no-build",
                "-o", Feed, $"-p:PackageVersion={Version}")
            .EnsureSuccess("dotnet pack sdk/GoMod.Sdk.csproj");
        if (!File.Exists(Path.Combine(Feed, $"GoMod.Sdk.{Version}.nupkg")))
            throw new InvalidOperationException($"dotnet pack produced no GoMod.Sdk.{Version}.nupkg in {Feed}");
    }

    /// <summary>The package version every test project asks for.</summary>
    public string Version { get; }

    /// <summary>The local feed holding only the fresh package.</summary>
    public string Feed => _root.Combine("feed");

    /// <summary>The global packages folder of every test project.</summary>
    public string Packages => _root.Combine("packages");

    /// <summary>A NuGet.config that sees only <see cref="Feed"/> and extracts into <see cref="Packages"/>.</summary>
    public string NuGetConfig => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <clear />
            <add key="e2e" value="{Feed}" />
          </packageSources>
          <config>
            <add key="globalPackagesFolder" value="{Packages}" />
          </config>
        </configuration>
        """;

    public void Dispose() => _root.Dispose();
}

/// <summary>Every end-to-end test shares one packed SDK (each pack costs seconds).</summary>
[CollectionDefinition(Name)]
public sealed class SdkCollection : ICollectionFixture<SdkPackage>
{
    public const string Name = "GoMod.Sdk package";
}
