namespace GoMod.Core.Tests.Tidy;

/// <summary>
/// Authored main modules whose go line is 1.21 or later (or that <c>-go=</c> moves), for go mod tidy as go 1.23 does it
/// (see <see cref="Mvs.ProxyScenario"/> for the format), over <see cref="Packages.PackageScenarios.Modules"/>,
/// <see cref="TidyScenarios.Modules"/> and <see cref="Modules"/>: modules whose go lines are 1.21 and later raise the
/// main module's, a go line above the local toolchain fails, the <c>toolchain</c> line follows.
/// </summary>
public static class TidyGo121Scenarios
{
    /// <summary>A go line no installed go reaches: "too new" for the local toolchain whatever later go runs the oracle.</summary>
    public const string TooNew = "1.99";

    /// <summary>Modules with go 1.21-and-later go lines.</summary>
    public const string Modules = """
        -- example.com/g21@v1.0.0 --
        go 1.21
        -- example.com/g21@v1.0.0/g.go --
        package g21
        -- example.com/g21zero@v1.0.0 --
        go 1.21.0

        toolchain go1.22.3
        -- example.com/g21zero@v1.0.0/g.go --
        package g21zero
        -- example.com/g21rc@v1.0.0 --
        go 1.21rc1
        -- example.com/g21rc@v1.0.0/g.go --
        package g21rc
        -- example.com/g22@v1.0.0 --
        go 1.22.1
        -- example.com/g22@v1.0.0/g.go --
        package g22
        -- example.com/g17to22@v1.0.0 --
        go 1.17

        require example.com/g22 v1.0.0
        -- example.com/g17to22@v1.0.0/g.go --
        package g17to22
        -- example.com/g16to22@v1.0.0 --
        go 1.16

        require example.com/g22 v1.0.0
        -- example.com/g16to22@v1.0.0/g.go --
        package g16to22
        -- example.com/g21imports22@v1.0.0 --
        go 1.21

        require example.com/g22 v1.0.0
        -- example.com/g21imports22@v1.0.0/g.go --
        package g21imports22

        import _ "example.com/g22"
        -- example.com/g99@v1.0.0 --
        go 1.99
        -- example.com/g99@v1.0.0/g.go --
        package g99
        -- example.com/g21to99@v1.0.0 --
        go 1.21

        require example.com/g99 v1.0.0
        -- example.com/g21to99@v1.0.0/g.go --
        package g21to99
        -- example.com/g16to99@v1.0.0 --
        go 1.16

        require example.com/g99 v1.0.0
        -- example.com/g16to99@v1.0.0/g.go --
        package g16to99
        """;

    private static string MainModule(string head, string requires, params string[] imports) =>
        "-- go.mod --\nmodule example.com/main\n" + (head.Length == 0 ? "" : "\n" + head.Trim() + "\n") + (requires.Length == 0 ? "" : "\n" + requires.Trim() + "\n")
        + "\n-- main.go --\npackage main\n\nimport (\n" + string.Concat(imports.Select(p => "\t_ \"" + p + "\"\n")) + ")\n\nfunc main() {}\n";

    /// <summary>A go 1.19 scenario of <see cref="TidyScenarios.All"/> with its go 1.17 line made 1.21.</summary>
    private static (string, string[]) AtGo121(string name) =>
        (TidyScenarios.All[name].Text.Replace("\ngo 1.17\n", "\ngo 1.21\n", StringComparison.Ordinal), TidyScenarios.All[name].Flags);

    /// <summary>Scenario name → (main module, go mod tidy's flags). Names ending in <c>-fails</c> fail in go.</summary>
    public static IReadOnlyDictionary<string, (string Text, string[] Flags)> All { get; } = new Dictionary<string, (string, string[])>
    {
        // The three go 1.21 cases once only checked against go 1.19's output (package modules' go.mod sums, the 1.17 blocks).
        ["reference-dependency-test-module-in-graph"] = AtGo121("dependency-test-module-in-graph"),
        ["reference-indirect-blocks"] = AtGo121("indirect-go-1.17"),
        ["reference-missing-import"] = AtGo121("missing-import"),
        ["dependency-go-1.21-keeps-go-line"] = (MainModule("go 1.21", "", "example.com/g21"), []),
        ["dependency-go-line-raises-go-and-adds-toolchain"] = (MainModule("go 1.21", "", "example.com/g22"), []),
        ["dropped-requirement-still-raised-the-go-line"] = (MainModule("go 1.21", "require example.com/g22 v1.0.0", "example.com/g21"), []),
        ["imported-through-dependency-raises"] = (MainModule("go 1.21", "", "example.com/g21imports22"), []),
        ["pruned-dependency-requirement-not-read"] = (MainModule("go 1.22", "", "example.com/g17to22"), []),
        ["unpruned-dependency-requirement-read"] = (MainModule("go 1.21", "", "example.com/g16to22"), []),
        ["dependency-go-1.21.0-above-go-1.21"] = (MainModule("go 1.21", "", "example.com/g21zero"), []),
        ["dependency-go-1.21rc1-above-go-1.21"] = (MainModule("go 1.21", "", "example.com/g21rc"), []),
        ["toolchain-line-kept"] = (MainModule("go 1.21\n\ntoolchain go1.22.3", "", "example.com/g21"), []),
        ["toolchain-line-repeating-go-dropped"] = (MainModule("go 1.21\n\ntoolchain go1.21", "", "example.com/g21"), []),
        ["toolchain-line-before-1.21-dropped"] = (MainModule("go 1.21.0\n\ntoolchain go1.20", "", "example.com/g21"), []),
        ["toolchain-line-below-raised-go-line"] = (MainModule("go 1.22.1\n\ntoolchain go1.21.5", "", "example.com/g22"), []),
        ["toolchain-line-raised-with-go-line"] = (MainModule("go 1.21\n\ntoolchain go1.21.5", "", "example.com/g22"), []),
        ["main-go-line-too-new-fails"] = (MainModule("go " + TooNew, "", "example.com/g21"), []),
        ["required-package-module-too-new-fails"] = (MainModule("go 1.21", "require example.com/g99 v1.0.0", "example.com/g99"), []),
        ["required-unused-module-too-new-fails"] = (MainModule("go 1.21", "require example.com/g99 v1.0.0", "example.com/g21"), []),
        ["missing-import-module-too-new-fails"] = (MainModule("go 1.21", "", "example.com/g99"), []),
        ["unpruned-dependency-requires-too-new-fails"] = (MainModule("go 1.21", "require example.com/g16to99 v1.0.0", "example.com/g16to99"), []),
        ["pruned-dependency-requires-too-new-unread"] = (MainModule("go 1.21", "require example.com/g21to99 v1.0.0", "example.com/g21to99"), []),
        ["go-flag-raises"] = (MainModule("go 1.21", "", "example.com/g21"), ["-go=1.22"]),
        ["go-flag-lowers"] = (MainModule("go 1.22", "", "example.com/g21"), ["-go=1.21"]),
        ["go-flag-from-go-1.17"] = (MainModule("go 1.17", "", "example.com/g21"), ["-go=1.22"]),
        ["go-flag-same-keeps-dropped-requirement-out"] = (MainModule("go 1.21", "require example.com/g22 v1.0.0", "example.com/g21"), ["-go=1.21"]),
        ["go-flag-below-dependency-fails"] = (MainModule("go 1.21", "require example.com/g22 v1.0.0", "example.com/g22"), ["-go=1.21"]),
        ["go-flag-below-dependency-go-1.20-fails"] = (MainModule("go 1.21", "", "example.com/g21"), ["-go=1.20"]),
        ["go-flag-indirectly-below-dependency-fails"] = (MainModule("go 1.21", "", "example.com/g16to22"), ["-go=1.22"]),
        ["go-flag-invalid-fails"] = (MainModule("go 1.21", "", "example.com/g21"), ["-go=1.2x"]),
        ["go-flag-too-new-fails"] = (MainModule("go 1.21", "", "example.com/g21"), ["-go=" + TooNew]),
        ["compat-default-is-go-line"] = (MainModule("go 1.21", "require (\n\texample.com/compat/lazy v0.1.0\n\texample.com/compat/version v1.1.0\n)",
            "example.com/compat/lazy", "example.com/compat/version"), []),
        ["compat-1.16-mismatch-fails"] = (MainModule("go 1.21", "require (\n\texample.com/compat/pruned v0.1.0\n\texample.com/compat/version v1.1.0\n)",
            "example.com/compat/pruned", "example.com/compat/version"), ["-compat=1.16"]),
        ["compat-1.16-keeps-go-1.16-sums"] = (MainModule("go 1.21", "require (\n\texample.com/compat/lazy v0.1.0\n\texample.com/compat/version v1.1.0\n)",
            "example.com/compat/lazy", "example.com/compat/version"), ["-compat=1.16"]),
        ["go-flag-lowers-below-1.21"] = (MainModule("go 1.21", "", "example.com/a"), ["-go=1.20"]),
        ["go-flag-to-1.17-from-1.21"] = (MainModule("go 1.21", "require example.com/a v1.0.0", "example.com/a"), ["-go=1.17"]),
        ["go-flag-from-unpruned-go-1.16"] = (MainModule("go 1.16", "require example.com/a v1.0.0", "example.com/a"), ["-go=1.21"]),
        ["go-flag-adds-missing-go-line"] = (MainModule("", "require example.com/a v1.0.0", "example.com/a"), ["-go=1.21"]),
        ["directory-replacement-go-line-raises"] = (MainModule("go 1.21", "require example.com/r v1.0.0\n\nreplace example.com/r => ../r", "example.com/r/rp")
            + "-- ../r/go.mod --\nmodule example.com/r\n\ngo 1.22.3\n\nrequire example.com/c v1.0.0\n"
            + "-- ../r/rp/rp.go --\npackage rp\n\nimport _ \"example.com/c\"\n", []),
        ["reference-directory-replacement"] = AtGo121("directory-replacement"),
        ["reference-version-replacement"] = AtGo121("version-replacement"),
        ["reference-excluded-requirement"] = AtGo121("excluded-requirement"),
        ["reference-import-nobody-provides-with-e"] = AtGo121("import-nobody-provides-with-e"),
        ["reference-ambiguous-import-fails"] = AtGo121("ambiguous-import-fails"),
        ["reference-comments-kept"] = AtGo121("comments-kept"),
        ["verbose-unused"] = (MainModule("go 1.21", "require (\n\texample.com/a v1.0.0\n\texample.com/c v1.0.0\n\texample.com/g22 v1.0.0\n)", "example.com/c"), ["-v"]),
    };
}
