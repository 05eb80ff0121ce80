extern alias benchmarks;
using benchmarks::GoMod.Benchmarks.Corpus;
using GoMod.Testing;

namespace GoMod.Core.Tests.Corpus;

/// <summary>
/// The corpus generator on an authored source tree: which directories become modules, the closed requirement graph,
/// the skipped module, the imported packages; go itself downloads the result (checking our go.sum) and loads its packages.
/// </summary>
public sealed class GoCorpusTests : IDisposable
{
    private readonly TempDirectory _dir = new("corpus");

    public void Dispose() => _dir.Dispose();

    private CorpusResult Build()
    {
        // a: a real module requiring b (in the corpus) and x (not in it); imports b/sub2.
        _dir.Write("src/example.com/a/go.mod", "module example.com/a\n\ngo 1.17\n\nrequire (\n\texample.com/b v1.9.9\n\tother.org/x v1.0.0\n)\n\nreplace other.org/x => ../x\n");
        _dir.Write("src/example.com/a/a.go", "package a\n\nimport (\n\t\"fmt\"\n\t_ \"example.com/b/sub2\"\n)\n\nvar _ = fmt.Sprint\n");
        _dir.Write("src/example.com/a/internal/i/i.go", "package i\n");
        // b: no go.mod anywhere above its code, so a repository root (host rule without dpkg data: two elements).
        _dir.Write("src/example.com/b/sub/sub.go", "// +build linux windows\n\npackage sub\n\nimport \"strings\"\n\nvar _ = strings.Cut\n");
        _dir.Write("src/example.com/b/sub/sub_windows.go", "package sub\n\nimport _ \"example.com/a/internal/i\"\n");
        _dir.Write("src/example.com/b/sub2/s.go", "package sub2\n");
        // c: a module whose only package imports something no module provides, and a main package.
        _dir.Write("src/example.com/c/go.mod", "module example.com/c\n\ngo 1.16\n");
        _dir.Write("src/example.com/c/c.go", "package c\n\nimport _ \"example.net/missing\"\n");
        _dir.Write("src/example.com/c/cmd/tool/main.go", "package main\n\nfunc main() {}\n");
        // bad: file names that differ only in case, refused by the zip rules.
        _dir.Write("src/example.com/bad/go.mod", "module example.com/bad\n");
        _dir.Write("src/example.com/bad/X.go", "package bad\n");
        _dir.Write("src/example.com/bad/x.go", "package bad\n");
        // v2: a major-version module with a Debian release that does not fit its path.
        _dir.Write("src/example.com/d/v2/go.mod", "module example.com/d/v2\n\ngo 1.21.0\n\ntoolchain go1.21.3\n");
        _dir.Write("src/example.com/d/v2/d.go", "package d\n");
        return GoCorpus.BuildProxy(_dir.Combine("src"), _dir.Combine("out"), new CorpusOptions { Debian = DebianVersions.Empty, Parallelism = 2 });
    }

    [Fact]
    public void Modules_requirements_and_imports_follow_the_sources()
    {
        var result = Build();

        result.Skipped.Select(s => s.Path + ": " + s.Reason).ShouldBe(["example.com/bad: zip rules: x.go: case-insensitive file name collision: \"X.go\" and \"x.go\""]);
        result.Modules.Select(m => m.Path).ShouldBe(["example.com/a", "example.com/b", "example.com/c", "example.com/d/v2"]);
        var b = result.Modules.Single(m => m.Path == "example.com/b");
        b.SynthesizedGoMod.ShouldBeTrue();
        b.Version.ShouldMatch(@"^v0\.0\.0-20200101000000-[0-9a-f]{12}$");
        result.Modules.Single(m => m.Path == "example.com/d/v2").Version.ShouldStartWith("v2.0.0-");

        // Requirements on corpus modules point at the corpus version; others, replace and toolchain lines are gone.
        var a = result.Modules.Single(m => m.Path == "example.com/a");
        var aMod = File.ReadAllText(Path.Combine(result.ProxyDir, "example.com", "a", "@v", a.Version + ".mod"));
        aMod.ShouldBe($"module example.com/a\n\ngo 1.17\n\nrequire (\n\texample.com/b {b.Version}\n)\n");
        File.ReadAllText(Path.Combine(result.ProxyDir, "example.com", "d", "v2", "@v", "list")).ShouldBe("");
        File.ReadAllText(Path.Combine(result.ProxyDir, "example.com", "b", "@v", b.Version + ".mod")).ShouldBe("module example.com/b\n");

        // b/sub's windows file imports a's internal package: not allowed, so b offers sub2; c has no importable package.
        a.ImportedPackage.ShouldBe("example.com/a");
        b.ImportedPackage.ShouldBe("example.com/b/sub2");
        result.Modules.Single(m => m.Path == "example.com/c").ImportedPackage.ShouldBeNull();
        File.ReadAllText(Path.Combine(result.MainDir, "main.go")).ShouldContain("_ \"example.com/d/v2\"");
    }

    [Fact]
    public void Tag_specific_imports_count_under_any_tags()
    {
        _dir.Write("src/example.com/e/go.mod", "module example.com/e\n");
        _dir.Write("src/example.com/e/e.go", "package e\n");
        _dir.Write("src/example.com/e/e_plan9.go", "package e\n\nimport _ \"example.org/plan9only\"\n");
        _dir.Write("src/example.com/e/ok/ok.go", "//go:build ignore\n\npackage main\n\nimport _ \"example.org/gone\"\n");
        _dir.Write("src/example.com/e/ok/ok2.go", "package ok\n");
        var result = GoCorpus.BuildProxy(_dir.Combine("src"), _dir.Combine("out"), new CorpusOptions { Debian = DebianVersions.Empty });
        result.Modules.ShouldHaveSingleItem().ImportedPackage.ShouldBe("example.com/e/ok");
    }

    [GoFact]
    public void Go_downloads_the_corpus_with_our_go_sum_and_loads_the_main_packages()
    {
        var result = Build();
        var env = new Dictionary<string, string?> { ["GOPROXY"] = new Uri(result.ProxyDir).AbsoluteUri };
        var home = _dir.Combine("home");
        Directory.CreateDirectory(home);
        GoOracle.Run(result.MainDir, home, env, "mod", "download").EnsureSuccess("go mod download");
        var list = GoOracle.Run(result.MainDir, home, env, "list", "-deps", "-f", "{{.ImportPath}} {{with .Module}}{{.Path}}{{end}}", ".").EnsureSuccess("go list -deps");
        list.StdOut.ShouldContain("example.com/b/sub2 example.com/b");
        list.StdOut.ShouldContain("example.com/d/v2 example.com/d/v2");
        GoOracle.Run(result.MainDir, home, env, "build", "-o", Path.Combine(home, "main"), ".").EnsureSuccess("go build");
        // go agrees with every go.sum line we wrote.
        GoOracle.Run(result.MainDir, home, env, "mod", "verify").EnsureSuccess("go mod verify");
    }

    [Theory]
    [InlineData("github.com/a/b", "1.9.4-1", "v1.9.4")]
    [InlineData("github.com/a/b", "1:2.3.4+ds-1", "v0.0.0-20200101000000-")]
    [InlineData("github.com/a/b/v2", "2.3.4+ds1-2", "v2.3.4")]
    [InlineData("gopkg.in/yaml.v3", "3.0.1-3", "v3.0.1")]
    [InlineData("github.com/a/b", "1.2~rc1-1", "v1.2.0-rc1")]
    [InlineData("github.com/a/b", "0.0~git20160811.0.371fbbd-4", "v0.0.0-20160811000000-371fbbd00000")]
    [InlineData("github.com/a/b", "0.0~git20201026.fce18e2-1", "v0.0.0-20201026000000-fce18e200000")]
    [InlineData("github.com/a/b", "1.3.0+git20210301.aabbccd-1", "v1.3.1-0.20210301000000-aabbccd00000")]
    [InlineData("github.com/a/b", "1.0.0~rc1+git20210721-0.1", "v0.0.0-20210721000000-")]
    public void Debian_versions_map_to_go_versions(string path, string debian, string expectedPrefix)
    {
        var v = DebianVersions.GoVersion(path, debian);
        v.ShouldStartWith(expectedPrefix);
        GoMod.Core.Module.ModulePath.MatchPathMajor(v, path.Contains("/v2") ? "/v2" : path.EndsWith(".v3", StringComparison.Ordinal) ? ".v3" : "").ShouldBeTrue();
        GoMod.Core.Module.ModulePath.CanonicalVersion(v).ShouldBe(v);
    }
}
