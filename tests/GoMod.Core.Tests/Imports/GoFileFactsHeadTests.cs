using System.Text;
using GoMod.Core.Imports;
using GoMod.Testing;

namespace GoMod.Core.Tests.Imports;

/// <summary>
/// <see cref="GoFileFacts.ReadFile"/> reads only the first bytes of a Go file when they decide every fact (as go's
/// import reader stops after the import block), and the whole file otherwise; either way its facts are those of the
/// whole file.
/// </summary>
public sealed class GoFileFactsHeadTests : IDisposable
{
    private readonly TempDirectory _dir = new("facthead");

    public void Dispose() => _dir.Dispose();

    private static string Body(int bytes) => new StringBuilder().Insert(0, "func f() { _ = \"//go:embed nope.txt\" }\n", bytes / 40 + 1).ToString();

    private (GoFileFacts Facts, int FullReads) ReadCounted(string path)
    {
        int reads = 0;
        var facts = GoFileFacts.ReadFile(Path.GetFileName(path), path, () =>
        {
            reads++;
            return File.ReadAllBytes(path);
        });
        return (facts, reads);
    }

    private static void ShouldMatch(GoFileFacts actual, GoFileFacts expected)
    {
        actual.PackageName.ShouldBe(expected.PackageName);
        actual.Specs.ShouldBe(expected.Specs);
        actual.HeaderError.ShouldBe(expected.HeaderError);
        actual.Constraints.ShouldBe(expected.Constraints);
        actual.Embeds.ShouldBe(expected.Embeds);
        actual.ImportsEmbed.ShouldBe(expected.ImportsEmbed);
        actual.ImportsEmbedLiterally.ShouldBe(expected.ImportsEmbedLiterally);
        actual.ImportComment.ShouldBe(expected.ImportComment);
        actual.EmbedPackageName.ShouldBe(expected.EmbedPackageName);
    }

    [Fact]
    public void A_large_file_whose_header_fits_in_the_first_bytes_is_not_read_whole()
    {
        var path = _dir.Write("p/big.go", "//go:build linux\n\npackage p // import \"example.com/p\"\n\nimport (\n\t\"fmt\"\n\tx \"example.com/x\"\n)\n\n" + Body(100_000));
        var (facts, reads) = ReadCounted(path);

        reads.ShouldBe(0);
        ShouldMatch(facts, GoFileFacts.Read("big.go", path, File.ReadAllBytes(path)));
        facts.Specs.Select(s => s.Quoted).ShouldBe(["\"fmt\"", "\"example.com/x\""]);
        facts.ImportComment!.Path.ShouldBe("example.com/p");
        facts.ShouldBuild(BuildTags.Host("windows", "amd64", false, "1.19")).ShouldBeFalse();
    }

    [Fact]
    public void A_file_importing_embed_is_read_whole_for_its_directives()
    {
        var path = _dir.Write("p/embed.go", "package p\n\nimport _ \"embed\"\n\n" + Body(20_000) + "\n//go:embed data.txt\nvar data string\n");
        var (facts, reads) = ReadCounted(path);

        reads.ShouldBe(1);
        facts.Embeds.Select(e => e.Pattern).ShouldBe(["data.txt"]);
        ShouldMatch(facts, GoFileFacts.Read("embed.go", path, File.ReadAllBytes(path)));
    }

    [Theory]
    [InlineData("//go:build ignore\n")]
    [InlineData("// +build linux\n")]
    [InlineData("")]
    public void A_header_longer_than_the_first_bytes_is_read_whole(string constraint)
    {
        var license = new StringBuilder();
        for (int i = 0; i < 300; i++) license.Append("// Copyright © the authors; line ").Append(i).Append(" of the licence text.\n");
        var path = _dir.Write("p/long.go", license + "\n" + constraint + "\npackage p\n\nimport \"fmt\"\n\n" + Body(30_000));
        var (facts, reads) = ReadCounted(path);

        reads.ShouldBe(1);
        ShouldMatch(facts, GoFileFacts.Read("long.go", path, File.ReadAllBytes(path)));
    }

    [Fact]
    public void An_import_block_running_past_the_first_bytes_is_read_whole()
    {
        var imports = new StringBuilder("package p\n\nimport (\n");
        for (int i = 0; i < 400; i++) imports.Append("\t\"example.com/dep").Append(i).Append("\"\n");
        var path = _dir.Write("p/many.go", imports + ")\n\n" + Body(5_000));
        var (facts, reads) = ReadCounted(path);

        reads.ShouldBe(1);
        facts.Specs.Count.ShouldBe(400);
        ShouldMatch(facts, GoFileFacts.Read("many.go", path, File.ReadAllBytes(path)));
    }

    [Fact]
    public void The_facts_of_the_go_distributions_own_sources_are_those_of_the_whole_files()
    {
        // Real files: every .go file of a few trees of Debian's go 1.19 sources (large generated tables, long licence
        // headers, cgo, embed, build constraints).
        var roots = new[] { "/usr/share/go-1.19/src/go", "/usr/share/go-1.19/src/net", "/usr/share/go-1.19/src/cmd/go/internal", "/usr/share/go-1.19/src/unicode", "/usr/share/go-1.19/src/embed" }
            .Where(Directory.Exists).ToList();
        if (roots.Count == 0)
        {
            // Debian's golang-go brings golang-1.19-src; on CI it is installed, so its absence is a failure there.
            Environment.GetEnvironmentVariable("CI").ShouldNotBe("true", "go 1.19 sources (golang-1.19-src) are not installed");
            return;
        }
        int files = 0, headOnly = 0;
        foreach (var path in roots.SelectMany(r => Directory.EnumerateFiles(r, "*.go", SearchOption.AllDirectories)))
        {
            var (facts, reads) = ReadCounted(path);
            ShouldMatch(facts, GoFileFacts.Read(Path.GetFileName(path), path, File.ReadAllBytes(path)));
            files++;
            if (reads == 0 && new FileInfo(path).Length > GoFileFacts.HeadSize) headOnly++;
        }
        files.ShouldBeGreaterThan(500);
        headOnly.ShouldBeGreaterThan(100);
    }
}
