using GoMod.Testing;

namespace GoMod.Core.Tests.Vcs.Infrastructure;

/// <summary>
/// The test repositories, built once per test class with real git and served by a <see cref="GitHttpServer"/>:
/// <list type="bullet">
/// <item><c>acme/lib</c>: root module with v1.0.0 (retracted at v1.1.0), v1.1.0, a non-canonical tag v1.2, an untagged
/// commit on main and a <c>feature</c> branch whose head also has the non-semver tag <c>nightly</c>; a subdirectory module <c>sub</c> (tags sub/v0.1.0, sub/v0.2.0, no
/// LICENSE of its own); a major-version subdirectory <c>v2/</c> (tag v2.0.0); and, in v1.1.0, files the zip rules
/// leave out (vendor/, a nested module, a symlink, .hg_archival.txt).</item>
/// <item><c>acme/modv2</c>: the major version in the go.mod line (<c>module …/modv2/v2</c>) from v2.0.0, an annotated
/// tag v2.1.0 and an untagged commit after it.</item>
/// <item><c>acme/old</c>: no go.mod at all, tags v1.0.0, v2.0.0 and v3.1.0 (listed as +incompatible).</item>
/// </list>
/// Module paths are <c>github.com/acme/…</c>; a test's git configuration rewrites <c>https://github.com/</c> to the
/// server (<see cref="GitConfig"/>), for go and for us alike, so nothing leaves 127.0.0.1.
/// </summary>
public sealed class GitRepoFixture : IAsyncLifetime
{
    private readonly TempDirectory _tmp = new("vcsrepos");

    public GitHttpServer Server { get; private set; } = null!;

    public string LibUntagged { get; private set; } = "";
    public string LibFeature { get; private set; } = "";
    public string ModV2Untagged { get; private set; } = "";

    /// <summary>A ~/.gitconfig that sends https://github.com/ to the test server.</summary>
    public string GitConfig => $"[url \"{Server.Url}\"]\n\tinsteadOf = https://github.com/\n";

    /// <summary>Writes <see cref="GitConfig"/> into <paramref name="home"/>/.gitconfig.</summary>
    public void WriteGitConfig(string home, string extra = "")
    {
        Directory.CreateDirectory(home);
        File.WriteAllText(Path.Combine(home, ".gitconfig"), GitConfig + extra);
    }

    public Task InitializeAsync()
    {
        var root = _tmp.Combine("srv");
        var start = new DateTimeOffset(2023, 1, 2, 3, 4, 5, TimeSpan.Zero);

        var lib = new GitWorkTree(_tmp.Combine("w", "lib"), start);
        lib.Write("go.mod", "module github.com/acme/lib\n\ngo 1.16\n")
            .Write("lib.go", "package lib\n\nconst V = 1\n")
            .Write("LICENSE", "Root license text\n")
            .Write("sub/go.mod", "module github.com/acme/lib/sub\n\ngo 1.16\n")
            .Write("sub/sub.go", "package sub\n\nconst S = 1\n");
        lib.Commit("v1.0.0");
        lib.Tag("v1.0.0").Tag("sub/v0.1.0");
        lib.Write("go.mod", "module github.com/acme/lib\n\ngo 1.16\n\nretract v1.0.0 // broken\n")
            .Write("lib.go", "package lib\n\nconst V = 2\n")
            .Write("vendor/example.com/x/x.go", "package x\n")
            .Write("vendor/modules.txt", "# example.com/x v1.0.0\n")
            .Write("nested/go.mod", "module github.com/acme/lib/nested\n")
            .Write("nested/n.go", "package nested\n")
            .Write(".hg_archival.txt", "repo: x\n")
            .Write("internal/deep/d.go", "package deep\n")
            .Write("sub/sub.go", "package sub\n\nconst S = 2\n")
            .Write("v2/go.mod", "module github.com/acme/lib/v2\n\ngo 1.16\n")
            .Write("v2/v2.go", "package lib\n\nconst V = 20\n")
            .Symlink("link.go", "lib.go");
        lib.Commit("v1.1.0");
        lib.Tag("v1.1.0").Tag("v1.2").Tag("sub/v0.2.0").Tag("v2.0.0", annotated: true);
        lib.Checkout("feature", create: true).Write("feature.go", "package lib\n\nconst F = 1\n");
        LibFeature = lib.Commit("feature work");
        lib.Tag("nightly");
        lib.Checkout("main").Write("lib.go", "package lib\n\nconst V = 3\n");
        LibUntagged = lib.Commit("untagged work");
        lib.PushTo(Path.Combine(root, "acme", "lib"));

        var modv2 = new GitWorkTree(_tmp.Combine("w", "modv2"), start.AddDays(10));
        modv2.Write("go.mod", "module github.com/acme/modv2\n\ngo 1.17\n").Write("a.go", "package modv2\n\nconst A = 1\n");
        modv2.Commit("v1");
        modv2.Tag("v1.0.0");
        modv2.Write("go.mod", "module github.com/acme/modv2/v2\n\ngo 1.17\n").Write("a.go", "package modv2\n\nconst A = 2\n");
        modv2.Commit("v2");
        modv2.Tag("v2.0.0");
        modv2.Write("b.go", "package modv2\n\nconst B = 1\n");
        modv2.Commit("v2.1");
        modv2.Tag("v2.1.0", annotated: true);
        modv2.Write("c.go", "package modv2\n\nconst C = 1\n");
        ModV2Untagged = modv2.Commit("after v2.1.0");
        modv2.PushTo(Path.Combine(root, "acme", "modv2"));

        var old = new GitWorkTree(_tmp.Combine("w", "old"), start.AddDays(20));
        old.Write("old.go", "package old\n\nconst O = 1\n").Write("LICENSE", "old license\n");
        old.Commit("one");
        old.Tag("v1.0.0");
        old.Write("old.go", "package old\n\nconst O = 2\n");
        old.Commit("two");
        old.Tag("v2.0.0");
        old.Write("old.go", "package old\n\nconst O = 3\n");
        old.Commit("three");
        old.Tag("v3.1.0");
        old.PushTo(Path.Combine(root, "acme", "old"));

        Server = new GitHttpServer(root);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        _tmp.Dispose();
    }
}
