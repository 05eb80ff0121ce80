using GoMod.Core.GoEnv;

namespace GoMod.Core.WorkFile;

/// <summary>Which go.work applies to a directory, as go 1.19's <c>InitWorkfile</c> decides.</summary>
public static class GoWorkLocator
{
    /// <summary>
    /// The go.work that applies: with <paramref name="goWork"/> (GoWork, else GOWORK) <c>off</c>, none; empty or
    /// <c>auto</c>, the first regular file named go.work in <paramref name="directory"/> or a parent, never crossing
    /// into <paramref name="goRoot"/> (go does not let a go.work above GOROOT apply to it); otherwise that path, which
    /// must be absolute (it need not exist: reading it is the caller's error).
    /// </summary>
    /// <exception cref="GoEnvironmentException">GOWORK is a relative path: <c>the path provided to GOWORK must be an absolute path</c>.</exception>
    public static string? Find(string directory, string? goWork, string? goRoot = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        switch (goWork)
        {
            case "off":
                return null;
            case null or "" or "auto":
                return FindUpward(Path.GetFullPath(directory), goRoot is null ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(goRoot)));
            default:
                if (!Path.IsPathFullyQualified(goWork))
                    throw new GoEnvironmentException("the path provided to GOWORK must be an absolute path", "GOWORK");
                return goWork;
        }
    }

    /// <summary>The go.work that applies to <paramref name="directory"/> under <paramref name="environment"/>'s GOWORK (the GoWork property, GOWORK, the go env file).</summary>
    /// <exception cref="GoEnvironmentException">GOWORK is a relative path.</exception>
    public static string? Find(string directory, GoEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return Find(directory, environment.GoWork);
    }

    private static string? FindUpward(string dir, string? goRoot)
    {
        dir = Path.TrimEndingDirectorySeparator(dir);
        while (true)
        {
            var file = Path.Combine(dir, "go.work");
            if (File.Exists(file)) return file;
            var parent = Path.GetDirectoryName(dir);
            if (parent is null || parent == dir) return null;
            if (goRoot is not null && string.Equals(parent, goRoot, StringComparison.Ordinal)) return null;
            dir = parent;
        }
    }
}
