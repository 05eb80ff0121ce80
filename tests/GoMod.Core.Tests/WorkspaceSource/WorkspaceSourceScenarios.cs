namespace GoMod.Core.Tests.WorkspaceSource;

/// <summary>
/// Workspaces with Go source, for package loading over several main modules, <c>go work vendor</c>, <c>go mod why</c>
/// and go build's sums in a workspace (format of <see cref="Mvs.ProxyScenario"/>; the workspace is the scenario's main
/// directory, each used module a subdirectory). The proxy's modules carry LICENSE files, embeds and nested packages.
/// </summary>
public static class WorkspaceSourceScenarios
{
    /// <summary>The modules every scenario's proxy serves.</summary>
    public const string Modules = """
        -- example.com/x@v1.0.0 --
        go 1.17
        -- example.com/x@v1.0.0/LICENSE --
        x license v1.0.0
        -- example.com/x@v1.0.0/x.go --
        package x

        const X = "1.0.0"
        -- example.com/x@v1.0.0/unused/u.go --
        package unused
        -- example.com/x@v1.1.0 --
        go 1.17

        require example.com/y v1.0.0
        -- example.com/x@v1.1.0/LICENSE --
        x license v1.1.0
        -- example.com/x@v1.1.0/x.go --
        package x

        import "example.com/y"

        const X = "1.1.0" + y.Y
        -- example.com/x@v1.1.0/sub/s.go --
        package sub

        import "embed"

        //go:embed data/*.txt
        var S embed.FS
        -- example.com/x@v1.1.0/sub/data/a.txt --
        embedded a
        -- example.com/x@v1.1.0/sub/data/b.txt --
        embedded b
        -- example.com/x@v1.1.0/sub/x_test.go --
        package sub

        import _ "example.com/t"
        -- example.com/y@v1.0.0 --
        go 1.17
        -- example.com/y@v1.0.0/COPYING --
        y copying
        -- example.com/y@v1.0.0/y.go --
        package y

        const Y = "y1.0.0"
        -- example.com/y@v1.1.0 --
        go 1.17
        -- example.com/y@v1.1.0/y.go --
        package y

        const Y = "y1.1.0"
        -- example.com/z@v1.0.0 --
        go 1.16
        -- example.com/z@v1.0.0/LICENSE --
        z license
        -- example.com/z@v1.0.0/deep/pkg/z.go --
        package pkg

        import "example.com/y"

        var Z = y.Y
        -- example.com/t@v1.0.0 --
        go 1.17
        -- example.com/t@v1.0.0/t.go --
        package t
        -- example.com/e@v1.0.0 --
        go 1.17
        -- example.com/e@v1.0.0/e.go --
        package e

        import _ "embed"

        //go:embed e.txt
        var E string
        -- example.com/e@v1.0.0/e.txt --
        e
        -- example.com/e@v1.0.0/e_test.go --
        package e

        import _ "embed"

        //go:embed testdata/fixture.txt
        var F string
        -- example.com/e@v1.0.0/testdata/fixture.txt --
        fixture
        -- example.com/a@v0.2.0 --
        go 1.17

        require example.com/z v1.0.0
        -- example.com/a@v0.2.0/a.go --
        package a

        const A = "proxy a"
        """;

    /// <summary>Workspaces whose packages all load (go build and go work vendor accept them).</summary>
    public static readonly IReadOnlyDictionary<string, string> Valid = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // Two modules: a imports b (a main module, read from its directory) and x; b imports y.
        ["two_modules_importing_each_other"] = """
            -- go.work --
            go 1.19

            use (
            	./a
            	./b
            )
            -- a/go.mod --
            module example.com/a

            go 1.19

            require example.com/x v1.0.0
            -- a/a.go --
            package a

            import (
            	"example.com/b"
            	"example.com/x"
            )

            var A = b.B + x.X
            -- a/cmd/main.go --
            package main

            import "example.com/a"

            func main() { println(a.A) }
            -- b/go.mod --
            module example.com/b

            go 1.19

            require (
            	example.com/t v1.0.0
            	example.com/y v1.0.0
            )
            -- b/b.go --
            package b

            import "example.com/y"

            var B = y.Y
            -- b/b_test.go --
            package b

            import _ "example.com/t"
            """,

        // One dependency used by two modules at different versions: both build with the higher (x v1.1.0, its embed
        // and its requirement y); the third module imports both.
        ["three_modules_shared_dependency_versions"] = """
            -- go.work --
            go 1.19

            use ./a
            use ./b
            use ./c
            -- a/go.mod --
            module example.com/a

            go 1.19

            require example.com/x v1.0.0
            -- a/a.go --
            package a

            import "example.com/x"

            var A = x.X
            -- b/go.mod --
            module example.com/b

            go 1.19

            require example.com/x v1.1.0

            require example.com/y v1.0.0 // indirect
            -- b/b.go --
            package b

            import "example.com/x/sub"

            var B = sub.S
            -- c/go.mod --
            module example.com/c

            go 1.18
            -- c/main.go --
            package main

            import (
            	"example.com/a"
            	"example.com/b"
            )

            func main() { println(a.A); _ = b.B }
            """,

        // go.work replaces x with a directory and y at one version with another.
        ["replace_in_go_work"] = """
            -- go.work --
            go 1.19

            use (
            	./a
            	./b
            )

            replace (
            	example.com/x => ./xlocal
            	example.com/y v1.1.0 => example.com/y v1.0.0
            )
            -- a/go.mod --
            module example.com/a

            go 1.19

            require example.com/x v1.0.0
            -- a/a.go --
            package a

            import "example.com/x"

            var A = x.X
            -- b/go.mod --
            module example.com/b

            go 1.19

            require example.com/y v1.1.0
            -- b/b.go --
            package b

            import "example.com/y"

            var B = y.Y
            -- xlocal/go.mod --
            module example.com/x

            go 1.17
            -- xlocal/x.go --
            package x

            const X = "local"
            -- xlocal/LICENSE --
            local license
            """,

        // A module's go.mod replaces a dependency (applies to the whole workspace), once by version, once by directory.
        ["replace_in_go_mod"] = """
            -- go.work --
            go 1.19

            use (
            	./a
            	./b
            )
            -- a/go.mod --
            module example.com/a

            go 1.19

            require example.com/y v1.1.0

            replace example.com/y => example.com/y v1.0.0
            -- a/a.go --
            package a

            import "example.com/y"

            var A = y.Y
            -- b/go.mod --
            module example.com/b

            go 1.19

            require example.com/z v1.0.0

            replace example.com/z => ../zlocal
            -- b/b.go --
            package b

            import "example.com/z/deep/pkg"

            var B = pkg.Z
            -- zlocal/go.mod --
            module example.com/z

            go 1.19

            require example.com/y v1.0.0
            -- zlocal/deep/pkg/z.go --
            package pkg

            import "example.com/y"

            var Z = "local " + y.Y
            """,

        // A main module also required by version by another: the workspace copy provides its packages; the required
        // version's go.mod still brings its requirement (z, pruned) into the graph.
        ["main_module_required_by_version"] = """
            -- go.work --
            go 1.19

            use (
            	./a
            	./b
            )
            -- a/go.mod --
            module example.com/a

            go 1.19
            -- a/a.go --
            package a

            const A = "workspace a"
            -- b/go.mod --
            module example.com/b

            go 1.19

            require (
            	example.com/a v0.2.0
            	example.com/z v1.0.0
            )

            require example.com/y v1.0.0 // indirect
            -- b/b.go --
            package b

            import (
            	"example.com/a"
            	"example.com/z/deep/pkg"
            )

            var B = a.A + pkg.Z
            """,

        // Embeds in a main module and license files at the modules' roots; the workspace's go line is below 1.17
        // (modules.txt records explicit and go lines as that version writes them).
        ["embeds_and_licenses_go_1_18_workspace"] = """
            -- go.work --
            go 1.18

            use (
            	./a
            	./b
            )
            -- a/go.mod --
            module example.com/a

            go 1.16

            require (
            	example.com/x v1.1.0
            	example.com/y v1.0.0
            )
            -- a/a.go --
            package a

            import (
            	_ "embed"

            	"example.com/x/sub"
            )

            //go:embed a.txt
            var A string

            var S = sub.S
            -- a/a.txt --
            text
            -- b/go.mod --
            module example.com/b

            go 1.19

            require example.com/z v1.0.0
            -- b/b.go --
            package b

            import "example.com/z/deep/pkg"

            var B = pkg.Z
            """,
    };

    /// <summary>
    /// Workspaces whose go.work says a go version after 1.19 (go 1.23 is their oracle): go 1.22+ vendors a dependency's
    /// test embeds only below go 1.22.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Later = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["test_embeds_go_1_22_workspace"] = TestEmbeds("1.22"),
        ["test_embeds_go_1_21_workspace"] = TestEmbeds("1.21"),
        // Nothing outside the workspace is imported: go 1.23's vendor/modules.txt holds only its "## workspace" line.
        ["no_dependencies_go_1_22_workspace"] = """
            -- go.work --
            go 1.22

            use (
            	./a
            	./b
            )
            -- a/go.mod --
            module example.com/a

            go 1.19
            -- a/a.go --
            package a

            import "example.com/b"

            var A = b.B
            -- b/go.mod --
            module example.com/b

            go 1.19
            -- b/b.go --
            package b

            const B = "b"
            """,
    };

    private static string TestEmbeds(string goVersion) => $$"""
        -- go.work --
        go {{goVersion}}

        use (
        	./a
        	./b
        )
        -- a/go.mod --
        module example.com/a

        go 1.19

        require example.com/e v1.0.0
        -- a/a.go --
        package a

        import "example.com/e"

        var A = e.E
        -- b/go.mod --
        module example.com/b

        go 1.19

        require example.com/x v1.0.0
        -- b/b.go --
        package b

        import "example.com/x"

        var B = x.X
        """;
}
