using System.Text;
using GoMod.Core.ModInit;

namespace GoMod.Core.Tests.ModInit;

/// <summary>
/// Our manifest parsers against go 1.19's modconv test: every manifest of go's corpus parsed, printed as that test
/// prints (<c>path version</c> per pin, then <c>replace: old oldv new newv</c>), equal to go's <c>.out</c> file.
/// Plus the rules the corpus does not exercise, each from go's converter source.
/// </summary>
public class LegacyManifestTests
{
    public static TheoryData<string> CorpusFiles => new(ModconvCorpus.Files);

    [ModconvTheory]
    [MemberData(nameof(CorpusFiles))]
    public void Corpus_manifest_parses_to_what_go_s_modconv_test_expects(string file)
    {
        var path = ModconvCorpus.PathOf(file);
        var name = ModconvCorpus.ManifestNames[Path.GetExtension(file)];
        var manifest = LegacyManifests.Parse(name, path, File.ReadAllBytes(path));
        Print(manifest).ShouldBe(File.ReadAllText(Path.ChangeExtension(path, ".out")));
    }

    [ModconvTheory]
    [InlineData(".dep")]
    [InlineData(".glide")]
    [InlineData(".glock")]
    [InlineData(".godeps")]
    [InlineData(".tsv")]
    [InlineData(".vconf")]
    [InlineData(".vjson")]
    [InlineData(".vyml")]
    [InlineData(".vmanifest")]
    public void Every_manifest_format_has_a_corpus_file(string extension)
    {
        ModconvCorpus.Files.Count(f => Path.GetExtension(f) == extension).ShouldBeGreaterThan(0);
        System.IO.Directory.GetFiles(ModconvCorpus.Directory!, "*" + extension).Length.ShouldBeGreaterThan(0);
        LegacyManifests.Names.ShouldContain(ModconvCorpus.ManifestNames[extension]);
    }

    [ModconvTheory]
    [InlineData(0)]
    public void The_corpus_list_is_the_whole_corpus(int unused)
    {
        _ = unused;
        var onDisk = System.IO.Directory.GetFiles(ModconvCorpus.Directory!).Select(Path.GetFileName).Where(f => Path.GetExtension(f) != ".out").Order(StringComparer.Ordinal);
        onDisk.ShouldBe(ModconvCorpus.Files.Order(StringComparer.Ordinal));
    }

    private static string Print(LegacyManifest m)
    {
        var sb = new StringBuilder();
        foreach (var r in m.Require) sb.Append(r.Path).Append(' ').Append(r.Version).Append('\n');
        foreach (var r in m.Replace) sb.Append($"replace: {r.Old.Path} {r.Old.Version} {r.New.Path} {r.New.Version}\n");
        return sb.ToString();
    }

    private static LegacyManifest Parse(string name, string text) => LegacyManifests.Parse(name, "/m/" + name, Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Gopkg_version_wins_over_revision_only_when_canonical_semver()
    {
        var m = Parse("Gopkg.lock", """
            [[projects]]
              name = "example.com/a"
              revision = "1111111111111111111111111111111111111111"
              version = "v1.2.0"

            [[projects]]
              name = "example.com/b"
              revision = "2222222222222222222222222222222222222222"
              version = "v1.2"

            [[projects]]
              branch = "master"
              name = "example.com/c"
              revision = "3333333333333333333333333333333333333333"

            [solve-meta]
              name = "ignored"
            """);
        Print(m).ShouldBe("example.com/a v1.2.0\nexample.com/b 2222222222222222222222222222222222222222\nexample.com/c 3333333333333333333333333333333333333333\n");
    }

    [Theory]
    [InlineData("git@github.com:x/y.git", "github.com/x/y")]
    [InlineData("https://github.com/x/y.git", "github.com/x/y")]
    [InlineData("https://user@example.com:8443/a/b/../c.hg", "example.com:8443/a/c")]
    [InlineData("github.com/x/y", "github.com/x/y")]
    [InlineData("ssh://git@example.org/team/repo", "example.org/team/repo")]
    public void Gopkg_source_becomes_an_import_path_as_go_decodes_it(string source, string path)
    {
        var m = Parse("Gopkg.lock", $"[[projects]]\n  name = \"example.com/a\"\n  source = \"{source}\"\n  revision = \"abc\"\n");
        m.Replace.ShouldHaveSingleItem().ShouldBe(new LegacyReplacement(new("example.com/a", "abc"), new(path, "abc")));
    }

    [Fact]
    public void Gopkg_empty_stanza_is_go_s_error()
    {
        var e = Should.Throw<LegacyManifestException>(() => Parse("Gopkg.lock", "[[projects]]\n  name = \"example.com/a\"\n"));
        e.Message.ShouldBe("parsing /m/Gopkg.lock: /m/Gopkg.lock: empty [[projects]] stanza (example.com/a)");
    }

    [Fact]
    public void Gopkg_bad_quoted_string_is_go_s_error_with_the_line()
    {
        var e = Should.Throw<LegacyManifestException>(() => Parse("Gopkg.lock", "\n[[projects]]\n  name = \"a\\qb\"\n"));
        e.Message.ShouldBe("parsing /m/Gopkg.lock: /m/Gopkg.lock:3: invalid quoted string: invalid syntax");
    }

    [Fact]
    public void Gopkg_source_that_is_not_a_url_is_go_s_error()
    {
        var e = Should.Throw<LegacyManifestException>(() => Parse("Gopkg.lock", "[[projects]]\n  name = \"a\"\n  source = \"http://[::1\"\n  revision = \"r\"\n"));
        e.Message.ShouldBe("parsing /m/Gopkg.lock: \"http://[::1\" is not a valid URI");
    }

    [Fact]
    public void Glide_reads_only_the_imports_section_with_exact_indentation()
    {
        var m = Parse("glide.lock", "hash: x\nimports:\n- name: example.com/a\n  version: v1\n  subpackages:\n  - b\n- name: example.com/c\n   version: ignored\ntestImports:\n- name: example.com/t\n  version: v2\n");
        Print(m).ShouldBe("example.com/a v1\n");
    }

    [Fact]
    public void Glock_skips_cmd_lines_and_short_lines()
    {
        Print(Parse("GLOCKFILE", "cmd example.com/tool\nexample.com/a 123 extra\nlonely\n")).ShouldBe("example.com/a 123\n");
    }

    [Fact]
    public void Vendor_conf_strips_comments_anywhere()
    {
        Print(Parse("vendor.conf", "# header\nexample.com/a v1.0.0 # pinned\nexample.com/b#c v2\n")).ShouldBe("example.com/a v1.0.0\n");
    }

    [Fact]
    public void Json_manifests_match_keys_case_insensitively_and_ignore_others()
    {
        Print(Parse("Godeps/Godeps.json", """{"importpath":"x","deps":[{"ImportPath":"example.com/a","Comment":"v1","REV":"abc"}],"extra":1}"""))
            .ShouldBe("example.com/a abc\n");
        Print(Parse("vendor/vendor.json", """{"package":[{"path":"example.com/a","revision":"r1"},{"path":"example.com/b"}]}"""))
            .ShouldBe("example.com/a r1\nexample.com/b \n");
    }

    [Fact]
    public void Json_that_does_not_decode_is_a_parse_failure()
    {
        Should.Throw<LegacyManifestException>(() => Parse("vendor/manifest", "{\"dependencies\": [")).Message.ShouldStartWith("parsing /m/vendor/manifest: ");
    }
}
