using System.Text;
using GoMod.Core.Tests.Vcs.Infrastructure;
using GoMod.Testing;

namespace GoMod.Core.Tests.ModInit;

/// <summary>
/// <c>go mod init</c> converting pins in direct mode (GOPROXY=direct) against Debian's go 1.19, on git repositories
/// served over git's smart HTTP on 127.0.0.1 (github.com/acme/… rewritten to the server by ~/.gitconfig): commits
/// become pseudo-versions computed from the repository's tags, a package below a module's root resolves to that
/// module, a nested module wins over its parent, a v2 tag of a module without go.mod becomes +incompatible, a
/// version prefix picks the highest tag.
/// </summary>
public sealed class InitDirectModeTests(GitRepoFixture repos) : IClassFixture<GitRepoFixture>
{
    private Dictionary<string, byte[]> Files(string name, string text) => new() { [name] = Encoding.UTF8.GetBytes(text) };

    private async Task CompareAsync(string name, string manifest)
    {
        using var tmp = new TempDirectory("modinit-direct");
        repos.WriteGitConfig(tmp.Combine("ourhome"));
        var goHome = tmp.Combine("gohome");
        repos.WriteGitConfig(goHome);
        await InitDifferentialTests.CompareAsync(tmp, "example.com/converted", Files(name, manifest),
            new Dictionary<string, string?> { ["GOPROXY"] = "direct", ["GOSUMDB"] = "off" },
            main => GoOracle.Run(main, goHome, new Dictionary<string, string?> { ["GOPROXY"] = "direct", ["GOFLAGS"] = "-modcacherw" },
                "mod", "init", "example.com/converted"));
    }

    [GoFact]
    public Task Gopkg_lock_commits_tags_and_nested_modules_resolve_as_go_resolves_them() => CompareAsync("Gopkg.lock", $"""
        [[projects]]
          name = "github.com/acme/lib"
          packages = ["."]
          revision = "{repos.LibUntagged}"

        [[projects]]
          name = "github.com/acme/lib/internal/deep"
          revision = "{repos.LibFeature}"

        [[projects]]
          name = "github.com/acme/lib/sub"
          revision = "1111111111111111111111111111111111111111"
          version = "v0.2.0"

        [[projects]]
          name = "github.com/acme/old"
          revision = "2222222222222222222222222222222222222222"
          version = "v2.0.0"

        """);

    [GoFact]
    public Task Vendor_conf_version_prefixes_and_abbreviated_hashes_resolve_as_go_resolves_them() => CompareAsync("vendor.conf", $"""
        # vndr
        github.com/acme/old v3.1
        github.com/acme/lib {repos.LibFeature[..12]}
        github.com/acme/modv2/v2 v2.1

        """);

    // Not compared: a pin of a missing repository and a pin of github.com/acme/modv2 at a commit whose go.mod says
    // /v2. go.mod comes out the same, but the direct-mode failure texts differ from go 1.19's (the Vcs layer words a
    // missing repository its own way, and a post-v1 module path error names the revision, not the pseudo-version,
    // with "invalid version:" twice): that is the module query layer's wording, not the conversion's.
}
