using GoMod.Testing;

namespace GoMod.EndToEnd.Tests;

/// <summary>
/// A generated project in a temporary folder that uses the packed SDK: its project file, go.mod, go.sum and a
/// NuGet.config for the test feed, plus a private module cache. Written as XML by hand (MSBuild.ProjectCreation is not
/// available here).
/// </summary>
public sealed class TestProject : IDisposable
{
    private readonly TempDirectory _dir = new("e2e");

    private TestProject(SdkPackage sdk, string projectName)
    {
        Sdk = sdk;
        ProjectFile = _dir.Combine(projectName);
        _dir.Write("NuGet.config", sdk.NuGetConfig);
    }

    public SdkPackage Sdk { get; }

    public string Directory => _dir.Path;

    public string ProjectFile { get; }

    /// <summary>The module cache (GOMODCACHE) of this project's builds.</summary>
    public string ModCache => _dir.Combine("gomodcache");

    public string Obj => _dir.Combine("obj");

    /// <summary>A target that prints each @(GoModule) with all its metadata, for assertions.</summary>
    public const string PrintModulesTarget = """
          <Target Name="PrintGoModules" AfterTargets="Build" DependsOnTargets="GoModCollectModules">
            <Message Importance="high" Text="GOMODULE %(GoModule.Identity)|%(GoModule.Version)|%(GoModule.Dir)|%(GoModule.Sum)|%(GoModule.GoModSum)|%(GoModule.Replace)|%(GoModule.Indirect)|%(GoModule.Main)" />
          </Target>
        """;

    /// <summary>A project that is only a Go module: <c>&lt;Project Sdk="GoMod.Sdk/version"&gt;</c>.</summary>
    public static TestProject Standalone(SdkPackage sdk, string body = PrintModulesTarget, string name = "gomodule.csproj")
    {
        var p = new TestProject(sdk, name);
        p.WriteProject($"""
            <Project Sdk="GoMod.Sdk/{sdk.Version}">
            {body}
            </Project>
            """);
        return p;
    }

    /// <summary>A C# project that also owns a Go module: Microsoft.NET.Sdk plus <c>&lt;Sdk Name="GoMod.Sdk" Version="…" /&gt;</c>.</summary>
    public static TestProject CSharp(SdkPackage sdk, string body = PrintModulesTarget) =>
        ConsoleApp(sdk, $"""<Sdk Name="GoMod.Sdk" Version="{sdk.Version}" />""", body);

    /// <summary>
    /// A C# project that takes GoMod.Sdk as a package: Microsoft.NET.Sdk plus
    /// <c>&lt;PackageReference Include="GoMod.Sdk" Version="…" PrivateAssets="all" /&gt;</c> (no SDK resolver runs).
    /// </summary>
    public static TestProject PackageReference(SdkPackage sdk, string body = PrintModulesTarget) =>
        ConsoleApp(sdk, $"""<ItemGroup><PackageReference Include="GoMod.Sdk" Version="{sdk.Version}" PrivateAssets="all" /></ItemGroup>""", body);

    /// <summary>A Microsoft.NET.Sdk console app (app.csproj, Program.cs) that brings in GoMod.Sdk by <paramref name="reference"/>.</summary>
    private static TestProject ConsoleApp(SdkPackage sdk, string reference, string body)
    {
        var p = new TestProject(sdk, "app.csproj");
        p.WriteProject($"""
            <Project Sdk="Microsoft.NET.Sdk">
              {reference}
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
            {body}
            </Project>
            """);
        p.Write("Program.cs", "System.Console.WriteLine(\"hello from C#\");\n");
        return p;
    }

    public void WriteProject(string xml) => File.WriteAllText(ProjectFile, xml);

    public string Write(string relativePath, string content) => _dir.Write(relativePath, content);

    public string Combine(params string[] parts) => _dir.Combine(parts);

    /// <summary>Runs dotnet on this project (the project path is appended after the command), with this project's module cache.</summary>
    public ProcessResult Dotnet(string command, params string[] args) => Dotnet(null, command, args);

    /// <summary>As <see cref="Dotnet(string, string[])"/> with extra environment variables.</summary>
    public ProcessResult Dotnet(IReadOnlyDictionary<string, string?>? env, string command, params string[] args)
    {
        var merged = new Dictionary<string, string?> { ["GOMODCACHE"] = ModCache, ["GOPROXY"] = "off" };
        if (env is not null) foreach (var (k, v) in env) merged[k] = v;
        return EndToEnd.Tests.Dotnet.Run(Directory, merged, [command, ProjectFile, "-nologo", .. args]);
    }

    /// <summary>
    /// Runs dotnet like <see cref="Dotnet(IReadOnlyDictionary{string, string?}?, string, string[])"/> and also writes a
    /// detailed file log without the summary (the console's summary repeats every warning), returned as <c>Log</c>.
    /// </summary>
    public (ProcessResult Result, string Log) DotnetWithLog(IReadOnlyDictionary<string, string?>? env, string command, params string[] args)
    {
        var log = Combine($"{command}-{Guid.NewGuid():N}.log");
        var result = Dotnet(env, command, [.. args, "-fl", $"-flp:LogFile={log};Verbosity=detailed;NoSummary"]);
        return (result, File.Exists(log) ? File.ReadAllText(log) : "");
    }

    /// <summary>How many times <paramref name="what"/> occurs in <paramref name="text"/>.</summary>
    public static int CountOf(string text, string what)
    {
        var count = 0;
        for (var i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + what.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    /// <summary>The GOMODULE lines printed by <see cref="PrintModulesTarget"/>, as (path, metadata…) arrays.</summary>
    public static List<string[]> Modules(ProcessResult result) =>
        result.StdOut.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("GOMODULE ", StringComparison.Ordinal))
            .Select(l => l["GOMODULE ".Length..].Split('|'))
            .ToList();

    public void Dispose() => _dir.Dispose();
}
