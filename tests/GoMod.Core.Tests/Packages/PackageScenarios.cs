namespace GoMod.Core.Tests.Packages;

/// <summary>
/// Authored main modules for the package graph (see <see cref="Mvs.ProxyScenario"/> for the format): packages spread
/// over several modules, nested modules, build-constrained files, cgo, tests, embeds, /v2 and +incompatible modules,
/// directory replacements, ambiguous and missing imports. The dependencies are <see cref="Modules"/>.
/// </summary>
public static class PackageScenarios
{
    /// <summary>The modules the scenarios' main modules use, served by the proxy.</summary>
    public const string Modules = """
        -- example.com/a@v1.0.0 --
        go 1.17

        require example.com/b v1.0.0
        -- example.com/a@v1.0.0/a.go --
        package a

        import "example.com/b/bp"

        var A = bp.B
        -- example.com/a@v1.0.0/a_test.go --
        package a

        import "example.com/t"

        var _ = t.T
        -- example.com/a@v1.0.0/sub/sub.go --
        package sub
        -- example.com/a@v1.1.0 --
        go 1.17

        require example.com/b v1.1.0
        -- example.com/a@v1.1.0/a.go --
        package a

        import "example.com/b/bp"

        var A = bp.B
        -- example.com/a@v1.1.0/sub/sub.go --
        package sub
        -- example.com/a@v1.1.0/newpkg/n.go --
        package newpkg
        -- example.com/a@v1.2.0-pre --
        go 1.17

        require example.com/b v1.1.0
        -- example.com/a@v1.2.0-pre/a.go --
        package a
        -- example.com/b@v1.0.0 --
        go 1.17
        -- example.com/b@v1.0.0/bp/b.go --
        package bp

        var B = 1
        -- example.com/b@v1.0.0/other/o.go --
        package other

        import "example.com/c"

        var O = c.C
        -- example.com/b@v1.1.0 --
        go 1.17
        -- example.com/b@v1.1.0/bp/b.go --
        package bp

        var B = 2
        -- example.com/c@v1.0.0 --
        go 1.16
        -- example.com/c@v1.0.0/c.go --
        package c

        var C = 3
        -- example.com/t@v1.0.0 --
        go 1.17
        -- example.com/t@v1.0.0/t.go --
        package t

        var T = 4
        -- example.com/l@v1.0.0 --
        go 1.17
        -- example.com/l@v1.0.0/l.go --
        package l
        -- example.com/w@v1.0.0 --
        go 1.17
        -- example.com/w@v1.0.0/w.go --
        package w
        -- example.com/v/v2@v2.1.0 --
        go 1.17
        -- example.com/v/v2@v2.1.0/v.go --
        package v
        -- example.com/v/v2@v2.1.0/inner/i.go --
        package inner
        -- example.com/inc@v2.0.0+incompatible --
        -- example.com/inc@v2.0.0+incompatible/inc.go --
        package inc
        -- example.com/amb@v1.0.0 --
        go 1.17
        -- example.com/amb@v1.0.0/sub/s.go --
        package sub
        -- example.com/amb/sub@v1.0.0 --
        go 1.17
        -- example.com/amb/sub@v1.0.0/s.go --
        package sub
        -- example.com/deep/a@v1.0.0 --
        go 1.17
        -- example.com/deep/a@v1.0.0/b/b.go --
        package b
        -- example.com/deep@v1.0.0 --
        go 1.17
        -- example.com/deep@v1.0.0/d.go --
        package deep
        -- example.com/untidy@v1.0.0 --
        go 1.17
        -- example.com/untidy@v1.0.0/u.go --
        package untidy

        import "example.com/c"

        var U = c.C
        -- example.com/tags@v1.0.0 --
        go 1.17
        -- example.com/tags@v1.0.0/t.go --
        package tags
        -- example.com/tags@v1.0.0/t_windows.go --
        package tags

        import "example.com/w"
        -- example.com/tags@v1.0.0/t_linux.go --
        package tags

        import "example.com/l"
        -- example.com/old@v1.0.0 --
        go 1.14

        require example.com/c v1.0.0
        -- example.com/old@v1.0.0/old.go --
        package old

        import "example.com/c"

        var O = c.C
        -- example.com/emb@v1.0.0 --
        go 1.17
        -- example.com/emb@v1.0.0/e.go --
        package emb

        import _ "embed"

        //go:embed data.txt
        var S string
        -- example.com/emb@v1.0.0/data.txt --
        hello
        -- example.com/rep@v1.0.0 --
        go 1.17
        -- example.com/rep@v1.0.0/r.go --
        package rep
        -- example.com/rep@v1.1.0 --
        go 1.17
        -- example.com/rep@v1.1.0/r.go --
        package rep

        import "example.com/c"
        -- example.com/cg@v1.0.0 --
        go 1.17
        -- example.com/cg@v1.0.0/cg.go --
        package cg
        -- example.com/cg@v1.0.0/cg_cgo.go --
        package cg

        // int one(void) { return 1; }
        import "C"

        import _ "example.com/w"
        -- example.com/cg@v1.0.0/cg_nocgo.go --
        //go:build !cgo

        package cg

        import _ "example.com/l"
        """;

    private static string MainModule(string go, string requires, string files, string extra = "") =>
        "-- go.mod --\nmodule example.com/main\n\ngo " + go + "\n" + (requires.Length == 0 ? "" : "\n" + requires.Trim() + "\n") + extra + "\n" + files.Trim() + "\n";

    private const string MainGo = "-- main.go --\npackage main\n\n";

    /// <summary>Scenario name → main module (go.mod and files; <c>../x/...</c> sections are directory replacements).</summary>
    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>
    {
        ["two-modules"] = MainModule("1.17", "require example.com/a v1.0.0\n\nrequire example.com/b v1.0.0 // indirect",
            MainGo + "import \"example.com/a\"\n\nfunc main() { _ = a.A }"),
        ["std-only"] = MainModule("1.17", "", MainGo + "import (\n\t\"fmt\"\n\t\"strings\"\n)\n\nfunc main() { fmt.Println(strings.ToUpper(\"x\")) }"),
        ["several-packages"] = MainModule("1.17", "require (\n\texample.com/a v1.0.0\n\texample.com/c v1.0.0\n)\n\nrequire example.com/b v1.0.0 // indirect",
            MainGo + "import (\n\t_ \"example.com/main/internal/x\"\n\t_ \"example.com/a/sub\"\n)\n\nfunc main() {}\n"
            + "-- internal/x/x.go --\npackage x\n\nimport (\n\t\"example.com/a\"\n\t\"example.com/c\"\n)\n\nvar X = a.A + c.C\n"
            + "-- lib/lib.go --\npackage lib\n\nimport \"example.com/b/other\"\n\nvar L = other.O\n"),
        ["missing-requirement"] = MainModule("1.17", "", MainGo + "import \"example.com/a\"\n\nfunc main() { _ = a.A }"),
        ["missing-longest-prefix"] = MainModule("1.17", "", MainGo + "import (\n\t\"example.com/deep/a/b\"\n\t\"example.com/deep\"\n)\n\nfunc main() {}"),
        ["import-nobody-provides"] = MainModule("1.17", "", MainGo + "import \"example.com/nobody/pkg\"\n\nfunc main() {}"),
        ["ambiguous-import"] = MainModule("1.17", "require (\n\texample.com/amb v1.0.0\n\texample.com/amb/sub v1.0.0\n)",
            MainGo + "import _ \"example.com/amb/sub\"\n\nfunc main() {}"),
        ["nested-module-in-main"] = MainModule("1.17", "require example.com/main/nested v0.0.0\n\nreplace example.com/main/nested => ./nested",
            MainGo + "import \"example.com/main/nested/n\"\n\nfunc main() { _ = n.N }\n"
            + "-- nested/go.mod --\nmodule example.com/main/nested\n\ngo 1.17\n"
            + "-- nested/n/n.go --\npackage n\n\nvar N = 1\n"),
        ["directory-replacement"] = MainModule("1.17", "require example.com/r v1.0.0\n\nreplace example.com/r => ../r",
            MainGo + "import \"example.com/r/rp\"\n\nfunc main() { _ = rp.R }\n"
            + "-- ../r/go.mod --\nmodule example.com/r\n\ngo 1.17\n\nrequire example.com/c v1.0.0\n"
            + "-- ../r/rp/rp.go --\npackage rp\n\nimport \"example.com/c\"\n\nvar R = c.C\n"),
        ["directory-replacement-missing-dep"] = MainModule("1.17", "require example.com/r v1.0.0\n\nreplace example.com/r => ../r",
            MainGo + "import \"example.com/r/rp\"\n\nfunc main() { _ = rp.R }\n"
            + "-- ../r/go.mod --\nmodule example.com/r\n\ngo 1.17\n"
            + "-- ../r/rp/rp.go --\npackage rp\n\nimport \"example.com/c\"\n\nvar R = c.C\n"),
        ["version-replacement"] = MainModule("1.17", "require example.com/rep v1.0.0\n\nreplace example.com/rep v1.0.0 => example.com/rep v1.1.0",
            MainGo + "import _ \"example.com/rep\"\n\nfunc main() {}"),
        ["goos-file-suffixes"] = MainModule("1.17", "require (\n\texample.com/l v1.0.0\n\texample.com/w v1.0.0\n)",
            MainGo + "func main() {}\n"
            + "-- os_linux.go --\npackage main\n\nimport _ \"example.com/l\"\n"
            + "-- os_windows.go --\npackage main\n\nimport _ \"example.com/w\"\n"
            + "-- arch_arm64.go --\npackage main\n\nimport _ \"example.com/nobody/arm\"\n"),
        ["go-build-ignore"] = MainModule("1.17", "", MainGo + "func main() {}\n"
            + "-- tool.go --\n//go:build ignore\n\npackage main\n\nimport _ \"example.com/a\"\n"
            + "-- tools/only_ignored.go --\n//go:build ignore\n\npackage tools\n\nimport _ \"example.com/c\"\n"),
        ["plus-build-lines"] = MainModule("1.17", "require example.com/l v1.0.0", MainGo + "func main() {}\n"
            + "-- old.go --\n// +build !linux\n\npackage main\n\nimport _ \"example.com/w\"\n"
            + "-- old2.go --\n// +build linux,!cgo\n\npackage main\n\nimport _ \"example.com/l\"\n"
            + "-- custom.go --\n//go:build mytag\n\npackage main\n\nimport _ \"example.com/c\"\n"),
        ["cgo-file"] = MainModule("1.17", "require example.com/l v1.0.0", MainGo + "import _ \"example.com/l\"\n\nfunc main() {}\n"
            + "-- c.go --\npackage main\n\n// int x = 1;\nimport \"C\"\n\nimport _ \"example.com/w\"\n"),
        ["cgo-in-dependency"] = MainModule("1.17", "require example.com/cg v1.0.0", MainGo + "import _ \"example.com/cg\"\n\nfunc main() {}\n"),
        ["test-only-import"] = MainModule("1.17", "require example.com/a v1.0.0\n\nrequire example.com/b v1.0.0 // indirect",
            MainGo + "import _ \"example.com/a\"\n\nfunc main() {}\n"
            + "-- main_test.go --\npackage main\n\nimport (\n\t\"testing\"\n\n\t_ \"example.com/t\"\n)\n\nfunc TestX(t *testing.T) {}\n"),
        ["external-test-package"] = MainModule("1.17", "", MainGo + "func main() {}\n"
            + "-- lib/lib.go --\npackage lib\n"
            + "-- lib/lib_test.go --\npackage lib_test\n\nimport (\n\t\"testing\"\n\n\t_ \"example.com/c\"\n\t_ \"example.com/main/lib\"\n)\n\nfunc TestX(t *testing.T) {}\n"),
        ["tests-only-directory"] = MainModule("1.17", "", MainGo + "func main() {}\n"
            + "-- only/x_test.go --\npackage only\n\nimport (\n\t\"testing\"\n\n\t_ \"example.com/c\"\n)\n\nfunc TestX(t *testing.T) {}\n"),
        ["major-v2"] = MainModule("1.17", "require example.com/v/v2 v2.1.0", MainGo + "import (\n\t_ \"example.com/v/v2\"\n\t_ \"example.com/v/v2/inner\"\n)\n\nfunc main() {}"),
        ["missing-v2"] = MainModule("1.17", "", MainGo + "import _ \"example.com/v/v2/inner\"\n\nfunc main() {}"),
        ["incompatible"] = MainModule("1.17", "require example.com/inc v2.0.0+incompatible", MainGo + "import _ \"example.com/inc\"\n\nfunc main() {}"),
        ["skipped-directories"] = MainModule("1.17", "", MainGo + "func main() {}\n"
            + "-- testdata/x.go --\npackage x\n\nimport _ \"example.com/nobody/a\"\n"
            + "-- _hidden/x.go --\npackage x\n\nimport _ \"example.com/nobody/b\"\n"
            + "-- .dot/x.go --\npackage x\n\nimport _ \"example.com/nobody/c\"\n"
            + "-- _ignored.go --\npackage main\n\nimport _ \"example.com/nobody/d\"\n"),
        ["untidy-dependency"] = MainModule("1.17", "require example.com/untidy v1.0.0", MainGo + "import _ \"example.com/untidy\"\n\nfunc main() {}"),
        ["dependency-build-tags"] = MainModule("1.17", "require example.com/tags v1.0.0", MainGo + "import _ \"example.com/tags\"\n\nfunc main() {}"),
        ["unpruned-main"] = MainModule("1.16", "require example.com/old v1.0.0", MainGo + "import _ \"example.com/old\"\n\nfunc main() {}"),
        ["go-1.15-main"] = MainModule("1.15", "require example.com/a v1.0.0", MainGo + "import _ \"example.com/a\"\n\nfunc main() {}"),
        ["embed-patterns"] = MainModule("1.17", "require example.com/emb v1.0.0", MainGo
            + "import (\n\t_ \"embed\"\n\n\t_ \"example.com/emb\"\n)\n\n//go:embed static/*.txt \"quoted.txt\"\nvar s string\n\n//go:embed `raw.txt`\nvar r string\n\nfunc main() {}\n"
            + "-- static/a.txt --\na\n-- quoted.txt --\nq\n-- raw.txt --\nr\n"),
        ["upgrade-for-new-package"] = MainModule("1.17", "require example.com/a v1.0.0\n\nrequire example.com/b v1.0.0 // indirect",
            MainGo + "import (\n\t_ \"example.com/a\"\n\t_ \"example.com/a/newpkg\"\n)\n\nfunc main() {}"),
        ["newer-selected-lacks-package"] = MainModule("1.17", "require example.com/a v1.2.0-pre\n\nrequire example.com/b v1.1.0 // indirect",
            MainGo + "import _ \"example.com/a/newpkg\"\n\nfunc main() {}"),
        ["dotless-not-std"] = MainModule("1.17", "", MainGo + "import _ \"notstd/pkg\"\n\nfunc main() {}"),
        ["excluded-requirement"] = MainModule("1.17", "require example.com/a v1.0.0\n\nrequire example.com/b v1.0.0 // indirect\n\nexclude example.com/a v1.0.0",
            MainGo + "import _ \"example.com/a\"\n\nfunc main() {}"),
        ["named-and-dot-imports"] = MainModule("1.17", "require example.com/c v1.0.0",
            MainGo + "import (\n\tx \"example.com/c\"\n\t. \"example.com/nobody/dot\"\n)\n\nfunc main() { _ = x.C }"),
        ["package-without-go-files"] = MainModule("1.17", "require example.com/a v1.0.0\n\nrequire example.com/b v1.0.0 // indirect",
            MainGo + "import _ \"example.com/main/empty\"\n\nfunc main() {}\n-- empty/x.go --\n//go:build ignore\n\npackage empty\n"),
        // go 1.19's tool tags on amd64 and arm64: goexperiment.regabiwrappers and goexperiment.regabiargs, nothing else.
        ["goexperiment-constraints"] = MainModule("1.17", "", MainGo + "func main() {}\n"
            + "-- regabi.go --\n//go:build goexperiment.regabiargs\n\npackage main\n\nimport _ \"example.com/a\"\n"
            + "-- fieldtrack.go --\n//go:build goexperiment.fieldtrack\n\npackage main\n\nimport _ \"example.com/c\"\n"
            + "-- noregabi.go --\n//go:build !goexperiment.regabiwrappers\n\npackage main\n\nimport _ \"example.com/w\"\n"),
        ["indirect-only-graph"] = MainModule("1.17", "require example.com/a v1.1.0\n\nrequire example.com/b v1.1.0 // indirect",
            MainGo + "import _ \"example.com/a\"\n\nfunc main() {}\n-- lib/l.go --\npackage lib\n\nimport _ \"example.com/b/bp\"\n"),
    };

    /// <summary>Scenarios also compared with tests loaded (<c>go list -deps -test</c>).</summary>
    public static IReadOnlyList<string> WithTests { get; } =
        ["two-modules", "test-only-import", "external-test-package", "tests-only-directory", "several-packages", "go-1.15-main", "unpruned-main"];
}
