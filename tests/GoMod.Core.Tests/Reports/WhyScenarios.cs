namespace GoMod.Core.Tests.Reports;

/// <summary>Authored module graphs (ProxyScenario text) for go mod why: main packages, their tests, dependencies' tests.</summary>
internal static class WhyScenarios
{
    /// <summary>
    /// Main package imports a/x, whose test imports c/t; a main sub-package's test imports b; c/u is provided but
    /// needed by nobody.
    /// </summary>
    public const string Tests = """
        -- go.mod --
        module example.com/m

        go 1.19

        require (
        	example.com/a v1.0.0
        	example.com/b v1.0.0
        	example.com/c v1.0.0
        )
        -- m.go --
        package m

        import _ "example.com/a/x"
        -- sub/s.go --
        package sub
        -- sub/s_test.go --
        package sub

        import _ "example.com/b"
        -- example.com/a@v1.0.0 --
        go 1.19

        require example.com/c v1.0.0
        -- example.com/a@v1.0.0/x/x.go --
        package x

        import _ "example.com/a/y"
        -- example.com/a@v1.0.0/x/x_test.go --
        package x

        import _ "example.com/c/t"
        -- example.com/a@v1.0.0/y/y.go --
        package y
        -- example.com/b@v1.0.0 --
        go 1.19
        -- example.com/b@v1.0.0/b.go --
        package b
        -- example.com/c@v1.0.0 --
        go 1.19
        -- example.com/c@v1.0.0/t/t.go --
        package t
        -- example.com/c@v1.0.0/u/u.go --
        package u
        """;

    /// <summary>
    /// Main packages a, a/b, a-c and z (directory walk order differs from string order: a, a/b, a-c) all reaching
    /// d/x or d/y, both of which import d/w: the shortest path depends on the order of the roots and of the imports.
    /// </summary>
    public const string Order = """
        -- go.mod --
        module example.com/m

        go 1.19

        require example.com/d v1.0.0
        -- a/a.go --
        package a
        -- a/b/b.go --
        package b

        import _ "example.com/d/x"
        -- a-c/c.go --
        package c

        import _ "example.com/d/x"
        -- z/z.go --
        package z

        import (
        	_ "example.com/d/y"
        	_ "example.com/d/x"
        )
        -- example.com/d@v1.0.0 --
        go 1.19
        -- example.com/d@v1.0.0/x/x.go --
        package x

        import _ "example.com/d/w"
        -- example.com/d@v1.0.0/y/y.go --
        package y

        import _ "example.com/d/w"
        -- example.com/d@v1.0.0/w/w.go --
        package w
        """;

    /// <summary>
    /// A nested module (n and n/inner), a /v2 module imported only from a _windows.go file (every tag counts), an
    /// import in a //go:build ignore file (never counts), an external test of the main package, the standard library.
    /// </summary>
    public const string Nested = """
        -- go.mod --
        module example.com/m

        go 1.19

        require (
        	example.com/n v1.0.0
        	example.com/n/inner v1.0.0
        	example.com/v/v2 v2.0.0
        )
        -- main.go --
        package main

        import (
        	"fmt"

        	_ "example.com/n"
        )

        func main() { fmt.Println() }
        -- win_windows.go --
        package main

        import _ "example.com/v/v2/win"
        -- ign.go --
        //go:build ignore

        package main

        import _ "example.com/n/inner/ignored"
        -- x_test.go --
        package main_test

        import _ "example.com/n/inner"
        -- example.com/n@v1.0.0 --
        go 1.19
        -- example.com/n@v1.0.0/n.go --
        package n

        import _ "example.com/n/inner/deep"
        -- example.com/n/inner@v1.0.0 --
        go 1.19
        -- example.com/n/inner@v1.0.0/inner.go --
        package inner
        -- example.com/n/inner@v1.0.0/deep/deep.go --
        package deep
        -- example.com/n/inner@v1.0.0/ignored/i.go --
        package ignored
        -- example.com/v/v2@v2.0.0 --
        go 1.19
        -- example.com/v/v2@v2.0.0/win/w.go --
        package win
        -- example.com/v/v2@v2.0.0/other/o.go --
        package other
        """;

    /// <summary>
    /// A module replaced by a local directory (its package imports a module from the proxy), and a module replaced by
    /// another module version.
    /// </summary>
    public const string Replaced = """
        -- go.mod --
        module example.com/m

        go 1.19

        require (
        	example.com/old v1.0.0
        	example.com/r v1.0.0
        	example.com/s v1.0.0
        )

        replace example.com/r => ../r

        replace example.com/old => example.com/new v1.1.0
        -- m.go --
        package m

        import (
        	_ "example.com/old/o"
        	_ "example.com/r/p"
        )
        -- ../r/go.mod --
        module example.com/r

        go 1.19

        require example.com/s v1.0.0
        -- ../r/p/p.go --
        package p

        import _ "example.com/s/deep"
        -- ../r/p/p_test.go --
        package p

        import _ "example.com/s/testonly"
        -- example.com/s@v1.0.0 --
        go 1.19
        -- example.com/s@v1.0.0/deep/d.go --
        package deep
        -- example.com/s@v1.0.0/testonly/t.go --
        package testonly
        -- example.com/new@v1.1.0 --
        module example.com/old

        go 1.19
        -- example.com/new@v1.1.0/o/o.go --
        package o
        """;

    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>
    {
        ["replaced"] = Replaced,
        ["tests"] = Tests,
        ["order"] = Order,
        ["nested"] = Nested,
    };
}
