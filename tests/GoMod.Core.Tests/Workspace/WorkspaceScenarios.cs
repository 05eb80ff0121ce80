namespace GoMod.Core.Tests.Workspace;

/// <summary>
/// Workspaces authored for the differential tests, in <see cref="Mvs.ProxyScenario"/>'s format: the files under the
/// workspace directory (<c>go.work</c>, <c>a/go.mod</c>…) and the module versions the file:// proxy serves.
/// <c>{h1:path@version}</c> in a workspace file is replaced by the go.mod hash of that proxy version.
/// </summary>
public static class WorkspaceScenarios
{
    /// <summary>Workspaces go 1.19 loads.</summary>
    public static readonly IReadOnlyDictionary<string, string> Valid = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // One dependency used by two main modules at different versions: the higher wins for both.
        ["two_modules_shared_dependency"] = """
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
            -- b/go.mod --
            module example.com/b

            go 1.19

            require example.com/x v1.1.0
            -- example.com/x@v1.0.0 --
            go 1.17
            -- example.com/x@v1.1.0 --
            go 1.17

            require example.com/y v1.0.0
            -- example.com/y@v1.0.0 --
            go 1.17
            """,

        // Three modules; one main module is also required by version by another (the workspace copy wins, but the
        // required version's go.mod is read and its requirements are in the graph).
        ["three_modules_required_by_version"] = """
            -- go.work --
            go 1.18

            use ./a
            use ./b
            use ./c
            -- a/go.mod --
            module example.com/a

            go 1.18

            require example.com/c v0.1.0
            -- b/go.mod --
            module example.com/b

            go 1.17

            require (
            	example.com/a v0.2.0
            	example.com/x v1.0.0
            )
            -- c/go.mod --
            module example.com/c

            go 1.18

            require example.com/y v1.1.0
            -- example.com/a@v0.2.0 --
            go 1.17

            require example.com/z v1.0.0
            -- example.com/c@v0.1.0 --
            go 1.17

            require example.com/y v1.0.0
            -- example.com/x@v1.0.0 --
            go 1.17
            -- example.com/y@v1.0.0 --
            go 1.17
            -- example.com/y@v1.1.0 --
            go 1.17
            -- example.com/z@v1.0.0 --
            go 1.17
            """,

        // go.work replaces a module with a directory and another at one version.
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
            -- b/go.mod --
            module example.com/b

            go 1.19

            require example.com/y v1.1.0
            -- xlocal/go.mod --
            module example.com/x

            go 1.17

            require example.com/z v1.0.0
            -- example.com/x@v1.0.0 --
            go 1.17
            -- example.com/y@v1.0.0 --
            go 1.17

            require example.com/z v1.1.0
            -- example.com/y@v1.1.0 --
            go 1.17
            -- example.com/z@v1.0.0 --
            go 1.17
            -- example.com/z@v1.1.0 --
            go 1.17
            """,

        // Replacements in the modules' go.mod files apply to the whole workspace; a directory one is reported relative
        // to the go.work directory.
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

            require example.com/x v1.0.0

            replace example.com/x => ../shared/x
            -- b/go.mod --
            module example.com/b

            go 1.19

            require example.com/y v1.2.0

            replace example.com/y v1.2.0 => example.com/y v1.1.0
            -- shared/x/go.mod --
            module example.com/x

            go 1.19

            require example.com/y v1.0.0
            -- example.com/y@v1.0.0 --
            go 1.17
            -- example.com/y@v1.1.0 --
            go 1.17

            require example.com/z v1.0.0
            -- example.com/y@v1.2.0 --
            go 1.17
            -- example.com/z@v1.0.0 --
            go 1.17
            """,

        // go.work's replacement of a path wins over a module's replacement of the same path.
        ["replace_go_work_wins_over_go_mod"] = """
            -- go.work --
            go 1.19

            use (
            	./a
            	./b
            )

            replace example.com/x => example.com/x v1.2.0
            -- a/go.mod --
            module example.com/a

            go 1.19

            require example.com/x v1.1.0

            replace example.com/x v1.1.0 => example.com/x v1.0.0
            -- b/go.mod --
            module example.com/b

            go 1.19

            require example.com/x v1.0.0

            replace example.com/x => ./nowhere
            -- example.com/x@v1.0.0 --
            go 1.17
            -- example.com/x@v1.1.0 --
            go 1.17
            -- example.com/x@v1.2.0 --
            go 1.17

            require example.com/y v1.0.0
            -- example.com/y@v1.0.0 --
            go 1.17
            """,

        // Main modules at different go versions: a go 1.16 module's graph is read in full below it, a go 1.17 one's pruned.
        ["go_versions_differ"] = """
            -- go.work --
            go 1.18

            use (
            	./old
            	./new
            )
            -- old/go.mod --
            module example.com/old

            go 1.16

            require example.com/p v1.0.0
            -- new/go.mod --
            module example.com/new

            go 1.19

            require example.com/q v1.0.0
            -- example.com/p@v1.0.0 --
            go 1.17

            require example.com/r v1.0.0
            -- example.com/q@v1.0.0 --
            go 1.17

            require example.com/s v1.0.0
            -- example.com/r@v1.0.0 --
            go 1.17

            require example.com/t v1.1.0
            -- example.com/s@v1.0.0 --
            go 1.17

            require example.com/t v1.2.0
            -- example.com/t@v1.1.0 --
            go 1.17
            -- example.com/t@v1.2.0 --
            go 1.17
            """,

        // A dependency selected above the version a main module requires is read at workspace pruning, so its own
        // requirements count (go's loop over hasDepsInAll).
        ["workspace_pruning_upgrade"] = """
            -- go.work --
            go 1.19

            use (
            	./a
            	./b
            )
            -- a/go.mod --
            module example.com/a

            go 1.19

            require (
            	example.com/x v1.0.0
            	example.com/w v1.0.0
            )
            -- b/go.mod --
            module example.com/b

            go 1.19

            require example.com/v v1.0.0
            -- example.com/v@v1.0.0 --
            go 1.17

            require example.com/x v1.2.0
            -- example.com/w@v1.0.0 --
            go 1.17

            require example.com/u v1.0.0
            -- example.com/u@v1.0.0 --
            go 1.17
            -- example.com/x@v1.0.0 --
            go 1.17

            require example.com/y v1.0.0
            -- example.com/x@v1.2.0 --
            go 1.17

            require example.com/y v1.1.0
            -- example.com/y@v1.0.0 --
            go 1.17
            -- example.com/y@v1.1.0 --
            go 1.17

            require example.com/z v1.0.0
            -- example.com/z@v1.0.0 --
            go 1.17
            """,

        // go.work.sum: sums a module's go.sum has are not repeated; a stale go.work.sum line for one of them is dropped
        // when go.work.sum is rewritten; the missing ones are added.
        ["go_work_sum_written"] = """
            -- go.work --
            go 1.19

            use (
            	./a
            	./b
            )
            -- go.work.sum --
            example.com/x v1.0.0/go.mod {h1:example.com/x@v1.0.0}
            -- a/go.mod --
            module example.com/a

            go 1.19

            require example.com/x v1.0.0
            -- a/go.sum --
            example.com/x v1.0.0/go.mod {h1:example.com/x@v1.0.0}
            -- b/go.mod --
            module example.com/b

            go 1.19

            require example.com/y v1.0.0
            -- example.com/x@v1.0.0 --
            go 1.17
            -- example.com/y@v1.0.0 --
            go 1.17

            require example.com/x v1.0.0
            """,

        // Every sum already in a go.sum: go.work.sum is neither written nor created.
        ["go_work_sum_not_needed"] = """
            -- go.work --
            go 1.19

            use ./a
            use ./b
            -- a/go.mod --
            module example.com/a

            go 1.19

            require example.com/x v1.0.0
            -- a/go.sum --
            example.com/x v1.0.0/go.mod {h1:example.com/x@v1.0.0}
            -- b/go.mod --
            module example.com/b

            go 1.19
            -- example.com/x@v1.0.0 --
            go 1.17
            """,

        // No go line in go.work (1.18) nor in a module (read unpruned), and an exclusion in one module applying to all.
        ["no_go_lines_and_exclude"] = """
            -- go.work --
            use ./a
            use ./b
            -- a/go.mod --
            module example.com/a

            require example.com/x v1.0.0

            exclude example.com/z v1.1.0
            -- b/go.mod --
            module example.com/b

            go 1.19

            require (
            	example.com/y v1.0.0
            	example.com/z v1.0.0
            )
            -- example.com/x@v1.0.0 --
            go 1.17

            require example.com/z v1.1.0
            -- example.com/y@v1.0.0 --
            go 1.17
            -- example.com/z@v1.0.0 --
            go 1.17
            -- example.com/z@v1.1.0 --
            go 1.17
            """,

        // Go 1.19 does not object to two used directories declaring one module path (later go does: "module … appears
        // multiple times in workspace"); go indexes main modules by path, so the last directory's go.mod is the module's
        // and the graph starts from it twice.
        ["same_module_path_twice_go119_accepts"] = """
            -- go.work --
            go 1.19

            use (
            	./a
            	./a2
            )
            -- a/go.mod --
            module example.com/a

            go 1.19

            require example.com/x v1.0.0
            -- a2/go.mod --
            module example.com/a

            go 1.19

            require example.com/x v1.1.0
            -- example.com/x@v1.0.0 --
            go 1.17
            -- example.com/x@v1.1.0 --
            go 1.17
            """,

        // go.work replaces a module with a directory whose go.mod is at go 1.16 (its requirements are read in full), and a
        // main module required by version from another is replaced there at that version (the workspace copy still wins).
        ["replace_directory_unpruned_and_main_replaced_by_version"] = """
            -- go.work --
            go 1.19

            use (
            	./a
            	./b
            )

            replace example.com/d => ./dlocal
            -- a/go.mod --
            module example.com/a

            go 1.19

            require example.com/d v1.0.0
            -- b/go.mod --
            module example.com/b

            go 1.19

            require example.com/a v0.3.0

            replace example.com/a v0.3.0 => example.com/a v0.2.0
            -- dlocal/go.mod --
            module example.com/d

            go 1.16

            require example.com/p v1.0.0
            -- example.com/a@v0.2.0 --
            go 1.17

            require example.com/q v1.0.0
            -- example.com/a@v0.3.0 --
            go 1.17
            -- example.com/p@v1.0.0 --
            go 1.17

            require example.com/r v1.0.0
            -- example.com/q@v1.0.0 --
            go 1.17
            -- example.com/r@v1.0.0 --
            go 1.17
            """,

        // A requirement that does not exist: go's error names the version (the main module is not in the chain).
        ["missing_version"] = """
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
            -- b/go.mod --
            module example.com/b

            go 1.16

            require example.com/y v1.0.0
            -- example.com/x@v1.0.0 --
            go 1.17
            -- example.com/y@v1.0.0 --
            require example.com/gone v1.0.0
            """,
    };

    /// <summary>Workspaces go 1.19 refuses before loading anything.</summary>
    public static readonly IReadOnlyDictionary<string, string> Invalid = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["use_of_missing_directory"] = """
            -- go.work --
            go 1.19

            use (
            	./a
            	./missing
            )
            -- a/go.mod --
            module example.com/a

            go 1.19
            """,

        ["same_directory_used_twice"] = """
            -- go.work --
            go 1.19

            use ./a
            use ./a/
            -- a/go.mod --
            module example.com/a

            go 1.19
            """,

        ["conflicting_replacements_in_go_mod"] = """
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

            replace example.com/x => ../xa
            -- b/go.mod --
            module example.com/b

            go 1.19

            replace example.com/x => example.com/x v1.0.0
            -- example.com/x@v1.0.0 --
            go 1.17
            """,

        ["main_module_replaced_at_every_version"] = """
            -- go.work --
            go 1.19

            use ./a

            replace example.com/a => ./elsewhere
            -- a/go.mod --
            module example.com/a

            go 1.19
            """,

        ["go_work_parse_error"] = """
            -- go.work --
            go 1.19

            use ./a
            require example.com/x v1.0.0
            -- a/go.mod --
            module example.com/a

            go 1.19
            """,

        ["module_go_mod_parse_error"] = """
            -- go.work --
            go 1.19

            use ./a
            -- a/go.mod --
            module example.com/a

            go 1.19

            require example.com/x
            """,
    };
}
