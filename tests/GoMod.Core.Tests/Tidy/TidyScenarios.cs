using GoMod.Core.Tests.Packages;

namespace GoMod.Core.Tests.Tidy;

/// <summary>
/// Authored main modules for go mod tidy (see <see cref="Mvs.ProxyScenario"/> for the format), over the modules of
/// <see cref="PackageScenarios.Modules"/> plus <see cref="Modules"/>: each a go.mod (and sometimes a go.sum) tidy has
/// to change — or leave alone — and the Go files whose imports decide it.
/// </summary>
public static class TidyScenarios
{
    /// <summary>Modules for the -compat cases, tests of dependencies, and go.sum trimming.</summary>
    public const string Modules = """
        -- example.com/compat/version@v1.0.1 --
        go 1.17
        -- example.com/compat/version@v1.0.1/v.go --
        package version
        -- example.com/compat/version@v1.1.0 --
        go 1.17
        -- example.com/compat/version@v1.1.0/v.go --
        package version
        -- example.com/compat/version@v1.2.0 --
        go 1.17
        -- example.com/compat/version@v1.2.0/v.go --
        package version
        -- example.com/compat/lazy@v0.1.0 --
        go 1.17

        require example.com/compat/version v1.0.1
        -- example.com/compat/lazy@v0.1.0/lazy.go --
        package lazy
        -- example.com/compat/upper@v0.1.0 --
        go 1.17

        require example.com/compat/version v1.2.0
        -- example.com/compat/upper@v0.1.0/u.go --
        package upper
        -- example.com/compat/pruned@v0.1.0 --
        go 1.17

        require example.com/compat/upper v0.1.0
        -- example.com/compat/pruned@v0.1.0/p.go --
        package pruned
        -- example.com/alt@v0.9.0 --
        go 1.16
        -- example.com/alt@v0.9.0/alt.go --
        package alt
        -- example.com/alt@v1.0.0 --
        go 1.16
        -- example.com/alt@v1.0.0/alt.go --
        package alt
        -- example.com/alt/sub@v1.0.0 --
        go 1.16

        require example.com/alt v0.9.0
        -- example.com/alt/sub@v1.0.0/sub.go --
        package sub
        -- example.com/ret@v1.0.0 --
        go 1.17
        -- example.com/ret@v1.0.0/r.go --
        package ret
        -- example.com/ret@v1.1.0 --
        go 1.17

        retract v1.1.0 // Published by mistake.
        -- example.com/ret@v1.1.0/r.go --
        package ret
        -- example.com/pt@v1.0.0 --
        go 1.17

        require example.com/t v1.0.0
        -- example.com/pt@v1.0.0/pt.go --
        package pt
        -- example.com/pt@v1.0.0/pt_test.go --
        package pt

        import (
        	"testing"

        	_ "example.com/t"
        )

        func TestPT(t *testing.T) {}
        """;

    private static string MainModule(string go, string requires, string files, string extra = "") =>
        "-- go.mod --\nmodule example.com/main\n" + (go.Length == 0 ? "" : "\ngo " + go + "\n") + (requires.Length == 0 ? "" : "\n" + requires.Trim() + "\n")
        + extra + "\n" + files.Trim() + "\n";

    private const string MainGo = "-- main.go --\npackage main\n\n";

    private static string Imports(params string[] paths) =>
        MainGo + "import (\n" + string.Concat(paths.Select(p => "\t_ \"" + p + "\"\n")) + ")\n\nfunc main() {}\n";

    /// <summary>Scenario name → (main module, go mod tidy's flags).</summary>
    public static IReadOnlyDictionary<string, (string Text, string[] Flags)> All { get; } = new Dictionary<string, (string, string[])>
    {
        ["missing-import"] = (MainModule("1.17", "", Imports("example.com/a")), []),
        ["missing-import-longest-prefix"] = (MainModule("1.17", "", Imports("example.com/deep/a/b", "example.com/deep")), []),
        ["missing-upgrade-for-new-package"] = (MainModule("1.17", "require example.com/a v1.0.0\n\nrequire example.com/b v1.0.0 // indirect", Imports("example.com/a", "example.com/a/newpkg")), []),
        ["unused-requirement"] = (MainModule("1.17", "require (\n\texample.com/a v1.0.0\n\texample.com/c v1.0.0\n)", Imports("example.com/c")), []),
        ["unused-only-std"] = (MainModule("1.17", "require example.com/a v1.0.0\n\nrequire example.com/b v1.0.0 // indirect", MainGo + "import \"fmt\"\n\nfunc main() { fmt.Println() }\n"), []),
        ["test-only-import"] = (MainModule("1.17", "require example.com/c v1.0.0",
            Imports("example.com/c") + "-- main_test.go --\npackage main\n\nimport (\n\t\"testing\"\n\n\t_ \"example.com/t\"\n)\n\nfunc TestX(t *testing.T) {}\n"), []),
        ["external-test-only-import"] = (MainModule("1.17", "", MainGo + "func main() {}\n"
            + "-- lib/lib.go --\npackage lib\n-- lib/lib_test.go --\npackage lib_test\n\nimport (\n\t\"testing\"\n\n\t_ \"example.com/c\"\n\t_ \"example.com/main/lib\"\n)\n\nfunc TestX(t *testing.T) {}\n"), []),
        ["dependency-test-only-module"] = (MainModule("1.17", "require example.com/a v1.0.0", Imports("example.com/a")), []),
        ["dependency-test-module-in-graph"] = (MainModule("1.17", "", Imports("example.com/pt")), []),
        ["indirect-go-1.16"] = (MainModule("1.16", "require (\n\texample.com/a v1.0.0\n\texample.com/b v1.0.0\n\texample.com/c v1.0.0 // indirect\n)",
            Imports("example.com/a", "example.com/c")), []),
        ["indirect-go-1.17"] = (MainModule("1.17", "require (\n\texample.com/a v1.0.0\n\texample.com/b v1.0.0\n\texample.com/c v1.0.0 // indirect\n)",
            Imports("example.com/a", "example.com/c")), []),
        ["indirect-go-1.15-all-closes-over-tests"] = (MainModule("1.15", "require example.com/a v1.0.0", Imports("example.com/a")), []),
        ["unpruned-main-old-dependency"] = (MainModule("1.16", "require example.com/old v1.0.0", Imports("example.com/old")), []),
        ["compat-default-keeps-go-1.16-sums"] = (MainModule("1.17", "require (\n\texample.com/compat/lazy v0.1.0\n\texample.com/compat/version v1.1.0\n)",
            Imports("example.com/compat/lazy", "example.com/compat/version")), []),
        ["compat-explicit-1.17-drops-go-1.16-sums"] = (MainModule("1.17", "require (\n\texample.com/compat/lazy v0.1.0\n\texample.com/compat/version v1.1.0\n)",
            Imports("example.com/compat/lazy", "example.com/compat/version")), ["-compat=1.17"]),
        ["compat-explicit-1.16-on-go-1.18"] = (MainModule("1.18", "require (\n\texample.com/compat/lazy v0.1.0\n\texample.com/compat/version v1.1.0\n)",
            Imports("example.com/compat/lazy", "example.com/compat/version")), ["-compat=1.16"]),
        ["compat-mismatch-fails"] = (MainModule("1.17", "require (\n\texample.com/compat/pruned v0.1.0\n\texample.com/compat/version v1.1.0\n)",
            Imports("example.com/compat/pruned", "example.com/compat/version")), []),
        ["compat-mismatch-with-compat-1.17"] = (MainModule("1.17", "require (\n\texample.com/compat/pruned v0.1.0\n\texample.com/compat/version v1.1.0\n)",
            Imports("example.com/compat/pruned", "example.com/compat/version")), ["-compat=1.17"]),
        ["compat-mismatch-with-e"] = (MainModule("1.17", "require (\n\texample.com/compat/pruned v0.1.0\n\texample.com/compat/version v1.1.0\n)",
            Imports("example.com/compat/pruned", "example.com/compat/version")), ["-e"]),
        ["import-nobody-provides-fails"] = (MainModule("1.17", "require example.com/a v1.0.0", Imports("example.com/nobody/pkg")), []),
        ["import-nobody-provides-with-e"] = (MainModule("1.17", "require example.com/a v1.0.0", Imports("example.com/nobody/pkg", "example.com/c")), ["-e"]),
        ["build-ignore-file"] = (MainModule("1.17", "", MainGo + "func main() {}\n"
            + "-- tool.go --\n//go:build ignore\n\npackage main\n\nimport _ \"example.com/a\"\n"
            + "-- tools/only_ignored.go --\n//go:build ignore\n\npackage tools\n\nimport _ \"example.com/c\"\n"), []),
        ["goos-file-suffixes"] = (MainModule("1.17", "", MainGo + "func main() {}\n"
            + "-- os_linux.go --\npackage main\n\nimport _ \"example.com/l\"\n-- os_windows.go --\npackage main\n\nimport _ \"example.com/w\"\n"), []),
        ["plus-build-lines"] = (MainModule("1.17", "", MainGo + "func main() {}\n"
            + "-- old.go --\n// +build !linux\n\npackage main\n\nimport _ \"example.com/w\"\n"
            + "-- custom.go --\n//go:build mytag\n\npackage main\n\nimport _ \"example.com/c\"\n"), []),
        ["dependency-build-tags"] = (MainModule("1.17", "require example.com/tags v1.0.0", Imports("example.com/tags")), []),
        ["directory-replacement"] = (MainModule("1.17", "require example.com/r v1.0.0\n\nreplace example.com/r => ../r", Imports("example.com/r/rp")
            + "-- ../r/go.mod --\nmodule example.com/r\n\ngo 1.17\n\nrequire example.com/c v1.0.0\n"
            + "-- ../r/rp/rp.go --\npackage rp\n\nimport _ \"example.com/c\"\n"), []),
        ["version-replacement"] = (MainModule("1.17", "require example.com/rep v1.0.0\n\nreplace example.com/rep v1.0.0 => example.com/rep v1.1.0", Imports("example.com/rep")), []),
        ["excluded-requirement"] = (MainModule("1.17", "require example.com/a v1.0.0\n\nrequire example.com/b v1.0.0 // indirect\n\nexclude example.com/a v1.0.0", Imports("example.com/a")), []),
        ["major-v2-missing"] = (MainModule("1.17", "", Imports("example.com/v/v2", "example.com/v/v2/inner")), []),
        ["incompatible-required"] = (MainModule("1.17", "require example.com/inc v2.0.0+incompatible", Imports("example.com/inc")), []),
        ["incompatible-missing"] = (MainModule("1.17", "", Imports("example.com/inc")), []),
        ["no-go-line"] = (MainModule("", "require example.com/a v1.0.0", Imports("example.com/a")), []),
        ["comments-kept"] = (MainModule("1.17", "// The one thing we need.\nrequire (\n\t// a is imported.\n\texample.com/a v1.0.0 // keep me\n\texample.com/c v1.0.0 // unused, goes\n)\n\n// Retracted by nobody.\nexclude example.com/w v1.9.0",
            Imports("example.com/a")), []),
        ["untidy-dependency"] = (MainModule("1.17", "require example.com/untidy v1.0.0", Imports("example.com/untidy")), []),
        ["nested-module-in-main"] = (MainModule("1.17", "require example.com/main/nested v0.0.0\n\nreplace example.com/main/nested => ./nested", Imports("example.com/main/nested/n")
            + "-- nested/go.mod --\nmodule example.com/main/nested\n\ngo 1.17\n-- nested/n/n.go --\npackage n\n"), []),
        ["ambiguous-import-fails"] = (MainModule("1.17", "require (\n\texample.com/amb v1.0.0\n\texample.com/amb/sub v1.0.0\n)", Imports("example.com/amb/sub")), []),
        ["stale-go-sum-lines"] = (MainModule("1.17", "require example.com/c v1.0.0", Imports("example.com/c")
            + "-- go.sum --\nexample.com/w v1.0.0 h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\nexample.com/w v1.0.0/go.mod h1:BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB=\n"), []),
        ["unpruned-alt-module-kept"] = (MainModule("1.16", "require (\n\texample.com/alt v1.0.0\n\texample.com/alt/sub v1.0.0\n)", Imports("example.com/alt/sub")), []),
        ["pruned-alt-module-dropped"] = (MainModule("1.17", "require (\n\texample.com/alt v1.0.0\n\texample.com/alt/sub v1.0.0\n)", Imports("example.com/alt/sub")), []),
        ["missing-import-latest-retracted"] = (MainModule("1.17", "", Imports("example.com/ret")), []),
        ["verbose-unused-pruned"] = (MainModule("1.17", "require (\n\texample.com/a v1.0.0\n\texample.com/c v1.0.0\n\texample.com/w v1.0.0\n)", Imports("example.com/c")), ["-v"]),
        ["verbose-unused-unpruned"] = (MainModule("1.16", "require (\n\texample.com/a v1.0.0\n\texample.com/b v1.0.0\n\texample.com/c v1.0.0\n)", Imports("example.com/c")), ["-v"]),
        ["already-tidy-std-only"] = (MainModule("1.17", "", MainGo + "func main() {}\n"), []),
    };
}
