namespace GoMod.Core.Tests.Vendor;

/// <summary>
/// Authored main modules for the vendoring differential tests (<see cref="Mvs.ProxyScenario"/> text). Each stresses
/// one rule of go mod vendor; together they cover packages over several modules, nested modules, build constraints,
/// test-only imports, embed patterns, directory and module replacements, +incompatible and /v2 modules, license files
/// at several levels, and main modules at go 1.13, 1.16 and 1.17+.
/// </summary>
public static class VendorScenarios
{
    /// <summary>A dependency module <paramref name="path"/>@v1.0.0 with one package file per entry of <paramref name="packages"/> (relative dir).</summary>
    private static string Dep(string path, string version, string go, params string[] packages)
    {
        var s = $"-- {path}@{version} --\nmodule {path}\n\n{(go.Length > 0 ? "go " + go + "\n" : "")}";
        foreach (var p in packages)
        {
            var dir = p.Length == 0 ? "" : p + "/";
            var name = p.Length == 0 ? LastElem(path) : LastElem(p);
            s += $"-- {path}@{version}/{dir}{name}.go --\npackage {Ident(name)}\n\nconst Name = \"{path}/{p}\"\n";
        }
        return s;
    }

    private static string LastElem(string p) => p[(p.LastIndexOf('/') + 1)..];

    private static string Ident(string s)
    {
        var id = new string(s.Where(char.IsLetterOrDigit).ToArray());
        return id.Length == 0 || char.IsDigit(id[0]) ? "p" + id : id;
    }

    private static string MainModule(string go, string requires, params string[] imports)
    {
        var body = $"-- go.mod --\nmodule example.com/main\n\ngo {go}\n";
        if (requires.Length > 0) body += "\nrequire (\n" + string.Concat(requires.Split(';').Select(r => "\t" + r.Trim() + "\n")) + ")\n";
        body += "-- main.go --\npackage main\n\nimport (\n" + string.Concat(imports.Select(i => $"\t_ \"{i}\"\n")) + ")\n\nfunc main() {}\n";
        return body;
    }

    public static readonly Dictionary<string, string> All = new()
    {
        ["one_dependency_one_package"] =
            MainModule("1.17", "example.com/a v1.0.0", "example.com/a") + Dep("example.com/a", "v1.0.0", "1.17", "") +
            "-- example.com/a@v1.0.0/LICENSE --\nMIT\n",

        ["subpackage_with_licenses_at_every_level"] =
            MainModule("1.19", "example.com/lic v1.0.0", "example.com/lic/x/y/z") +
            Dep("example.com/lic", "v1.0.0", "1.18", "", "x/y/z", "x/other") +
            "-- example.com/lic@v1.0.0/LICENSE --\nroot\n" +
            "-- example.com/lic@v1.0.0/LICENSE.md --\nroot md\n" +
            "-- example.com/lic@v1.0.0/COPYING --\ncopying\n" +
            "-- example.com/lic@v1.0.0/license.txt --\nlowercase is not copied\n" +
            "-- example.com/lic@v1.0.0/README.md --\nnot copied from parents\n" +
            "-- example.com/lic@v1.0.0/x/NOTICE --\nx notice\n" +
            "-- example.com/lic@v1.0.0/x/AUTHORS --\nx authors\n" +
            "-- example.com/lic@v1.0.0/x/y/PATENTS --\ny patents\n" +
            "-- example.com/lic@v1.0.0/x/y/CONTRIBUTORS.txt --\ny contributors\n" +
            "-- example.com/lic@v1.0.0/x/y/LEGAL --\nlegal\n" +
            "-- example.com/lic@v1.0.0/x/y/COPYRIGHT-2020 --\nc\n" +
            "-- example.com/lic@v1.0.0/x/y/COPYLEFT --\nc\n" +
            "-- example.com/lic@v1.0.0/x/y/z/LICENSE-APACHE --\nzapache\n",

        ["build_constraints_any_tags_but_ignore"] =
            MainModule("1.17", "example.com/bc v1.0.0", "example.com/bc") +
            Dep("example.com/bc", "v1.0.0", "1.17", "") +
            "-- example.com/bc@v1.0.0/ignored.go --\n//go:build ignore\n\npackage bc\n" +
            "-- example.com/bc@v1.0.0/oldignored.go --\n// +build ignore\n\npackage bc\n" +
            "-- example.com/bc@v1.0.0/ignoreand.go --\n//go:build ignore && linux\n\npackage bc\n" +
            "-- example.com/bc@v1.0.0/notignore.go --\n//go:build !ignore\n\npackage bc\n" +
            "-- example.com/bc@v1.0.0/ignoreor.go --\n//go:build ignore || windows\n\npackage bc\n" +
            "-- example.com/bc@v1.0.0/file_linux.go --\npackage bc\n" +
            "-- example.com/bc@v1.0.0/file_windows.go --\npackage bc\n" +
            "-- example.com/bc@v1.0.0/file_plan9_arm64.go --\npackage bc\n" +
            "-- example.com/bc@v1.0.0/notlinux.go --\n//go:build !linux\n\npackage bc\n" +
            "-- example.com/bc@v1.0.0/cgo.go --\n//go:build cgo\n\npackage bc\n" +
            "-- example.com/bc@v1.0.0/old.go --\n// +build linux,!cgo darwin\n\npackage bc\n" +
            "-- example.com/bc@v1.0.0/_underscore.go --\npackage bc\n" +
            "-- example.com/bc@v1.0.0/.dot.go --\npackage bc\n" +
            "-- example.com/bc@v1.0.0/asm_amd64.s --\nTEXT x(SB),0,$0\n" +
            "-- example.com/bc@v1.0.0/helper.c --\nint x;\n" +
            "-- example.com/bc@v1.0.0/helper.h --\nint x;\n" +
            "-- example.com/bc@v1.0.0/data.json --\n{}\n" +
            "-- example.com/bc@v1.0.0/Makefile --\nall:\n",

        ["tests_and_testdata_of_dependencies_are_left_out"] =
            MainModule("1.17", "example.com/t v1.0.0; example.com/tdep v1.0.0", "example.com/t") +
            Dep("example.com/t", "v1.0.0", "1.17", "") +
            "-- example.com/t@v1.0.0/t_test.go --\npackage t\n\nimport _ \"example.com/tdep\"\n" +
            "-- example.com/t@v1.0.0/x_test.go --\npackage t_test\n" +
            "-- example.com/t@v1.0.0/testdata/input.txt --\ndata\n" +
            "-- example.com/t@v1.0.0/sub/sub.go --\npackage sub\n" +
            Dep("example.com/tdep", "v1.0.0", "1.17", ""),

        ["test_only_imports_of_the_main_module"] =
            MainModule("1.17", "example.com/a v1.0.0; example.com/testonly v1.0.0", "example.com/a") +
            "-- main_test.go --\npackage main\n\nimport (\n\t\"testing\"\n\n\t_ \"example.com/testonly/check\"\n)\n\nfunc TestX(t *testing.T) {}\n" +
            "-- x_test.go --\npackage main_test\n\nimport _ \"example.com/testonly/ext\"\n" +
            Dep("example.com/a", "v1.0.0", "1.17", "") +
            Dep("example.com/testonly", "v1.0.0", "1.17", "check", "ext", "unused"),

        ["embed_patterns_files_globs_and_directories"] =
            MainModule("1.19", "example.com/emb v1.0.0", "example.com/emb") +
            "-- example.com/emb@v1.0.0 --\nmodule example.com/emb\n\ngo 1.16\n" +
            "-- example.com/emb@v1.0.0/emb.go --\npackage emb\n\nimport \"embed\"\n\n//go:embed hello.txt\nvar Hello string\n\n//go:embed *.tmpl static\nvar T embed.FS\n\n//go:embed \"assets/deep/*.html\" `quoted-dir/file.css`\nvar A embed.FS\n\n//go:embed all:hidden\nvar H embed.FS\n" +
            "-- example.com/emb@v1.0.0/hello.txt --\nhello\n" +
            "-- example.com/emb@v1.0.0/a.tmpl --\na\n" +
            "-- example.com/emb@v1.0.0/b.tmpl --\nb\n" +
            "-- example.com/emb@v1.0.0/static/index.html --\ni\n" +
            "-- example.com/emb@v1.0.0/static/css/site.css --\nc\n" +
            "-- example.com/emb@v1.0.0/static/.hidden --\nskipped without all:\n" +
            "-- example.com/emb@v1.0.0/static/_draft.html --\nskipped without all:\n" +
            "-- example.com/emb@v1.0.0/assets/deep/x.html --\nx\n" +
            "-- example.com/emb@v1.0.0/assets/deep/y.txt --\nnot matched\n" +
            "-- example.com/emb@v1.0.0/quoted-dir/file.css --\nq\n" +
            "-- example.com/emb@v1.0.0/hidden/.env --\nkept with all:\n" +
            "-- example.com/emb@v1.0.0/hidden/_x/y --\nkept with all:\n" +
            "-- example.com/emb@v1.0.0/unused/unused.txt --\nnot copied\n",

        ["embeds_of_tests_and_ignored_files_are_copied"] =
            MainModule("1.18", "example.com/embt v1.0.0", "example.com/embt") +
            "-- example.com/embt@v1.0.0 --\nmodule example.com/embt\n\ngo 1.18\n" +
            "-- example.com/embt@v1.0.0/embt.go --\npackage embt\n" +
            "-- example.com/embt@v1.0.0/embt_test.go --\npackage embt\n\nimport _ \"embed\"\n\n//go:embed testfixtures/in.txt\nvar in string\n" +
            "-- example.com/embt@v1.0.0/x_test.go --\npackage embt_test\n\nimport _ \"embed\"\n\n//go:embed xfixtures\nvar x string\n" +
            "-- example.com/embt@v1.0.0/gen.go --\n//go:build ignore\n\npackage main\n\nimport _ \"embed\"\n\n//go:embed gen/template.txt\nvar t string\n" +
            "-- example.com/embt@v1.0.0/testfixtures/in.txt --\nin\n" +
            "-- example.com/embt@v1.0.0/testfixtures/other.txt --\nnot embedded\n" +
            "-- example.com/embt@v1.0.0/xfixtures/a --\na\n" +
            "-- example.com/embt@v1.0.0/gen/template.txt --\nt\n",

        ["embedded_directory_skips_nested_module"] =
            MainModule("1.17", "example.com/embn v1.0.0", "example.com/embn") +
            "-- ../embn/go.mod --\nmodule example.com/embn\n\ngo 1.17\n" +
            "-- ../embn/embn.go --\npackage embn\n\nimport \"embed\"\n\n//go:embed site\nvar F embed.FS\n" +
            "-- ../embn/site/a.txt --\na\n" +
            "-- ../embn/site/b/b.txt --\nb\n" +
            "-- ../embn/site/nested/go.mod --\nmodule example.com/embn/site/nested\n" +
            "-- ../embn/site/nested/n.txt --\nnot embedded: another module\n" +
            "-- ../embn/site/.git/config --\nnot embedded: version control\n",

        ["nested_modules"] =
            MainModule("1.17", "example.com/outer v1.0.0; example.com/outer/inner v1.1.0", "example.com/outer/pkg", "example.com/outer/inner/deep") +
            Dep("example.com/outer", "v1.0.0", "1.17", "pkg") +
            "-- example.com/outer@v1.0.0/LICENSE --\nouter\n" +
            Dep("example.com/outer/inner", "v1.1.0", "1.17", "deep") +
            "-- example.com/outer/inner@v1.1.0/LICENSE --\ninner\n",

        ["directory_replacement"] =
            MainModule("1.17", "example.com/r v1.0.0", "example.com/r/sub") +
            "-- ../r/go.mod --\nmodule example.com/r\n\ngo 1.16\n" +
            "-- ../r/LICENSE --\nlocal\n" +
            "-- ../r/sub/sub.go --\npackage sub\n" +
            "-- ../r/sub/sub_test.go --\npackage sub\n" +
            "-- ../r/sub/notes.txt --\nnotes\n",

        ["module_replacement"] =
            MainModule("1.17", "example.com/x v1.0.0", "example.com/x") +
            Dep("example.com/x", "v1.0.0", "1.17", "") +
            "-- example.com/fork@v1.1.0 --\nmodule example.com/x\n\ngo 1.18\n" +
            "-- example.com/fork@v1.1.0/x.go --\npackage x\n\nconst Forked = true\n" +
            "-- example.com/fork@v1.1.0/LICENSE --\nfork\n",

        ["unused_and_wildcard_replacements_are_recorded"] =
            MainModule("1.17", "example.com/a v1.0.0", "example.com/a") + Dep("example.com/a", "v1.0.0", "1.17", ""),

        ["incompatible_module"] =
            MainModule("1.17", "example.com/inc v2.0.0+incompatible", "example.com/inc/p") +
            "-- example.com/inc@v2.0.0+incompatible --\nmodule example.com/inc\n" +
            "-- example.com/inc@v2.0.0+incompatible/p/p.go --\npackage p\n" +
            "-- example.com/inc@v2.0.0+incompatible/LICENSE --\ninc\n",

        ["major_version_two"] =
            MainModule("1.17", "example.com/vtwo/v2 v2.3.0", "example.com/vtwo/v2", "example.com/vtwo/v2/sub") +
            Dep("example.com/vtwo/v2", "v2.3.0", "1.17", "", "sub") +
            "-- example.com/vtwo/v2@v2.3.0/LICENSE --\nv2\n",

        ["main_module_at_go_1_16_keeps_go_mod_files"] =
            MainModule("1.16", "example.com/a v1.0.0", "example.com/a", "example.com/a/sub") +
            Dep("example.com/a", "v1.0.0", "1.16", "", "sub") +
            "-- example.com/a@v1.0.0/go.sum --\n",

        ["main_module_at_go_1_13_has_no_annotations"] =
            MainModule("1.13", "example.com/a v1.0.0", "example.com/a") + Dep("example.com/a", "v1.0.0", "1.13", ""),

        ["main_module_at_go_1_14_marks_explicit_only"] =
            MainModule("1.14", "example.com/a v1.0.0; example.com/b v1.0.0", "example.com/a") +
            Dep("example.com/a", "v1.0.0", "1.14", "") +
            "-- example.com/a@v1.0.0/a2.go --\npackage a\n\nimport _ \"example.com/b\"\n" +
            Dep("example.com/b", "v1.0.0", "", ""),

        ["dependency_without_go_directive"] =
            MainModule("1.17", "example.com/old v1.0.0", "example.com/old") + Dep("example.com/old", "v1.0.0", "", ""),

        ["indirect_dependencies_provide_packages"] =
            MainModule("1.17", "example.com/a v1.0.0", "example.com/a") +
            Dep("example.com/a", "v1.0.0", "1.17", "") +
            "-- example.com/a@v1.0.0/dep.go --\npackage a\n\nimport _ \"example.com/b/bp\"\n" +
            Dep("example.com/b", "v1.0.0", "1.17", "bp") +
            "-- example.com/b@v1.0.0/bp/uses.go --\npackage bp\n\nimport _ \"example.com/c\"\n" +
            Dep("example.com/c", "v1.0.0", "1.17", ""),

        ["package_and_its_subpackage_both_vendored"] =
            MainModule("1.17", "example.com/tree v1.0.0", "example.com/tree/a", "example.com/tree/a/b", "example.com/tree/a/b/c") +
            Dep("example.com/tree", "v1.0.0", "1.17", "a", "a/b", "a/b/c", "a/unused") +
            "-- example.com/tree@v1.0.0/a/LICENSE --\nat a\n" +
            "-- example.com/tree@v1.0.0/a/b/data.txt --\ncopied with b\n" +
            "-- example.com/tree@v1.0.0/LICENSE --\nroot\n",

        ["module_path_prefix_of_another_module"] =
            MainModule("1.17", "example.com/p v1.0.0; example.com/pq v1.0.0", "example.com/p", "example.com/pq") +
            Dep("example.com/p", "v1.0.0", "1.17", "") + Dep("example.com/pq", "v1.0.0", "1.17", ""),

        ["main_module_packages_in_subdirectories"] =
            MainModule("1.17", "example.com/a v1.0.0; example.com/b v1.0.0", "example.com/main/internal/x") +
            "-- internal/x/x.go --\npackage x\n\nimport _ \"example.com/a\"\n" +
            "-- cmd/tool/main.go --\npackage main\n\nimport _ \"example.com/b\"\n\nfunc main() {}\n" +
            Dep("example.com/a", "v1.0.0", "1.17", "") + Dep("example.com/b", "v1.0.0", "1.17", ""),

        ["chain_of_five_modules"] =
            MainModule("1.17", "example.com/c1 v1.0.0", "example.com/c1") +
            Dep("example.com/c1", "v1.0.0", "1.17", "") + "-- example.com/c1@v1.0.0/i.go --\npackage c1\n\nimport _ \"example.com/c2\"\n" +
            Dep("example.com/c2", "v1.0.0", "1.17", "") + "-- example.com/c2@v1.0.0/i.go --\npackage c2\n\nimport _ \"example.com/c3/p\"\n" +
            Dep("example.com/c3", "v1.0.0", "1.17", "p") + "-- example.com/c3@v1.0.0/p/i.go --\npackage p\n\nimport _ \"example.com/c4\"\n" +
            Dep("example.com/c4", "v1.0.0", "1.17", "") + "-- example.com/c4@v1.0.0/i.go --\npackage c4\n\nimport _ \"example.com/c5\"\n" +
            Dep("example.com/c5", "v1.0.0", "1.16", ""),

        ["build_constrained_imports_are_followed"] =
            MainModule("1.17", "example.com/a v1.0.0", "example.com/a") +
            Dep("example.com/a", "v1.0.0", "1.17", "") +
            "-- example.com/a@v1.0.0/win_windows.go --\npackage a\n\nimport _ \"example.com/win\"\n" +
            "-- example.com/a@v1.0.0/tag.go --\n//go:build customtag\n\npackage a\n\nimport _ \"example.com/tagged\"\n" +
            "-- example.com/a@v1.0.0/ign.go --\n//go:build ignore\n\npackage a\n\nimport _ \"example.com/ignored\"\n" +
            Dep("example.com/win", "v1.0.0", "1.17", "") + Dep("example.com/tagged", "v1.0.0", "1.17", "") +
            Dep("example.com/ignored", "v1.0.0", "1.17", ""),

        ["cgo_file_embeds_are_ignored_without_cgo"] =
            MainModule("1.17", "example.com/cg v1.0.0", "example.com/cg") +
            "-- example.com/cg@v1.0.0 --\nmodule example.com/cg\n\ngo 1.17\n" +
            "-- example.com/cg@v1.0.0/cg.go --\npackage cg\n" +
            "-- example.com/cg@v1.0.0/c.go --\npackage cg\n\n// int x;\nimport \"C\"\n\nimport _ \"embed\"\n\n//go:embed cgodata.txt\nvar d string\n" +
            "-- example.com/cg@v1.0.0/cgodata.txt --\nd\n",

        ["pseudo_version_dependency"] =
            MainModule("1.17", "example.com/ps v0.0.0-20200102030405-0123456789ab", "example.com/ps") +
            Dep("example.com/ps", "v0.0.0-20200102030405-0123456789ab", "1.17", ""),

        ["explicit_requirement_without_packages"] =
            MainModule("1.17", "example.com/a v1.0.0; example.com/toolonly v1.0.0", "example.com/a") +
            Dep("example.com/a", "v1.0.0", "1.17", "") + Dep("example.com/toolonly", "v1.0.0", "1.18", ""),

        ["embed_glob_classes_and_escapes"] =
            MainModule("1.17", "example.com/glob v1.0.0", "example.com/glob") +
            "-- example.com/glob@v1.0.0 --\nmodule example.com/glob\n\ngo 1.17\n" +
            "-- example.com/glob@v1.0.0/glob.go --\npackage glob\n\nimport \"embed\"\n\n//go:embed [ab]?.txt data/*/*.bin\nvar F embed.FS\n" +
            "-- example.com/glob@v1.0.0/a1.txt --\na1\n" +
            "-- example.com/glob@v1.0.0/b2.txt --\nb2\n" +
            "-- example.com/glob@v1.0.0/c3.txt --\nc3\n" +
            "-- example.com/glob@v1.0.0/data/x/1.bin --\n1\n" +
            "-- example.com/glob@v1.0.0/data/y/2.bin --\n2\n" +
            "-- example.com/glob@v1.0.0/data/y/3.txt --\n3\n",

        ["several_packages_of_several_modules"] =
            MainModule("1.18", "example.com/m1 v1.0.0; example.com/m2 v1.2.0; example.com/m3 v0.3.0",
                "example.com/m1/a", "example.com/m1/b", "example.com/m2", "example.com/m2/x/y", "example.com/m3/z") +
            Dep("example.com/m1", "v1.0.0", "1.18", "a", "b", "c") + "-- example.com/m1@v1.0.0/LICENSE --\nm1\n" +
            Dep("example.com/m2", "v1.2.0", "1.12", "", "x/y") + "-- example.com/m2@v1.2.0/COPYING --\nm2\n" +
            Dep("example.com/m3", "v0.3.0", "1.19", "z") + "-- example.com/m3@v0.3.0/z/LICENSE --\nm3z\n",

        ["dependency_package_in_module_root_and_go_files_in_parent"] =
            MainModule("1.17", "example.com/root v1.0.0", "example.com/root/leaf") +
            Dep("example.com/root", "v1.0.0", "1.17", "", "leaf") +
            "-- example.com/root@v1.0.0/doc.txt --\nnot copied (root is not vendored)\n" +
            "-- example.com/root@v1.0.0/LICENSE --\nroot\n",

        ["go_1_17_drops_nested_go_mod_and_sum_files_of_packages"] =
            MainModule("1.17", "example.com/gs v1.0.0", "example.com/gs") +
            Dep("example.com/gs", "v1.0.0", "1.17", "") + "-- example.com/gs@v1.0.0/go.sum --\n",

        ["replacement_directory_with_embed_and_license_levels"] =
            MainModule("1.19", "example.com/lr v1.0.0", "example.com/lr/a/b") +
            "-- ../lr/go.mod --\nmodule example.com/lr\n\ngo 1.19\n" +
            "-- ../lr/LICENSE --\nroot\n" +
            "-- ../lr/a/NOTICE --\nnotice\n" +
            "-- ../lr/a/b/b.go --\npackage b\n\nimport _ \"embed\"\n\n//go:embed tmpl/*.txt\nvar s string\n" +
            "-- ../lr/a/b/tmpl/one.txt --\n1\n",
    };

    /// <summary>Lines appended to the main go.mod of a scenario (replacements), by scenario name.</summary>
    public static readonly Dictionary<string, string> ModAppend = new()
    {
        ["directory_replacement"] = "\nreplace example.com/r => ../r\n",
        ["module_replacement"] = "\nreplace example.com/x v1.0.0 => example.com/fork v1.1.0\n",
        ["unused_and_wildcard_replacements_are_recorded"] = "\nreplace (\n\texample.com/unused v1.5.0 => ../nowhere\n\texample.com/wild => example.com/other v1.0.0\n)\n",
        ["replacement_directory_with_embed_and_license_levels"] = "\nreplace example.com/lr => ../lr\n",
        ["embedded_directory_skips_nested_module"] = "\nreplace example.com/embn => ../embn\n",
    };

    /// <summary>Scenarios whose go.mod must stay as written (go mod tidy would drop a requirement the test is about).</summary>
    public static readonly HashSet<string> NoTidy = ["explicit_requirement_without_packages", "unused_and_wildcard_replacements_are_recorded"];

    /// <summary>The scenario's text with its go.mod additions.</summary>
    public static string Text(string name)
    {
        var text = All[name];
        if (!ModAppend.TryGetValue(name, out var extra)) return text;
        var at = text.IndexOf("-- main.go --", StringComparison.Ordinal);
        return text[..at] + extra.TrimStart('\n') + text[at..];
    }

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var name in All.Keys) data.Add(name);
        return data;
    }
}
