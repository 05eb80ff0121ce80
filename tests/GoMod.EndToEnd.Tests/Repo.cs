namespace GoMod.EndToEnd.Tests;

/// <summary>Where the repository is, found from the test assembly (the folder holding GoModSdk.sln), and how it was built.</summary>
public static class Repo
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GoModSdk.sln"))) return dir.FullName;
        throw new InvalidOperationException($"GoModSdk.sln not found above {AppContext.BaseDirectory}");
    });

    /// <summary>The repository root.</summary>
    public static string Root => RootPath.Value;

    /// <summary>A path below the root, '/'-separated.</summary>
    public static string Combine(string relative) => Path.Combine([Root, .. relative.Split('/')]);

    /// <summary>The configuration this test assembly (and so the SDK project it references) was built in.</summary>
    public static string Configuration =>
#if DEBUG
        "Debug";
#else
        "Release";
#endif
}
