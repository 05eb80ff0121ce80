namespace GoMod.Core.Tidy;

/// <summary>
/// GoModTidyCheck: <c>go mod tidy</c> would change go.mod or go.sum. <see cref="Diff"/> is the change as a unified diff
/// (<c>current/go.mod</c> → <c>tidy/go.mod</c>, then go.sum), as <c>go mod tidy -diff</c> of later go prints it.
/// </summary>
public sealed class ModuleNotTidyException : Exception
{
    internal ModuleNotTidyException(string file, bool goModChanged, bool goSumChanged, string diff)
        : base(Describe(goModChanged, goSumChanged) + "\n" + diff.TrimEnd('\n'))
    {
        File = file;
        GoModChanged = goModChanged;
        GoSumChanged = goSumChanged;
        Diff = diff;
    }

    /// <summary>The go.mod checked.</summary>
    public string File { get; }

    /// <summary>Whether tidy would rewrite go.mod.</summary>
    public bool GoModChanged { get; }

    /// <summary>Whether tidy would rewrite go.sum.</summary>
    public bool GoSumChanged { get; }

    /// <summary>The differences, unified-diff style.</summary>
    public string Diff { get; }

    private static string Describe(bool mod, bool sum) => (mod, sum) switch
    {
        (true, true) => "go.mod and go.sum are not tidy: go mod tidy would change them",
        (true, false) => "go.mod is not tidy: go mod tidy would change it",
        _ => "go.sum is not tidy: go mod tidy would change it",
    };
}
