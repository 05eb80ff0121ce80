using System.Text;
using GoMod.Testing;
using GoMod.Core.Sum;

namespace GoMod.Core.Tests.Sum;

public class GoSumFileTests
{
    private const string H1 = "h1:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa=";
    private const string H2 = "h1:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb=";

    [Fact]
    public void Parse_reports_a_line_with_the_wrong_number_of_fields_with_file_and_line()
    {
        var text = "example.com/a v1.0.0 " + H1 + "\n\nexample.com/a v1.0.0/go.mod\n";
        var ex = Should.Throw<GoSumParseException>(() => GoSumFile.Parse("/src/go.sum", text));
        ex.Message.ShouldBe("malformed go.sum:\n/src/go.sum:3: wrong number of fields 2");
        ex.Line.ShouldBe(3);
        ex.FileName.ShouldBe("/src/go.sum");
    }

    [Fact]
    public void Parse_counts_too_many_fields_as_malformed_too()
    {
        var ex = Should.Throw<GoSumParseException>(() => GoSumFile.Parse("go.sum", $"a v1.0.0 {H1} extra"));
        ex.Message.ShouldBe("malformed go.sum:\ngo.sum:1: wrong number of fields 4");
    }

    [Fact]
    public void Parse_splits_fields_on_any_unicode_space_and_skips_blank_lines()
    {
        var sum = GoSumFile.Parse("go.sum", $"\r\n  \t\nexample.com/a\u00A0v1.0.0\u2003{H1}\r\n\u3000\n");
        sum.Lookup("example.com/a", "v1.0.0").ShouldBe([H1]);
    }

    [Fact]
    public void Parse_drops_the_known_bad_empty_go_mod_hash()
    {
        var sum = GoSumFile.Parse("go.sum", $"example.com/a v1.0.0/go.mod {GoSumFile.EmptyGoModHash}\nexample.com/a v1.0.0 {H1}\n");
        sum.Lookup("example.com/a", "v1.0.0/go.mod").ShouldBeEmpty();
        sum.Format().ShouldBe($"example.com/a v1.0.0 {H1}\n");
    }

    [Fact]
    public void Lookup_keeps_zip_and_go_mod_hashes_apart_and_allows_several_per_key()
    {
        var sum = GoSumFile.Parse("go.sum", $"m v1.0.0 {H1}\nm v1.0.0 {H2}\nm v1.0.0/go.mod {H2}\n");
        sum.Lookup("m", "v1.0.0").ShouldBe([H1, H2]);
        sum.Lookup("m", "v1.0.0/go.mod").ShouldBe([H2]);
        sum.Lookup("m", "v1.0.1").ShouldBeEmpty();
        sum.Contains("m", "v1.0.0/go.mod", H2).ShouldBeTrue();
        sum.Contains("m", "v1.0.0/go.mod", H1).ShouldBeFalse();
    }

    [Fact]
    public void Add_ignores_a_hash_already_recorded_and_Remove_drops_keys_or_single_hashes()
    {
        var sum = new GoSumFile();
        sum.Add("m", "v1.0.0", H1).ShouldBeTrue();
        sum.Add("m", "v1.0.0", H1).ShouldBeFalse();
        sum.Add("m", "v1.0.0", H2).ShouldBeTrue();
        sum.Add("m", "v1.0.0/go.mod", H1).ShouldBeTrue();
        sum.Remove("m", "v1.0.0", H1).ShouldBeTrue();
        sum.Lookup("m", "v1.0.0").ShouldBe([H2]);
        sum.Remove("m", "v1.0.0").ShouldBeTrue();
        sum.Remove("m", "v1.0.0").ShouldBeFalse();
        sum.Format().ShouldBe($"m v1.0.0/go.mod {H1}\n");
    }

    [Fact]
    public void Add_refuses_fields_that_would_break_the_line_format()
    {
        Should.Throw<ArgumentException>(() => new GoSumFile().Add("m", "v1.0.0 x", H1));
        Should.Throw<ArgumentException>(() => new GoSumFile().Add("m", "", H1));
    }

    [Fact]
    public void Format_orders_paths_bytewise_then_versions_by_semver_with_go_mod_after_the_bare_version()
    {
        var sum = new GoSumFile();
        // Added in an order unrelated to the result; the expected order follows module.Sort's rules.
        string[] expected =
        [
            "example.com/A v1.0.0",          // 'A' < 'a' bytewise
            "example.com/a v1.0.0-alpha",
            "example.com/a v1.0.0-alpha.1",  // a longer prerelease with equal prefix is greater
            "example.com/a v1.0.0-alpha.beta", // numeric identifiers sort before alphanumeric ones
            "example.com/a v1.0.0-beta.2",
            "example.com/a v1.0.0-beta.11",  // numeric identifiers compare as numbers
            "example.com/a v1.0.0-rc.1",
            "example.com/a v1.0.0",          // a release follows its prereleases
            "example.com/a v1.0.0/go.mod",
            "example.com/a v1.9.0",
            "example.com/a v1.10.0",         // 10 > 9 numerically
            "example.com/a v1.10.0/go.mod",
            "example.com/a-b v1.0.0",        // '-' < '/' bytewise
            "example.com/a/b v1.0.0",
        ];
        foreach (var line in expected.Reverse())
        {
            var f = line.Split(' ');
            sum.Add(f[0], f[1], H1);
        }
        sum.Lines.Select(l => $"{l.Path} {l.Version}").ShouldBe(expected);
    }

    [Fact]
    public void Format_sorts_a_keys_hashes_and_writes_each_once()
    {
        var sum = GoSumFile.Parse("go.sum", $"m v1.0.0 {H2}\nm v1.0.0 {H1}\nm v1.0.0 {H2}\n");
        sum.Format().ShouldBe($"m v1.0.0 {H1}\nm v1.0.0 {H2}\n");
    }

    [Fact]
    public void Verify_accepts_a_listed_hash_reports_an_absent_key_and_refuses_a_different_h1()
    {
        var sum = GoSumFile.Parse("go.sum", $"example.com/m v1.0.0/go.mod {H1}\nexample.com/n v1.0.0 h2:future\n");
        sum.Verify("example.com/m", "v1.0.0/go.mod", H1).ShouldBeTrue();
        sum.Verify("example.com/m", "v1.0.0", H1).ShouldBeFalse();
        sum.Verify("example.com/n", "v1.0.0", H1).ShouldBeFalse(); // unknown algorithms cannot refuse
        var ex = Should.Throw<ChecksumMismatchException>(() => sum.Verify("example.com/m", "v1.0.0/go.mod", H2));
        ex.Message.ShouldStartWith($"verifying example.com/m@v1.0.0/go.mod: checksum mismatch\n\tdownloaded: {H2}\n\tgo.sum:     {H1}\n\nSECURITY ERROR\n");
    }

    [Fact]
    public async Task WriteAsync_replaces_the_file_atomically_and_ReadAsync_reads_a_missing_file_as_empty()
    {
        using var tmp = new TempDirectory("gosum");
        var path = tmp.Combine("go.sum");
        (await GoSumFile.ReadAsync(path)).Count.ShouldBe(0);
        File.WriteAllText(path, "old content that is not go.sum\n");
        var sum = new GoSumFile(path);
        sum.Add("m", "v1.0.0", H1);
        await sum.WriteAsync(path);
        File.ReadAllText(path).ShouldBe($"m v1.0.0 {H1}\n");
        Directory.GetFiles(tmp.Path).ShouldBe([path]);
        (await GoSumFile.ReadAsync(path)).Lookup("m", "v1.0.0").ShouldBe([H1]);
    }

    [GoFact]
    public void Format_writes_the_same_bytes_as_go_mod_download()
    {
        using var tmp = new TempDirectory("gosum-go");
        var proxy = new FileProxy(tmp.Combine("proxy"));
        (string Path, string Version, bool HasGoMod)[] required =
        [
            ("example.com/a", "v1.10.0", true),
            ("example.com/a-b", "v1.0.0", true),
            ("example.com/a/b", "v1.0.0-rc.1", true),
            ("example.com/Upper", "v0.0.0-20200102030405-abcdefabcdef", true),
            ("example.com/c/v2", "v2.3.4", true),
            ("example.com/d", "v2.0.0+incompatible", false),
        ];
        var ours = new List<GoSumLine>();
        foreach (var (path, version, hasGoMod) in required)
        {
            var goMod = $"module {path}\n";
            var files = new Dictionary<string, byte[]> { ["x.go"] = Encoding.UTF8.GetBytes($"package x // {path}\n") };
            if (hasGoMod) files["go.mod"] = Encoding.UTF8.GetBytes(goMod);
            var zip = proxy.Add(path, version, goMod, files);
            ours.Add(new(path, version, DirHash.HashZip(zip)));
            ours.Add(new(path, version + "/go.mod", DirHash.HashGoMod(File.ReadAllBytes(proxy.ModPath(path, version)))));
        }

        // Lines go keeps but never checks: other versions in every ordering corner, several hashes, repeats,
        // the known-bad empty go.mod hash, CRLF and blank lines. go re-sorts all of them when it rewrites the file.
        string[] seeded =
        [
            $"example.com/a v1.9.0 {H2}", $"example.com/a v1.9.0 {H1}", $"example.com/a v1.9.0 {H2}",
            $"example.com/a v1.0.0-beta.11/go.mod {H1}", $"example.com/a v1.0.0-beta.2/go.mod {H1}",
            $"example.com/a v1.0.0-alpha.beta/go.mod {H1}", $"example.com/a v1.0.0-alpha.1/go.mod {H1}",
            $"example.com/a v1.0.0-alpha/go.mod {H1}", $"example.com/a v1.0.0 {H1}", $"example.com/a v1.0.0/go.mod {H1}\r",
            $"example.com/a v0.0.0-20190101000000-000000000000/go.mod {H1}", $"example.com/a v1.10.1-0.20200101000000-111111111111/go.mod {H1}",
            $"example.com/a v2.0.0+incompatible/go.mod {H1}", $"example.com/a v1.2/go.mod {H2}",
            "", $"example.com/zz v1.0.0/go.mod {GoSumFile.EmptyGoModHash}", $"example.com/zz v1.0.0 h2:someday",
            $"example.com/a/b v1.0.0-rc.1.0.20200101000000-222222222222 {H1}", $"example.com/A v1.0.0 {H1}", $"example.com/a v1.0.0-1 {H1}",
        ];
        var main = tmp.Combine("main");
        Directory.CreateDirectory(main);
        File.WriteAllText(Path.Combine(main, "go.mod"),
            "module example.com/main\n\ngo 1.19\n\nrequire (\n" + string.Concat(required.Select(m => $"\t{m.Path} {m.Version}\n")) + ")\n");
        var seededText = string.Join("\n", seeded) + "\n";
        File.WriteAllText(Path.Combine(main, "go.sum"), seededText);

        var (downloaded, process) = GoDownload.Run(main, tmp.Combine("home"), proxy, required.Select(m => $"{m.Path}@{m.Version}").ToArray());
        process.EnsureSuccess("go mod download");
        downloaded.ShouldAllBe(d => d.Error == null);

        var sum = GoSumFile.Parse("go.sum", seededText);
        foreach (var line in Enumerable.Reverse(ours)) sum.Add(line.Path, line.Version, line.Hash);
        sum.Format().ShouldBe(File.ReadAllText(Path.Combine(main, "go.sum")));
    }
}
