using GoMod.Core.ModFile;

namespace GoMod.Core.Tests.Mvs;

/// <summary>
/// Requirement graphs authored for the differential tests (see <see cref="ProxyScenario"/> for the format).
/// Each exercises one rule of MVS, graph pruning, replacement, exclusion or error reporting.
/// </summary>
public static class MvsScenarios
{
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["chain_pruned"] = """
            -- go.mod --
            module example.com/main

            go 1.17

            require example.com/a v1.0.0
            -- example.com/a@v1.0.0 --
            go 1.17

            require example.com/b v1.0.0
            -- example.com/b@v1.0.0 --
            go 1.17

            require example.com/c v1.0.0
            -- example.com/c@v1.0.0 --
            go 1.17
            """,

        ["chain_unpruned_main"] = """
            -- go.mod --
            module example.com/main

            go 1.16

            require example.com/a v1.0.0
            -- example.com/a@v1.0.0 --
            go 1.17

            require example.com/b v1.0.0
            -- example.com/b@v1.0.0 --
            go 1.17

            require example.com/c v1.0.0
            -- example.com/c@v1.0.0 --
            go 1.17

            require example.com/d v1.1.0
            -- example.com/d@v1.1.0 --
            """,

        ["diamond_pruned"] = """
            -- go.mod --
            module example.com/main

            go 1.17

            require (
            	example.com/a v1.0.0
            	example.com/b v1.0.0
            	example.com/c v1.1.0 // indirect
            )
            -- example.com/a@v1.0.0 --
            go 1.17

            require example.com/c v1.0.0
            -- example.com/b@v1.0.0 --
            go 1.17

            require example.com/c v1.1.0
            -- example.com/c@v1.0.0 --
            go 1.17
            -- example.com/c@v1.1.0 --
            go 1.17
            """,

        ["diamond_unpruned"] = """
            -- go.mod --
            module example.com/main

            go 1.15

            require (
            	example.com/a v1.0.0
            	example.com/b v1.0.0
            )
            -- example.com/a@v1.0.0 --
            go 1.14

            require example.com/c v1.0.0
            -- example.com/b@v1.0.0 --
            go 1.14

            require example.com/c v1.2.0
            -- example.com/c@v1.0.0 --
            go 1.14

            require example.com/d v1.0.0
            -- example.com/c@v1.2.0 --
            go 1.14

            require example.com/d v1.3.0
            -- example.com/d@v1.0.0 --
            -- example.com/d@v1.3.0 --
            """,

        ["long_chain_unpruned_deps"] = """
            -- go.mod --
            module example.com/main

            go 1.17

            require example.com/n1 v1.0.0
            -- example.com/n1@v1.0.0 --
            go 1.16

            require example.com/n2 v1.0.0
            -- example.com/n2@v1.0.0 --
            go 1.16

            require example.com/n3 v1.0.0
            -- example.com/n3@v1.0.0 --
            go 1.16

            require example.com/n4 v1.0.0
            -- example.com/n4@v1.0.0 --
            go 1.16

            require example.com/n5 v1.0.0
            -- example.com/n5@v1.0.0 --
            go 1.16

            require example.com/n6 v1.0.0
            -- example.com/n6@v1.0.0 --
            go 1.16

            require example.com/n7 v1.0.0
            -- example.com/n7@v1.0.0 --
            go 1.16

            require example.com/n8 v1.0.0
            -- example.com/n8@v1.0.0 --
            go 1.16

            require example.com/n9 v1.0.0
            -- example.com/n9@v1.0.0 --
            go 1.16

            require example.com/n10 v1.0.0
            -- example.com/n10@v1.0.0 --
            go 1.16
            """,

        ["long_chain_pruned_stops"] = """
            -- go.mod --
            module example.com/main

            go 1.18

            require (
            	example.com/n1 v1.0.0
            	example.com/n2 v1.0.0 // indirect
            )
            -- example.com/n1@v1.0.0 --
            go 1.17

            require example.com/n2 v1.0.0
            -- example.com/n2@v1.0.0 --
            go 1.17

            require example.com/n3 v1.0.0
            -- example.com/n3@v1.0.0 --
            go 1.17

            require example.com/n4 v1.0.0
            -- example.com/n4@v1.0.0 --
            go 1.17

            require example.com/n5 v1.0.0
            """,

        ["cycle_between_dependencies"] = """
            -- go.mod --
            module example.com/main

            go 1.16

            require example.com/a v1.0.0
            -- example.com/a@v1.0.0 --
            go 1.16

            require example.com/b v1.0.0
            -- example.com/a@v1.1.0 --
            go 1.16

            require example.com/b v1.1.0
            -- example.com/b@v1.0.0 --
            go 1.16

            require example.com/a v1.1.0
            -- example.com/b@v1.1.0 --
            go 1.16

            require example.com/a v1.0.0
            """,

        ["cycle_back_to_main_module"] = """
            -- go.mod --
            module example.com/main

            go 1.17

            require example.com/a v1.0.0
            -- example.com/a@v1.0.0 --
            go 1.16

            require example.com/main v1.0.0
            -- example.com/main@v1.0.0 --
            go 1.16

            require example.com/z v1.0.0
            -- example.com/z@v1.0.0 --
            go 1.16
            """,

        ["exclude_dependency_requirement"] = """
            -- go.mod --
            module example.com/main

            go 1.16

            require example.com/a v1.0.0

            exclude example.com/b v1.2.0
            -- example.com/a@v1.0.0 --
            go 1.16

            require (
            	example.com/b v1.2.0
            	example.com/c v1.0.0
            )
            -- example.com/c@v1.0.0 --
            go 1.16

            require example.com/b v1.1.0
            -- example.com/b@v1.1.0 --
            go 1.16
            -- example.com/b@v1.2.0 --
            go 1.16
            """,

        ["exclude_main_requirement_is_dropped"] = """
            -- go.mod --
            module example.com/main

            go 1.17

            require (
            	example.com/a v1.0.0
            	example.com/b v1.1.0
            )

            exclude example.com/b v1.1.0
            -- example.com/a@v1.0.0 --
            go 1.17

            require example.com/b v1.0.0
            -- example.com/b@v1.0.0 --
            go 1.17
            -- example.com/b@v1.1.0 --
            go 1.17
            """,

        ["replace_with_version"] = """
            -- go.mod --
            module example.com/main

            go 1.17

            require example.com/a v1.0.0

            replace example.com/a v1.0.0 => example.com/a v1.1.0
            -- example.com/a@v1.0.0 --
            go 1.17

            require example.com/b v1.0.0
            -- example.com/a@v1.1.0 --
            go 1.17

            require example.com/b v1.2.0
            -- example.com/b@v1.0.0 --
            go 1.17
            -- example.com/b@v1.2.0 --
            go 1.17
            """,

        ["replace_all_versions_with_fork"] = """
            -- go.mod --
            module example.com/main

            go 1.16

            require (
            	example.com/a v1.0.0
            	example.com/b v1.0.0
            )

            replace example.com/b => example.com/fork/b v1.5.0
            -- example.com/a@v1.0.0 --
            go 1.16

            require example.com/b v1.2.0
            -- example.com/b@v1.0.0 --
            go 1.16
            -- example.com/b@v1.2.0 --
            go 1.16
            -- example.com/fork/b@v1.5.0 --
            module example.com/b

            go 1.16

            require example.com/c v1.0.0
            -- example.com/c@v1.0.0 --
            go 1.16
            """,

        ["replace_with_directory"] = """
            -- go.mod --
            module example.com/main

            go 1.17

            require (
            	example.com/a v1.0.0
            	example.com/local v0.0.0-00010101000000-000000000000
            )

            replace example.com/local => ./local
            -- local/go.mod --
            module example.com/local

            go 1.16

            require example.com/b v1.1.0
            -- example.com/a@v1.0.0 --
            go 1.17

            require example.com/b v1.0.0
            -- example.com/b@v1.0.0 --
            go 1.17
            -- example.com/b@v1.1.0 --
            go 1.17
            """,

        ["replace_with_directory_outside_main"] = """
            -- go.mod --
            module example.com/main

            go 1.16

            require example.com/a v1.0.0

            replace example.com/a v1.0.0 => ../elsewhere/a
            -- ../elsewhere/a/go.mod --
            module example.com/other-name

            require example.com/b v1.0.0
            -- example.com/a@v1.0.0 --
            go 1.16
            -- example.com/b@v1.0.0 --
            go 1.16
            """,

        ["replace_directory_without_go_mod_fails"] = """
            -- go.mod --
            module example.com/main

            go 1.17

            require example.com/a v1.0.0

            replace example.com/a => ./missing
            -- example.com/a@v1.0.0 --
            go 1.17
            """,

        ["replace_unused_version_has_no_effect"] = """
            -- go.mod --
            module example.com/main

            go 1.17

            require example.com/a v1.0.0

            replace example.com/a v1.9.0 => example.com/a v1.0.0
            -- example.com/a@v1.0.0 --
            go 1.17
            """,

        ["incompatible_versions"] = """
            -- go.mod --
            module example.com/main

            go 1.16

            require (
            	example.com/legacy v2.0.0+incompatible
            	example.com/a v1.0.0
            )
            -- example.com/legacy@v1.0.0 --
            -- example.com/legacy@v2.0.0+incompatible --
            -- example.com/legacy@v3.1.0+incompatible --
            -- example.com/a@v1.0.0 --
            go 1.16

            require example.com/legacy v3.1.0+incompatible
            """,

        ["major_version_paths"] = """
            -- go.mod --
            module example.com/main

            go 1.17

            require (
            	example.com/m v1.5.0
            	example.com/m/v2 v2.1.0
            	example.com/m/v3 v3.0.0
            )
            -- example.com/m@v1.5.0 --
            go 1.17
            -- example.com/m/v2@v2.1.0 --
            go 1.17

            require example.com/m v1.2.0
            -- example.com/m/v3@v3.0.0 --
            go 1.17

            require example.com/m/v2 v2.0.0
            -- example.com/m@v1.2.0 --
            go 1.17
            -- example.com/m/v2@v2.0.0 --
            go 1.17
            """,

        ["upper_case_paths"] = """
            -- go.mod --
            module example.com/main

            go 1.17

            require (
            	github.com/Azure/Go-Lib v1.0.0
            	example.com/a v1.0.0
            )
            -- github.com/Azure/Go-Lib@v1.0.0 --
            go 1.17

            require github.com/Sirupsen/Logrus v1.2.0
            -- github.com/Sirupsen/Logrus@v1.2.0 --
            go 1.17
            -- example.com/a@v1.0.0 --
            go 1.17

            require github.com/Azure/Go-Lib v1.0.0
            """,

        ["prerelease_versions"] = """
            -- go.mod --
            module example.com/main

            go 1.17

            require (
            	example.com/a v1.0.0
            	example.com/b v1.2.0-rc.1
            )
            -- example.com/a@v1.0.0 --
            go 1.17

            require example.com/b v1.2.0-beta.2
            -- example.com/b@v1.2.0-beta.2 --
            go 1.17
            -- example.com/b@v1.2.0-rc.1 --
            go 1.17
            """,

        ["pseudo_versions"] = """
            -- go.mod --
            module example.com/main

            go 1.17

            require (
            	example.com/a v1.0.0
            	example.com/b v1.2.1-0.20210101120000-abcdefabcdef
            )
            -- example.com/a@v1.0.0 --
            go 1.17

            require example.com/b v1.2.0
            -- example.com/b@v1.2.0 --
            go 1.17
            -- example.com/b@v1.2.1-0.20210101120000-abcdefabcdef --
            go 1.17

            require example.com/c v0.0.0-20200101000000-123456789abc
            -- example.com/c@v0.0.0-20200101000000-123456789abc --
            go 1.17
            """,

        ["mixed_go_versions_unpruned_in_middle"] = """
            -- go.mod --
            module example.com/main

            go 1.17

            require (
            	example.com/a v1.0.0
            	example.com/old v1.0.0 // indirect
            )
            -- example.com/a@v1.0.0 --
            go 1.17

            require example.com/old v1.0.0
            -- example.com/old@v1.0.0 --
            go 1.15

            require example.com/x v1.0.0
            -- example.com/x@v1.0.0 --
            go 1.17

            require example.com/y v1.1.0
            -- example.com/y@v1.1.0 --
            go 1.17

            require example.com/z v1.0.0
            -- example.com/z@v1.0.0 --
            go 1.17
            """,

        ["unpruned_main_with_pruned_deps"] = """
            -- go.mod --
            module example.com/main

            go 1.14

            require example.com/a v1.0.0
            -- example.com/a@v1.0.0 --
            go 1.18

            require (
            	example.com/b v1.0.0
            	example.com/c v1.0.0 // indirect
            )
            -- example.com/b@v1.0.0 --
            go 1.18

            require example.com/c v1.1.0
            -- example.com/c@v1.0.0 --
            go 1.18
            -- example.com/c@v1.1.0 --
            go 1.18

            require example.com/d v1.0.0
            -- example.com/d@v1.0.0 --
            go 1.18
            """,

        ["main_without_go_line"] = """
            -- go.mod --
            module example.com/main

            require example.com/a v1.0.0
            -- example.com/a@v1.0.0 --
            go 1.16

            require example.com/b v1.0.0
            -- example.com/b@v1.0.0 --
            go 1.17

            require example.com/c v1.0.0
            -- example.com/c@v1.0.0 --
            go 1.17
            """,

        ["inconsistent_roots_pruned"] = """
            -- go.mod --
            module example.com/main

            go 1.17

            require (
            	example.com/a v1.1.0
            	example.com/b v1.0.0
            )
            -- example.com/a@v1.1.0 --
            go 1.17

            require example.com/b v1.1.0
            -- example.com/b@v1.0.0 --
            go 1.17

            require example.com/c v1.0.0
            -- example.com/b@v1.1.0 --
            go 1.17

            require example.com/c v1.1.0
            -- example.com/c@v1.0.0 --
            go 1.17
            -- example.com/c@v1.1.0 --
            go 1.16

            require example.com/d v1.0.0
            -- example.com/d@v1.0.0 --
            go 1.16
            """,

        ["inconsistent_roots_unpruned"] = """
            -- go.mod --
            module example.com/main

            go 1.16

            require (
            	example.com/a v1.1.0
            	example.com/b v1.0.0 // indirect
            	example.com/c v1.0.0
            )
            -- example.com/a@v1.1.0 --
            go 1.16

            require (
            	example.com/b v1.1.0
            	example.com/c v1.2.0
            )
            -- example.com/b@v1.0.0 --
            go 1.16
            -- example.com/b@v1.1.0 --
            go 1.16
            -- example.com/c@v1.0.0 --
            go 1.16
            -- example.com/c@v1.2.0 --
            go 1.16
            """,

        ["redundant_roots_same_path"] = """
            -- go.mod --
            module example.com/main

            go 1.17

            require (
            	example.com/a v1.0.0
            	example.com/a v1.1.0
            	example.com/b v1.0.0
            )
            -- example.com/a@v1.0.0 --
            go 1.17

            require example.com/c v1.3.0
            -- example.com/a@v1.1.0 --
            go 1.17
            -- example.com/b@v1.0.0 --
            go 1.17
            -- example.com/c@v1.3.0 --
            go 1.17
            """,

        ["missing_version_reports_chain"] = """
            -- go.mod --
            module example.com/main

            go 1.16

            require example.com/a v1.0.0
            -- example.com/a@v1.0.0 --
            go 1.16

            require example.com/b v1.0.0
            -- example.com/b@v1.0.0 --
            go 1.16

            require example.com/c v1.2.0
            -- example.com/c@v1.0.0 --
            go 1.16
            """,

        ["wrong_module_path_reports_chain"] = """
            -- go.mod --
            module example.com/main

            go 1.17

            require example.com/a v1.0.0
            -- example.com/a@v1.0.0 --
            go 1.15

            require example.com/b v1.0.0
            -- example.com/b@v1.0.0 --
            module example.com/not-b

            go 1.15
            """,

        ["missing_mod_file_direct"] = """
            -- go.mod --
            module example.com/main

            go 1.17

            require (
            	example.com/a v1.0.0
            	example.com/b v1.0.0
            )
            -- example.com/a@v1.0.0 --
            go 1.17
            -- example.com/b@v1.0.0 nomod --
            go 1.17
            """,

        ["missing_info_fails_list_only"] = """
            -- go.mod --
            module example.com/main

            go 1.17

            require example.com/a v1.0.0
            -- example.com/a@v1.0.0 noinfo --
            go 1.17
            """,

        ["unparsable_dependency_go_mod"] = """
            -- go.mod --
            module example.com/main

            go 1.17

            require example.com/a v1.0.0
            -- example.com/a@v1.0.0 --
            go 1.17

            require example.com/b
            """,

        ["retracted_and_deprecated_do_not_change_list"] = """
            -- go.mod --
            module example.com/main

            go 1.17

            require example.com/a v1.1.0
            -- example.com/a@v1.1.0 --
            go 1.17
            -- example.com/a@v1.2.0 --
            // Deprecated: use example.com/a/v2 instead.
            module example.com/a

            go 1.17

            retract v1.1.0 // broken release
            """,

        ["no_requirements"] = """
            -- go.mod --
            module example.com/main

            go 1.17
            """,

        ["wide_fan_out"] = """
            -- go.mod --
            module example.com/main

            go 1.16

            require (
            	example.com/hub v1.0.0
            	example.com/leaf05 v1.0.0
            )
            -- example.com/hub@v1.0.0 --
            go 1.16

            require (
            	example.com/leaf01 v1.0.0
            	example.com/leaf02 v1.1.0
            	example.com/leaf03 v1.0.0
            	example.com/leaf04 v1.2.0
            	example.com/leaf05 v1.1.0
            	example.com/leaf06 v1.0.0
            )
            -- example.com/leaf01@v1.0.0 --
            -- example.com/leaf02@v1.1.0 --
            go 1.16

            require example.com/leaf01 v1.1.0
            -- example.com/leaf01@v1.1.0 --
            -- example.com/leaf03@v1.0.0 --
            -- example.com/leaf04@v1.2.0 --
            -- example.com/leaf05@v1.0.0 --
            -- example.com/leaf05@v1.1.0 --
            -- example.com/leaf06@v1.0.0 --
            """,

        ["gopkg_in_paths"] = """
            -- go.mod --
            module example.com/main

            go 1.17

            require (
            	gopkg.in/yaml.v2 v2.4.0
            	gopkg.in/check.v1 v1.0.0-20201130134442-10cb98267c6c
            )
            -- gopkg.in/yaml.v2@v2.4.0 --
            go 1.15

            require gopkg.in/check.v1 v0.0.0-20161208181325-20d25e280405
            -- gopkg.in/check.v1@v0.0.0-20161208181325-20d25e280405 --
            -- gopkg.in/check.v1@v1.0.0-20201130134442-10cb98267c6c --
            """,

        ["dependency_with_newer_go_and_unknown_directives"] = """
            -- go.mod --
            module example.com/main

            go 1.17

            require example.com/a v1.0.0
            -- example.com/a@v1.0.0 --
            go 1.21

            toolchain go1.21.3

            require example.com/b v1.0.0

            godebug default=go1.21
            -- example.com/b@v1.0.0 --
            go 1.16
            """,

        ["dependency_replace_and_exclude_are_ignored"] = """
            -- go.mod --
            module example.com/main

            go 1.16

            require example.com/a v1.0.0
            -- example.com/a@v1.0.0 --
            go 1.16

            require example.com/b v1.0.0

            replace example.com/b => example.com/b v1.1.0

            exclude example.com/b v1.0.0
            -- example.com/b@v1.0.0 --
            go 1.16
            -- example.com/b@v1.1.0 --
            go 1.16
            """,

        ["pruned_root_lifts_version_beyond_pruned_dependency"] = """
            -- go.mod --
            module example.com/main

            go 1.17

            require (
            	example.com/a v1.0.0
            	example.com/c v1.0.0
            )
            -- example.com/a@v1.0.0 --
            go 1.17

            require example.com/b v1.0.0
            -- example.com/b@v1.0.0 --
            go 1.17

            require example.com/c v1.5.0
            -- example.com/c@v1.0.0 --
            go 1.17
            -- example.com/c@v1.5.0 --
            go 1.17
            """,

        ["unpruned_dependency_pulls_transitive_closure"] = """
            -- go.mod --
            module example.com/main

            go 1.17

            require example.com/a v1.0.0
            -- example.com/a@v1.0.0 --
            go 1.16

            require example.com/b v1.0.0
            -- example.com/b@v1.0.0 --
            go 1.17

            require example.com/c v1.0.0
            -- example.com/c@v1.0.0 --
            go 1.17

            require example.com/d v1.0.0
            -- example.com/d@v1.0.0 --
            go 1.17

            require example.com/e v1.0.0
            -- example.com/e@v1.0.0 --
            go 1.17
            """,

        ["indirect_comments_are_direct_map"] = """
            -- go.mod --
            module example.com/main

            go 1.17

            require example.com/a v1.0.0

            require (
            	example.com/b v1.0.0 // indirect
            	example.com/c v1.0.0 // indirect; kept for tests
            )
            -- example.com/a@v1.0.0 --
            go 1.17
            -- example.com/b@v1.0.0 --
            go 1.17
            -- example.com/c@v1.0.0 --
            go 1.17
            """,

        ["version_replacement_of_missing_version"] = """
            -- go.mod --
            module example.com/main

            go 1.17

            require example.com/a v1.9.0

            replace example.com/a v1.9.0 => example.com/a v1.0.0
            -- example.com/a@v1.0.0 --
            go 1.17

            require example.com/b v1.0.0
            -- example.com/b@v1.0.0 --
            go 1.17
            """,

        ["replacement_chain_error_names_replacement"] = """
            -- go.mod --
            module example.com/main

            go 1.17

            require example.com/a v1.0.0

            replace example.com/a => example.com/fork v1.0.0
            -- example.com/a@v1.0.0 --
            go 1.17
            -- example.com/fork@v1.0.0 --
            module example.com/unrelated

            go 1.17
            """,

        ["exclude_unrelated_version"] = """
            -- go.mod --
            module example.com/main

            go 1.17

            require example.com/a v1.1.0

            exclude (
            	example.com/a v1.0.0
            	example.com/zzz v1.0.0
            )
            -- example.com/a@v1.0.0 --
            go 1.17
            -- example.com/a@v1.1.0 --
            go 1.17
            """,

        ["deep_unpruned_diamond_with_prerelease_winner"] = """
            -- go.mod --
            module example.com/main

            go 1.16

            require (
            	example.com/left v1.0.0
            	example.com/right v1.0.0
            )
            -- example.com/left@v1.0.0 --
            go 1.16

            require example.com/shared v1.3.0-alpha
            -- example.com/right@v1.0.0 --
            go 1.16

            require example.com/shared v1.2.9
            -- example.com/shared@v1.2.9 --
            go 1.16
            -- example.com/shared@v1.3.0-alpha --
            go 1.16

            require example.com/extra v0.1.0
            -- example.com/extra@v0.1.0 --
            go 1.16
            """,

        ["dependency_go_lines_in_newer_forms"] = """
            -- go.mod --
            module example.com/main

            go 1.17

            require (
            	example.com/a v1.0.0
            	example.com/b v1.0.0
            )
            -- example.com/a@v1.0.0 --
            go 1.22.3

            require example.com/c v1.0.0
            -- example.com/b@v1.0.0 --
            go 1.21rc2

            require example.com/d v1.0.0
            -- example.com/c@v1.0.0 --
            go 1.16

            require example.com/e v1.0.0
            -- example.com/d@v1.0.0 --
            go 1.16
            -- example.com/e@v1.0.0 --
            go 1.16
            """,

        ["main_requirement_with_version_prefix_is_resolved"] = """
            -- go.mod --
            module example.com/main

            go 1.17

            require example.com/a v1.1
            -- example.com/a@v1.1.0 --
            go 1.17
            -- example.com/a@v1.1.3 --
            go 1.17
            -- example.com/a@v1.2.0 --
            go 1.17
            """,

        ["main_versions_resolved_as_queries"] = """
            -- go.mod --
            module example.com/main

            go 1.17

            require (
            	example.com/a v1
            	"example.com/b" v1.0
            )

            exclude example.com/c v1.1

            replace example.com/d v1.0 => example.com/e v1.2
            -- example.com/a@v1.0.0 --
            go 1.17
            -- example.com/a@v1.4.0 --
            go 1.17

            require example.com/c v1.1.0
            -- example.com/b@v1.0.0 --
            go 1.17
            -- example.com/b@v1.0.7 --
            go 1.17
            -- example.com/c@v1.1.0 --
            go 1.17
            -- example.com/c@v1.1.2 --
            go 1.17
            -- example.com/d@v1.0.0 --
            go 1.17
            -- example.com/e@v1.2.0 --
            go 1.17
            """,

        ["main_version_query_that_fails"] = """
            -- go.mod --
            module example.com/main

            go 1.17

            require (
            	example.com/a v1.9
            	example.com/b master
            )
            -- example.com/a@v1.0.0 --
            go 1.17
            -- example.com/b@v1.0.0 --
            go 1.17
            """,

        ["go_mod_module_line_with_comment_and_quotes"] = """
            -- go.mod --
            module "example.com/main" // the main module

            go 1.17

            require "example.com/a" v1.0.0
            -- example.com/a@v1.0.0 --
            module "example.com/a"

            go 1.17
            """,
    };
}
