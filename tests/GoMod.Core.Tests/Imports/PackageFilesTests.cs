using System.Text;
using GoMod.Core.Imports;
using GoMod.Core.Packages;

namespace GoMod.Core.Tests.Imports;

/// <summary>One package directory read as go/build and cmd/go's scanner read it: file classes, import and embed positions, tags.</summary>
public class PackageFilesTests
{
    private static (string, Func<byte[]>) File(string name, string text) => (name, () => Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Imports_are_sorted_with_the_position_of_their_first_spec_at_its_name_if_named()
    {
        var p = PackageFiles.Scan([
            File("b.go", "package p\n\nimport (\n\tx \"example.com/x\"\n\t. \"example.com/dot\"\n\t\"example.com/a\"\n)\n"),
            File("a.go", "package p\n\nimport \"example.com/x\"\n"),
        ], BuildTags.Host("linux", "amd64"));

        p.Imports.ShouldBe([
            new PackageImport("example.com/a", new SourcePosition("b.go", 6, 2)),
            new PackageImport("example.com/dot", new SourcePosition("b.go", 5, 2)),
            // a.go comes first in name order.
            new PackageImport("example.com/x", new SourcePosition("a.go", 3, 8)),
        ]);
        p.GoFiles.ShouldBe(["a.go", "b.go"]);
    }

    [Fact]
    public void Files_are_classified_by_suffix_constraint_cgo_and_test_package()
    {
        var p = PackageFiles.Scan([
            File("p.go", "package p\n"),
            File("p_windows.go", "package p\n\nimport \"example.com/w\"\n"),
            File("p_linux_amd64.go", "package p\n\nimport \"example.com/l\"\n"),
            File("ign.go", "//go:build ignore\n\npackage p\n"),
            File("old.go", "// +build !linux\n\npackage p\n"),
            File("c.go", "package p\n\nimport \"C\"\n"),
            File("p_test.go", "package p\n\nimport \"example.com/t\"\n"),
            File("x_test.go", "package p_test\n\nimport \"example.com/xt\"\n"),
            File("_skip.go", "package p\n"),
            File("README.md", "text"),
        ], BuildTags.Host("linux", "amd64"));

        p.Name.ShouldBe("p");
        p.GoFiles.ShouldBe(["p.go", "p_linux_amd64.go"]);
        p.CgoFiles.ShouldBeEmpty();
        p.IgnoredGoFiles.ShouldBe(["c.go", "ign.go", "old.go", "p_windows.go"]);
        p.TestGoFiles.ShouldBe(["p_test.go"]);
        p.XTestGoFiles.ShouldBe(["x_test.go"]);
        p.Imports.Select(i => i.Path).ShouldBe(["example.com/l"]);
        p.TestImports.Select(i => i.Path).ShouldBe(["example.com/t", "example.com/xt"]);

        var cgo = PackageFiles.Scan([File("c.go", "package p\n\nimport \"C\"\nimport \"example.com/c\"\n")], BuildTags.Host("linux", "amd64", cgoEnabled: true));
        cgo.CgoFiles.ShouldBe(["c.go"]);
        cgo.Imports.Select(i => i.Path).ShouldBe(["example.com/c"]);

        var any = PackageFiles.Scan([File("p_windows.go", "package p\n\nimport \"example.com/w\"\n"), File("i.go", "//go:build ignore\n\npackage p\n")], BuildTags.Any);
        any.GoFiles.ShouldBe(["p_windows.go"]);
        any.IgnoredGoFiles.ShouldBe(["i.go"]);
    }

    [Fact]
    public void Only_ignored_files_is_no_go_files_and_a_NUL_is_an_error()
    {
        PackageFiles.Scan([File("i.go", "//go:build ignore\n\npackage p\n")], BuildTags.Host()).NoGoFiles.ShouldBeTrue();
        PackageFiles.Scan([File("a.go", "package p\nimport \"a\0\"\n")], BuildTags.Host()).Error.ShouldBe("reading a.go: unexpected NUL in input");
    }

    [Fact]
    public void Embed_patterns_of_files_importing_embed_with_their_positions()
    {
        const string source = "package p\n\nimport _ \"embed\"\n\n//go:embed a.txt \"b c.txt\" `d.txt`\nvar s string\n\n"
            + "var x = \"//go:embed no.txt\"\n/*\n//go:embed no2.txt\n*/\n  //go:embed  e/*.txt\nvar t string\n//go:embedded no3\n";
        var p = PackageFiles.Scan([File("p.go", source), File("q.go", "package p\n\n//go:embed ignored.txt\nvar u string\n")], BuildTags.Host());

        p.EmbedPatterns.ShouldBe([
            new EmbedPattern("a.txt", new SourcePosition("p.go", 5, 12)),
            new EmbedPattern("b c.txt", new SourcePosition("p.go", 5, 18)),
            new EmbedPattern("d.txt", new SourcePosition("p.go", 5, 28)),
            new EmbedPattern("e/*.txt", new SourcePosition("p.go", 12, 15)),
        ]);
    }

    [Theory]
    [InlineData("fmt", "", true)]
    [InlineData("net/http/httptest", "", true)]
    [InlineData("vendor/golang.org/x/net/dns/dnsmessage", "", true)]
    [InlineData("slices", "1.19", false)]
    [InlineData("slices", "1.21", true)]
    [InlineData("log/slog", "1.20", false)]
    [InlineData("example.com/fmt", "", false)]
    [InlineData("notstd/pkg", "", false)]
    public void The_standard_library_is_go_1_19s_GOROOT_plus_what_later_versions_added(string path, string goVersion, bool std)
    {
        StandardLibrary.Contains(path, goVersion).ShouldBe(std);
        StandardLibrary.IsStandardImportPath(path).ShouldBe(!path.StartsWith("example.com", StringComparison.Ordinal));
    }

    [Fact]
    public void Standard_library_list_is_every_directory_of_the_installed_go_1_19_source_when_present()
    {
        const string src = "/usr/share/go-1.19/src";
        if (!Directory.Exists(src)) return;
        foreach (var dir in Directory.EnumerateDirectories(src, "*", SearchOption.AllDirectories))
            StandardLibrary.Contains(Path.GetRelativePath(src, dir).Replace(Path.DirectorySeparatorChar, '/')).ShouldBeTrue(dir);
    }

    [Theory]
    [InlineData("x_linux.go", true)]
    [InlineData("x_windows.go", false)]
    [InlineData("x_linux_arm64.go", false)]
    [InlineData("x_amd64_test.go", true)]
    [InlineData("linux.go", true)]
    [InlineData("x_unix.go", true)]
    public void File_name_suffixes_match_the_target(string name, bool matches) =>
        BuildTags.Host("linux", "amd64").MatchFile(name).ShouldBe(matches);

    [Fact]
    public void Release_tags_follow_the_go_version_never_below_the_toolchain()
    {
        BuildTags.Host(goVersion: "1.16").Match("go1.19", true).ShouldBeTrue();
        BuildTags.Host(goVersion: "1.16").Match("go1.20", true).ShouldBeFalse();
        BuildTags.Host(goVersion: "1.21").Match("go1.21", true).ShouldBeTrue();
        BuildTags.Host("linux", "amd64").Match("unix", true).ShouldBeTrue();
        BuildTags.Host("windows", "amd64").Match("unix", true).ShouldBeFalse();
        BuildTags.Any.Match("ignore", true).ShouldBeFalse();
        BuildTags.Any.Match("anything", false).ShouldBeFalse();
    }
}
