using GoMod.Core.ModFile;

namespace GoMod.Core.Workspace;

/// <summary>One <c>use</c>d module of a workspace: a main module, read from its directory.</summary>
public sealed class WorkspaceModule
{
    internal WorkspaceModule(string path, string dir, GoModFile file, byte[] goModData, string? goSumText)
    {
        Path = path;
        Dir = dir;
        File = file;
        GoModData = goModData;
        GoSumText = goSumText;
    }

    /// <summary>The module path its go.mod declares.</summary>
    public string Path { get; }

    /// <summary>The module's directory (the <c>use</c> path joined to the go.work directory and cleaned).</summary>
    public string Dir { get; }

    /// <summary>The module's go.mod path.</summary>
    public string GoModPath => System.IO.Path.Combine(Dir, "go.mod");

    /// <summary>The module's go.sum path.</summary>
    public string GoSumPath => System.IO.Path.Combine(Dir, "go.sum");

    /// <summary>The go line as written, or empty.</summary>
    public string GoVersion => File.Go ?? "";

    /// <summary>go.mod, parsed.</summary>
    public GoModFile File { get; }

    internal byte[] GoModData { get; }

    /// <summary>go.sum's text as read, or null when there is none.</summary>
    public string? GoSumText { get; }
}
