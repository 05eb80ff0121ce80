using GoMod.Core.GoEnv;
using GoMod.Core.Tests.Vcs.Infrastructure;
using GoMod.Core.Vcs;

namespace GoMod.Core.Tests.Vcs;

/// <summary>
/// The parts of import path resolution that need no server: go's table of hosting sites, the generic
/// <c>host/path.vcs</c> qualifier, the go-import tag parser and matcher, GOVCS parsing and rules, and URL redaction.
/// Expected values follow cmd/go/internal/vcs (go 1.19).
/// </summary>
public sealed class ImportPathResolutionTests
{
    private static RepoRootResolver Resolver(string govcs = "", string goPrivate = "", string goInsecure = "")
    {
        var env = GoEnvironment.FromVariables(new Dictionary<string, string?>
        {
            ["HOME"] = Path.GetTempPath(), ["GOENV"] = "off", ["GOPATH"] = Path.Combine(Path.GetTempPath(), "gomod-unused"),
            ["GOPRIVATE"] = goPrivate, ["GOINSECURE"] = goInsecure,
        });
        var options = new VcsOptions { CommandTimeout = TimeSpan.FromSeconds(20), HttpTimeout = TimeSpan.FromSeconds(5) };
        return new RepoRootResolver(new GitRunner(options, null), new DirectHttp(options), env, GovcsConfig.Parse(govcs));
    }

    [Theory]
    [InlineData("github.com/user/repo", "https://github.com/user/repo", "github.com/user/repo")]
    [InlineData("github.com/user/repo/sub/pkg", "https://github.com/user/repo", "github.com/user/repo")]
    [InlineData("github.com/user/repo/v2", "https://github.com/user/repo", "github.com/user/repo")]
    [InlineData("bitbucket.org/team/proj/x", "https://bitbucket.org/team/proj", "bitbucket.org/team/proj")]
    [InlineData("hub.jazz.net/git/user1/pkgname/sub", "https://hub.jazz.net/git/user1/pkgname", "hub.jazz.net/git/user1/pkgname")]
    [InlineData("git.apache.org/thrift.git/lib/go", "https://git.apache.org/thrift.git", "git.apache.org/thrift.git")]
    [InlineData("git.openstack.org/openstack/swift.git/x", "https://git.openstack.org/openstack/swift.git", "git.openstack.org/openstack/swift.git")] // greedy, as in go
    [InlineData("git.openstack.org/openstack/swift/x", "https://git.openstack.org/openstack/swift", "git.openstack.org/openstack/swift")]
    public async Task Hosting_sites_map_as_in_gos_table(string path, string repo, string root)
    {
        var rr = await Resolver().ResolveAsync(path, CancellationToken.None);
        rr.ShouldBe(new RepoRoot(repo, root, "git", false));
    }

    [Theory]
    [InlineData("github.com/user", "invalid github.com import path \"github.com/user\"")]
    [InlineData("github.com/user/repo.git", "invalid version control suffix in github.com/ path")]
    [InlineData("bitbucket.org/team/proj.hg/x", "invalid version control suffix in bitbucket.org/ path")]
    public async Task Bad_hosting_site_paths_are_refused(string path, string message)
    {
        var e = await VcsAssert.FailsAsync(() => Resolver().ResolveAsync(path, CancellationToken.None), VcsErrorKind.ImportPathNotResolved);
        e.Detail.ShouldBe(message);
    }

    [Fact]
    public async Task Chiselapp_is_fossil_and_refused_by_GOVCS_by_default()
    {
        var e = await VcsAssert.FailsAsync(() => Resolver().ResolveAsync("chiselapp.com/user/kyle/repository/fossilgg", CancellationToken.None), VcsErrorKind.DisallowedByGovcs);
        e.Detail.ShouldBe("GOVCS disallows using fossil for public chiselapp.com/user/kyle/repository/fossilgg; see 'go help vcs'");
        var allowed = await VcsAssert.FailsAsync(() => Resolver(govcs: "chiselapp.com:fossil").ResolveAsync("chiselapp.com/user/kyle/repository/fossilgg", CancellationToken.None), VcsErrorKind.UnsupportedVcs);
        allowed.Detail.ShouldContain("fossil");
    }

    [Fact]
    public async Task A_vcs_qualifier_names_the_repository_and_falls_back_to_gos_first_scheme_when_no_scheme_answers()
    {
        // Nothing listens on port 1: every probe (https, git+ssh, ssh; git and http only under GOINSECURE) fails fast.
        var rr = await Resolver().ResolveAsync("127.0.0.1:1/x/repo.git/sub/pkg", CancellationToken.None);
        rr.ShouldBe(new RepoRoot("git://127.0.0.1:1/x/repo.git", "127.0.0.1:1/x/repo.git", "git", false));
    }

    [Fact]
    public async Task A_private_path_may_use_any_vcs_by_default()
    {
        await VcsAssert.FailsAsync(() => Resolver(goPrivate: "chiselapp.com").ResolveAsync("chiselapp.com/user/kyle/repository/fossilgg", CancellationToken.None), VcsErrorKind.UnsupportedVcs);
    }

    [Fact]
    public void Go_import_tags_are_read_with_gos_rules()
    {
        var html = """
            <!DOCTYPE html><html><head>
            <!-- <meta name="go-import" content="example.com/commented git https://x/y"> -->
            <meta name="go-source" content="example.com/a https://a _ _">
            <meta name="go-import" content="example.com/a git https://code.example/a">
            <Meta Name="GO-IMPORT" content="example.com/b hg https://code.example/b">
            <meta name="go-import" content="example.com/a mod https://proxy.example">
            <meta name="go-import" content="example.com/c git https://code.example/c sub">
            <meta name=go-import content='example.com/d git https://code.example/d?x=1&amp;y=2'>
            </head><body>
            <meta name="go-import" content="example.com/late git https://code.example/late">
            """u8;
        GoImportMeta.Parse(html).ShouldBe(
        [
            new MetaImport("example.com/a", "mod", "https://proxy.example"),
            new MetaImport("example.com/d", "git", "https://code.example/d?x=1&y=2"),
        ], ignoreOrder: false);
    }

    [Fact]
    public void Matching_prefers_the_mod_entry_and_rejects_ambiguity()
    {
        MetaImport mod = new("example.com/a", "mod", "https://proxy"), git = new("example.com/a", "git", "https://git");
        GoImportMeta.Match([mod, git], "example.com/a/b", out _, out _).ShouldBe(mod);
        GoImportMeta.Match([git, new("example.com", "git", "https://other")], "example.com/a", out var error, out var mismatch).ShouldBeNull();
        error.ShouldBe("multiple meta tags match import path \"example.com/a\"");
        mismatch.ShouldBeFalse();
        GoImportMeta.Match([git], "example.com/ab", out error, out mismatch).ShouldBeNull();
        mismatch.ShouldBeTrue();
        error.ShouldBe("meta tag example.com/a did not match import path example.com/ab");
    }

    [Theory]
    [InlineData("", "example.com/x", false, "git", true)]
    [InlineData("", "example.com/x", false, "svn", false)]
    [InlineData("", "example.com/x", true, "svn", true)]
    [InlineData("example.com:git", "example.com/x", false, "hg", false)]
    [InlineData("example.com:all", "example.com/x", false, "bzr", true)]
    [InlineData("public:off", "example.com/x", false, "git", false)]
    [InlineData("*.com/x:hg", "example.com/x/y", false, "git", false)]
    [InlineData("other.org:svn", "example.com/x", false, "git", true)]
    public void Govcs_rules_decide_as_go_does(string govcs, string root, bool isPrivate, string vcs, bool allowed) =>
        GovcsConfig.Parse(govcs).Allows(root, isPrivate, vcs).ShouldBe(allowed);

    [Theory]
    [InlineData("a:git,", "empty entry in GOVCS")]
    [InlineData("example.com", "malformed entry in GOVCS (missing colon): \"example.com\"")]
    [InlineData(":git", "empty pattern in GOVCS: \":git\"")]
    [InlineData("a:", "empty VCS list in GOVCS: \"a:\"")]
    [InlineData("a:git|", "empty VCS name in GOVCS: \"a:git|\"")]
    [InlineData("a:git,a:hg", "unreachable pattern in GOVCS: \"a:hg\" after \"a:git\"")]
    [InlineData("./x:git", "relative pattern not allowed in GOVCS: \"./x\"")]
    public void Bad_govcs_settings_fail_with_gos_message(string govcs, string message) =>
        Should.Throw<FormatException>(() => GovcsConfig.Parse(govcs)).Message.ShouldBe(message);

    [Theory]
    [InlineData("fatal: unable to access 'https://user:hunter2@host/x/': 401", "fatal: unable to access 'https://user:xxxxx@host/x/': 401")]
    [InlineData("https://token@host/x", "https://token@host/x")]
    [InlineData("no url here", "no url here")]
    public void Passwords_in_urls_are_redacted(string text, string expected) => GitRunner.Redact(text).ShouldBe(expected);
}
