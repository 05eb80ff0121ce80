namespace GoMod.EndToEnd.Tests;

/// <summary>
/// go.mod/go.sum inputs for generated projects, requiring the sample's own modules so that every test has a real
/// proxy to resolve from (the sample's file-system proxy) and a go.sum that go itself wrote for them.
/// </summary>
public static class GoInputs
{
    /// <summary>GOPROXY for the sample's modules.</summary>
    public static string Proxy => "file://" + Repo.Combine("samples/hello/proxy").Replace('\\', '/');

    /// <summary>The sample's go.sum: hashes go computed from the proxy.</summary>
    public static string GoSum => File.ReadAllText(Repo.Combine("samples/hello/go.sum"));

    /// <summary>A go.mod requiring the sample's modules (as `go mod tidy` left the sample's).</summary>
    public static string GoMod(string module = "example.com/e2e") => $"""
        module {module}

        go 1.19

        require (
        	example.com/Shout v0.2.0
        	example.com/greeting v1.1.0
        )

        require (
        	example.com/punct v1.1.0 // indirect
        	example.com/words v1.0.0 // indirect
        )

        """;

    /// <summary>The hash go.sum records for path@version (version may end in /go.mod).</summary>
    public static string Hash(string path, string version) =>
        GoSum.Split('\n').Select(l => l.Split(' ')).First(f => f.Length == 3 && f[0] == path && f[1] == version)[2];

    /// <summary>Writes go.mod and go.sum into a test project.</summary>
    public static TestProject WithModules(this TestProject project, string? goMod = null)
    {
        project.Write("go.mod", goMod ?? GoMod());
        project.Write("go.sum", GoSum);
        return project;
    }

    /// <summary>Environment pointing GOPROXY at the sample proxy.</summary>
    public static Dictionary<string, string?> Env(params (string Key, string? Value)[] extra)
    {
        var env = new Dictionary<string, string?> { ["GOPROXY"] = Proxy, ["GONOSUMDB"] = "example.com" };
        foreach (var (k, v) in extra) env[k] = v;
        return env;
    }
}
