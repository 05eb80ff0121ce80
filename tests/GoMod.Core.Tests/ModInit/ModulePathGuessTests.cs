using GoMod.Core.ModInit;
using GoMod.Core.ModSource;
using GoMod.Testing;

namespace GoMod.Core.Tests.ModInit;

/// <summary>go mod init's module path from GOPATH and its checks of a given path, against go 1.19.</summary>
public class ModulePathGuessTests
{
    [GoTheory]
    [InlineData("example.com/gp/proj")]
    [InlineData("example.com/bad path")]
    [InlineData("nodot/proj")]
    [InlineData("")]
    public async Task Directory_under_GOPATH_src_gives_go_s_path_or_error(string rel)
    {
        using var tmp = new TempDirectory("gopath-guess");
        var gopath = tmp.Combine("gopath");
        var dir = rel.Length == 0 ? Path.Combine(gopath, "src") : Path.Combine([gopath, "src", .. rel.Split('/')]);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "x.go"), "package x\n");
        Directory.CreateDirectory(tmp.Combine("proxy"));

        var ours = await ModuleInit.RunAsync(dir, new DirectoryModuleSource(tmp.Combine("proxy")), "", gopath);
        var go = GoOracle.Run(dir, tmp.Combine("home"), new Dictionary<string, string?> { ["GOPATH"] = gopath }, "mod", "init");

        ours.ExitCode.ShouldBe(go.ExitCode);
        ours.StdErr.ShouldBe(go.StdErr);
        if (go.ExitCode == 0) ours.GoMod.ShouldBe(File.ReadAllText(Path.Combine(dir, "go.mod")));
    }

    [GoTheory]
    [InlineData("example.com/m/v1")]
    [InlineData("example.com/m/v0")]
    [InlineData("example.com/m/v1.2")]
    [InlineData("example.com/m/v3.0.1")]
    [InlineData("example.com/m/v2")]
    [InlineData("gopkg.in/yaml")]
    [InlineData("gopkg.in/yaml.v")]
    [InlineData("gopkg.in/yaml/v2")]
    [InlineData("gopkg.in/yaml.v0")]
    [InlineData("gopkg.in/check7.v")]
    [InlineData("example.com/./x")]
    [InlineData("../x")]
    [InlineData(".")]
    [InlineData("Example.com/M")]
    [InlineData("example.com/m@v1")]
    public async Task Given_module_path_is_checked_as_go_checks_it(string path)
    {
        using var tmp = new TempDirectory("path-check");
        var dir = tmp.Combine("m");
        Directory.CreateDirectory(dir);
        Directory.CreateDirectory(tmp.Combine("proxy"));

        var ours = await ModuleInit.RunAsync(dir, new DirectoryModuleSource(tmp.Combine("proxy")), path);
        File.Exists(Path.Combine(dir, "go.mod")).ShouldBeFalse();
        var go = GoOracle.Run(dir, tmp.Combine("home"), null, "mod", "init", path);

        ours.StdErr.ShouldBe(go.StdErr);
        ours.ExitCode.ShouldBe(go.ExitCode);
        if (go.ExitCode == 0) ours.GoMod.ShouldBe(File.ReadAllText(Path.Combine(dir, "go.mod")));
    }

    [Theory]
    [InlineData("package p // import \"example.com/p\"\n", "example.com/p")]
    [InlineData("// c\npackage p   //   import   \"example.com/p\"  \r\n", "example.com/p")]
    [InlineData("package p // import \"example.com/p\"", null)]
    [InlineData("package p /* import \"example.com/p\" */\n", null)]
    [InlineData("package p // import `example.com/p`\n", null)]
    [InlineData("package p // import \"bad\\q\"\n", null)]
    public void Import_comment_is_matched_as_go_s_pattern_matches_it(string source, string? path)
    {
        using var tmp = new TempDirectory("import-comment");
        var file = tmp.Write("p.go", source);
        ModulePathGuess.FindImportComment(file).ShouldBe(path);
    }
}
