namespace GoMod.Core.Tests.ModGet;

/// <summary><c>go get</c> cases: a scenario (see <see cref="ProxyScenario"/>), the <c>-u</c> value and the arguments.</summary>
public static class GetScenarios
{
    private const string Modules = """
        -- example.com/a@v1.0.0 --
        go 1.17

        require example.com/b v1.0.0
        -- example.com/a@v1.1.0 --
        go 1.17

        require example.com/b v1.1.0
        -- example.com/a@v1.2.0 --
        go 1.17

        require (
        	example.com/b v1.1.0
        	example.com/c v1.0.0
        )
        -- example.com/a@v1.3.0-pre --
        go 1.17

        require example.com/b v1.2.0
        -- example.com/b@v1.0.0 --
        go 1.17
        -- example.com/b@v1.1.0 --
        go 1.17
        -- example.com/b@v1.1.1 --
        go 1.17
        -- example.com/b@v1.2.0 --
        go 1.17

        require example.com/c v1.1.0
        -- example.com/c@v1.0.0 --
        go 1.16

        require example.com/d v1.0.0
        -- example.com/c@v1.1.0 --
        go 1.16
        -- example.com/d@v1.0.0 --
        go 1.16
        -- example.com/old@v1.0.0 --
        go 1.14

        require example.com/c v1.0.0
        -- example.com/old@v1.1.0 --
        go 1.14

        require example.com/b v1.0.0
        """;

    private const string PrunedMain = """
        -- go.mod --
        module example.com/main

        go 1.17

        require example.com/a v1.1.0

        require example.com/b v1.1.0 // indirect

        """;

    private const string UnprunedMain = """
        -- go.mod --
        module example.com/main

        go 1.16

        require (
        	example.com/a v1.1.0
        	example.com/old v1.0.0
        )

        """;

    private static string PackageMain(string go, string? requires = null) =>
        "-- go.mod --\nmodule example.com/main\n\ngo " + go + "\n" + (requires is null ? "" : "\nrequire " + requires.Replace("\n\trequire ", "\nrequire ", StringComparison.Ordinal) + "\n") + "\n";

    /// <summary>Modules with Go packages: pa imports pb, pb imports pc; build tags, tests and nested modules around them.</summary>
    private const string Packages = """
        -- example.com/pa@v1.0.0 --
        go 1.17

        require (
        	example.com/pb v1.0.0
        	example.com/pc v1.0.0 // indirect
        )
        -- example.com/pa@v1.0.0/a.go --
        package pa

        import (
        	"fmt"
        	_ "example.com/pb"
        )

        var _ = fmt.Sprint
        -- example.com/pa@v1.0.0/ignored.go --
        //go:build ignore

        package pa

        import _ "example.com/never/exists"
        -- example.com/pa@v1.0.0/a_test.go --
        package pa

        import _ "example.com/testonly"
        -- example.com/pa@v1.0.0/sub/sub.go --
        // Package sub is a subpackage.
        package sub

        import _ "example.com/pc/util"
        -- example.com/pa@v1.1.0 --
        go 1.17

        require (
        	example.com/pb v1.0.0
        	example.com/pc v1.0.0 // indirect
        	example.com/pd v1.0.0
        )
        -- example.com/pa@v1.1.0/a.go --
        package pa

        import (
        	_ "example.com/pb"
        	_ "example.com/pd"
        )
        -- example.com/pb@v1.0.0 --
        go 1.17

        require example.com/pc v1.0.0
        -- example.com/pb@v1.0.0/b.go --
        // +build linux,!windows

        package pb

        import _ "example.com/pc"
        -- example.com/pb@v1.0.1 --
        go 1.17

        require example.com/pc v1.0.0
        -- example.com/pb@v1.0.1/b.go --
        package pb

        import _ "example.com/pc"
        -- example.com/pb@v1.1.0 --
        go 1.17

        require example.com/pc v1.1.0
        -- example.com/pb@v1.1.0/b.go --
        package pb

        import _ "example.com/pc"
        -- example.com/pc@v1.0.0 --
        go 1.17
        -- example.com/pc@v1.0.0/c.go --
        package pc
        -- example.com/pc@v1.0.0/util/u.go --
        package util
        -- example.com/pc@v1.1.0 --
        go 1.17
        -- example.com/pc@v1.1.0/c.go --
        package pc
        -- example.com/pc@v1.1.0/util/u.go --
        package util
        -- example.com/pd@v1.0.0 --
        go 1.17
        -- example.com/pd@v1.0.0/d.go --
        package pd
        -- example.com/pmissing@v1.0.0 --
        go 1.17
        -- example.com/pmissing@v1.0.0/m.go --
        package pmissing

        import _ "example.com/pd"
        -- example.com/pbroken@v1.0.0 --
        go 1.17
        -- example.com/pbroken@v1.0.0/x.go --
        package pbroken

        import _ "example.com/nowhere/to/be/found"
        -- example.com/pcons@v1.0.0 --
        go 1.17
        -- example.com/pcons@v1.0.0/f1.go --
        //go:build ignore || linux

        package pcons

        import _ "example.com/pq1"
        -- example.com/pcons@v1.0.0/f2.go --
        /* block
        */
        // +build ignore

        package pcons

        import _ "example.com/pq2"
        -- example.com/pcons@v1.0.0/f3.go --
        // +build ignore
        package pcons

        import _ "example.com/pq3"
        -- example.com/pcons@v1.0.0/f4.go --
        // Copyright notice.

        // +build !ignore,amd64 ignore

        package pcons

        import _ "example.com/pq4"
        -- example.com/pcons@v1.0.0/f5.go --
        //go:build !linux && !ignore

        package pcons

        import _ "example.com/pq5"
        -- example.com/pcons@v1.0.0/f6.go --
        //go:build linux,amd64

        package pcons

        import _ "example.com/pq6"
        -- example.com/pq1@v1.0.0 --
        -- example.com/pq1@v1.0.0/p.go --
        package pq1
        -- example.com/pq2@v1.0.0 --
        -- example.com/pq2@v1.0.0/p.go --
        package pq2
        -- example.com/pq3@v1.0.0 --
        -- example.com/pq3@v1.0.0/p.go --
        package pq3
        -- example.com/pq4@v1.0.0 --
        -- example.com/pq4@v1.0.0/p.go --
        package pq4
        -- example.com/pq5@v1.0.0 --
        -- example.com/pq5@v1.0.0/p.go --
        package pq5
        -- example.com/pq6@v1.0.0 --
        -- example.com/pq6@v1.0.0/p.go --
        package pq6
        -- example.com/pnest@v1.0.0 --
        go 1.17
        -- example.com/pnest@v1.0.0/top.go --
        package pnest
        -- example.com/pnest/inner@v1.0.0 --
        go 1.17
        -- example.com/pnest/inner@v1.0.0/in.go --
        package inner

        import _ "example.com/pnest"
        """;

    /// <summary>A main module whose packages import pa (root), pd (not yet required) and, on windows only, pq6.</summary>
    private const string MainWithPackages = """
        -- go.mod --
        module example.com/main

        go 1.17

        require example.com/pa v1.0.0

        require (
        	example.com/pb v1.0.0 // indirect
        	example.com/pc v1.0.0 // indirect
        )
        -- main.go --
        package main

        import _ "example.com/pa"

        func main() {}
        -- cmd/tool/tool.go --
        package main

        import (
        	_ "example.com/pb"
        	_ "example.com/pd"
        )
        -- winonly/w_windows.go --
        package winonly

        import _ "example.com/pq6"
        -- testdata/t.go --
        package testdata

        import _ "example.com/pq5"
        -- docs/README.md --
        nothing here
        -- nested/go.mod --
        module example.com/main/nested
        -- nested/n.go --
        package nested

        import _ "example.com/pq4"

        """;

    private static (string, string, string[]) Pruned(params string[] args) => (PrunedMain + Modules, "", args);

    private static (string, string, string[]) Unpruned(params string[] args) => (UnprunedMain + Modules, "", args);

    public static readonly IReadOnlyDictionary<string, (string Scenario, string Upgrade, string[] Args)> All =
        new Dictionary<string, (string, string, string[])>(StringComparer.Ordinal)
        {
            ["pruned_upgrade_exact_adds_new_indirect"] = Pruned("example.com/a@v1.2.0"),
            ["pruned_latest"] = Pruned("example.com/a@latest"),
            ["pruned_no_version_means_upgrade"] = Pruned("example.com/a"),
            ["pruned_downgrade_keeps_other_roots"] = Pruned("example.com/a@v1.0.0"),
            ["pruned_remove_direct"] = Pruned("example.com/a@none"),
            ["pruned_remove_dependency_removes_dependents"] = Pruned("example.com/b@none"),
            ["pruned_upgrade_indirect_pulls_new_module"] = Pruned("example.com/b@v1.2.0"),
            ["pruned_add_new_module"] = Pruned("example.com/c@v1.0.0"),
            ["pruned_prerelease"] = Pruned("example.com/a@v1.3.0-pre"),
            ["pruned_prefix_query"] = Pruned("example.com/a@v1.1"),
            ["pruned_less_than_query"] = Pruned("example.com/a@<v1.2.0"),
            ["pruned_at_least_query_prefers_lowest"] = Pruned("example.com/a@>=v1.1.0"),
            ["pruned_greater_than_query"] = Pruned("example.com/b@>v1.1.0"),
            ["pruned_patch_query"] = Pruned("example.com/b@patch"),
            ["pruned_dash_u"] = (PrunedMain + Modules, "upgrade", ["example.com/a"]),
            ["pruned_dash_u_patch"] = (PrunedMain + Modules, "patch", ["example.com/b"]),
            ["pruned_missing_version_fails"] = Pruned("example.com/a@v1.9.0"),
            ["pruned_missing_module_fails"] = Pruned("example.com/nope@latest"),
            ["pruned_constraint_conflict_fails"] = Pruned("example.com/a@v1.2.0", "example.com/b@v1.0.0"),
            ["pruned_two_versions_of_one_module_conflict"] = Pruned("example.com/a@v1.0.0", "example.com/a@v1.1.0"),
            ["pruned_main_module_none_fails"] = Pruned("example.com/main@none"),
            ["pruned_several_arguments"] = Pruned("example.com/b@v1.1.1", "example.com/c@v1.1.0", "example.com/a@v1.2.0"),
            ["pruned_add_unpruned_module_with_closure"] = Pruned("example.com/old@v1.0.0"),
            ["pruned_invalid_version_syntax"] = Pruned("example.com/a@"),
            ["pruned_ambiguous_range"] = Pruned("example.com/a@<=v1.2"),
            ["unpruned_upgrade"] = Unpruned("example.com/a@v1.2.0"),
            ["unpruned_downgrade_removes_requirement"] = Unpruned("example.com/a@v1.0.0"),
            ["unpruned_remove"] = Unpruned("example.com/old@none"),
            ["unpruned_upgrade_transitive"] = Unpruned("example.com/c@v1.1.0"),
            ["unpruned_latest_everything"] = Unpruned("example.com/a@latest", "example.com/old@latest", "example.com/d@latest"),

            ["retracted_version_warns"] = ("""
                -- go.mod --
                module example.com/main

                go 1.17
                -- example.com/r@v1.0.0 --
                go 1.17
                -- example.com/r@v1.1.0 --
                go 1.17
                -- example.com/r@v1.2.0 --
                go 1.17

                retract (
                	v1.1.0 // contains a data race
                	v1.2.0 // retracted itself
                )
                """, "", ["example.com/r@v1.1.0"]),

            ["retracted_versions_are_skipped_by_latest"] = ("""
                -- go.mod --
                module example.com/main

                go 1.17

                require example.com/r v1.0.0
                -- example.com/r@v1.0.0 --
                go 1.17
                -- example.com/r@v1.1.0 --
                go 1.17
                -- example.com/r@v1.2.0 --
                go 1.17

                retract [v1.1.0, v1.2.0]
                """, "", ["example.com/r@latest"]),

            ["deprecated_module_warns"] = ("""
                -- go.mod --
                module example.com/main

                go 1.17
                -- example.com/dep@v1.0.0 --
                go 1.17
                -- example.com/dep@v1.1.0 --
                // Deprecated: use example.com/dep/v2 instead.
                // It has a better API.
                module example.com/dep

                go 1.17
                """, "", ["example.com/dep@v1.0.0"]),

            ["excluded_latest_is_skipped"] = ("""
                -- go.mod --
                module example.com/main

                go 1.17

                exclude example.com/x v1.2.0
                -- example.com/x@v1.0.0 --
                go 1.17
                -- example.com/x@v1.1.0 --
                go 1.17
                -- example.com/x@v1.2.0 --
                go 1.17
                """, "", ["example.com/x@latest"]),

            ["excluded_exact_version_fails"] = ("""
                -- go.mod --
                module example.com/main

                go 1.17

                exclude example.com/x v1.2.0
                -- example.com/x@v1.2.0 --
                go 1.17
                """, "", ["example.com/x@v1.2.0"]),

            ["incompatible_latest_when_no_go_mod"] = ("""
                -- go.mod --
                module example.com/main

                go 1.17
                -- example.com/legacy@v1.0.0 --
                -- example.com/legacy@v2.0.0+incompatible --
                """, "", ["example.com/legacy@latest"]),

            ["incompatible_skipped_when_compatible_has_go_mod"] = ("""
                -- go.mod --
                module example.com/main

                go 1.17
                -- example.com/lib@v1.0.0 --
                go 1.13
                -- example.com/lib@v2.0.0+incompatible --
                """, "", ["example.com/lib@latest"]),

            ["major_version_path"] = ("""
                -- go.mod --
                module example.com/main

                go 1.17

                require example.com/m v1.0.0
                -- example.com/m@v1.0.0 --
                go 1.17
                -- example.com/m/v2@v2.0.0 --
                go 1.17

                require example.com/m v1.0.0
                -- example.com/m/v2@v2.1.0 --
                go 1.17
                """, "", ["example.com/m/v2@latest"]),

            ["pseudo_version_latest_without_tags"] = ("""
                -- go.mod --
                module example.com/main

                go 1.17
                -- example.com/p@v0.0.0-20210203040506-0123456789ab --
                go 1.17
                -- example.com/p@latest --
                {"Version":"v0.0.0-20210203040506-0123456789ab","Time":"2021-02-03T04:05:06Z"}
                """, "", ["example.com/p@latest"]),

            ["upgrade_keeps_newer_pseudo_version"] = ("""
                -- go.mod --
                module example.com/main

                go 1.17

                require example.com/p v1.0.1-0.20220101000000-0123456789ab
                -- example.com/p@v1.0.0 time=2021-01-01T00:00:00Z --
                go 1.17
                -- example.com/p@v1.0.1-0.20220101000000-0123456789ab --
                go 1.17
                -- example.com/p@v1.1.0 time=2021-06-01T00:00:00Z --
                go 1.17
                """, "", ["example.com/p@upgrade"]),

            ["replaced_directory_module_added"] = ("""
                -- go.mod --
                module example.com/main

                go 1.17

                replace example.com/local v1.0.0 => ./local
                -- local/go.mod --
                module example.com/local

                go 1.17

                require example.com/y v1.0.0
                -- example.com/y@v1.0.0 --
                go 1.17
                """, "", ["example.com/local@v1.0.0"]),

            ["replaced_with_version_upgrade"] = ("""
                -- go.mod --
                module example.com/main

                go 1.17

                require example.com/f v1.0.0

                replace example.com/f v1.1.0 => example.com/fork v1.5.0
                -- example.com/f@v1.0.0 --
                go 1.17
                -- example.com/f@v1.1.0 --
                go 1.17
                -- example.com/fork@v1.5.0 --
                module example.com/f

                go 1.17

                require example.com/y v1.0.0
                -- example.com/y@v1.0.0 --
                go 1.17
                """, "", ["example.com/f@v1.1.0"]),

            ["existing_zip_sum_makes_go_fetch_new_zip"] = ("""
                -- go.mod --
                module example.com/main

                go 1.17

                require example.com/s v1.0.0
                -- go.sum --
                example.com/s v1.0.0 h1:placeholderplaceholderplaceholderplaceholder=
                -- example.com/s@v1.0.0 --
                go 1.17
                -- example.com/s@v1.1.0 --
                go 1.17

                require example.com/t v1.0.0
                -- example.com/t@v1.0.0 --
                go 1.17
                """, "", ["example.com/t@v1.0.0", "example.com/s@v1.1.0"]),

            ["main_without_go_line"] = ("""
                -- go.mod --
                module example.com/main

                require example.com/a v1.0.0
                """ + "\n" + Modules, "", ["example.com/a@v1.1.0"]),

            ["upper_case_module"] = ("""
                -- go.mod --
                module example.com/main

                go 1.17
                -- github.com/Foo/Bar@v1.0.0 --
                go 1.17

                require github.com/Foo/Baz v0.1.0
                -- github.com/Foo/Baz@v0.1.0 --
                go 1.17
                """, "", ["github.com/Foo/Bar@v1.0.0"]),

            ["package_imports_become_indirect_requirements"] = (PackageMain("1.17") + Packages, "", ["example.com/pa@v1.0.0"]),
            ["package_imports_unpruned_main_keep_zip_sums"] = (PackageMain("1.16") + Packages, "", ["example.com/pa@v1.0.0"]),
            ["package_dash_u_upgrades_imported_modules"] = (PackageMain("1.17") + Packages, "upgrade", ["example.com/pa@v1.0.0"]),
            ["package_dash_u_patch_upgrades_imported_modules"] = (PackageMain("1.17") + Packages, "patch", ["example.com/pa@v1.0.0"]),
            ["package_dash_u_unpruned"] = (PackageMain("1.16") + Packages, "upgrade", ["example.com/pa"]),
            ["package_in_subdirectory"] = (PackageMain("1.17") + Packages, "", ["example.com/pa/sub@v1.0.0"]),
            ["package_missing_import_is_added_at_latest"] = (PackageMain("1.17") + Packages, "", ["example.com/pmissing@v1.0.0"]),
            ["package_missing_import_that_nothing_provides"] = (PackageMain("1.17") + Packages, "", ["example.com/pbroken@v1.0.0"]),
            ["package_upgrade_brings_new_import"] = (PackageMain("1.17", "example.com/pa v1.0.0\n\trequire example.com/pb v1.0.0 // indirect\n\trequire example.com/pc v1.0.0 // indirect") + Packages, "", ["example.com/pa@v1.1.0"]),
            ["package_none_removes_module"] = (PackageMain("1.17", "example.com/pa v1.0.0\n\trequire example.com/pb v1.0.0 // indirect\n\trequire example.com/pc v1.0.0 // indirect") + Packages, "", ["example.com/pb@none"]),
            ["package_build_constraints_decide_imports"] = (PackageMain("1.17") + Packages, "", ["example.com/pcons@v1.0.0"]),
            ["main_packages_dash_u_all_dependencies"] = (MainWithPackages + Packages, "upgrade", ["./..."]),
            ["main_packages_dash_u_patch_all_dependencies"] = (MainWithPackages + Packages, "patch", ["./..."]),
            ["main_packages_dash_u_without_arguments"] = (MainWithPackages + Packages, "upgrade", []),
            ["main_packages_resolve_missing_imports"] = (MainWithPackages + Packages, "", ["./..."]),
            ["main_packages_subdirectory"] = (MainWithPackages + Packages, "upgrade", ["./cmd/tool"]),
            ["main_packages_pattern_matching_nothing"] = (MainWithPackages + Packages, "", ["./docs/..."]),
            ["main_packages_not_a_package"] = (MainWithPackages + Packages, "", ["./docs"]),
            ["main_packages_outside_module"] = (MainWithPackages + Packages, "", ["../elsewhere"]),
            ["main_packages_explicit_version_refused"] = (MainWithPackages + Packages, "", ["./...@v1.0.0"]),
            ["main_without_root_package"] = (PackageMain("1.17") + Packages, "", []),
            ["package_from_nested_module_path"] = (PackageMain("1.17") + Packages, "", ["example.com/pnest/inner@latest"]),

            ["downgrade_to_version_below_dependents"] = ("""
                -- go.mod --
                module example.com/main

                go 1.17

                require (
                	example.com/top v1.1.0
                	example.com/base v1.2.0
                )
                -- example.com/top@v1.0.0 --
                go 1.17

                require example.com/base v1.0.0
                -- example.com/top@v1.1.0 --
                go 1.17

                require example.com/base v1.2.0
                -- example.com/base@v1.0.0 --
                go 1.17
                -- example.com/base@v1.1.0 --
                go 1.17
                -- example.com/base@v1.2.0 --
                go 1.17
                """, "", ["example.com/base@v1.1.0"]),
        };
}
