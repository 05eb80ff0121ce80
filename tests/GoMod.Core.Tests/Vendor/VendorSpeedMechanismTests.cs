using System.Text;
using GoMod.Core.Imports;
using GoMod.Core.ModFile;
using GoMod.Core.Module;
using GoMod.Core.Vendor;
using GoMod.Testing;

namespace GoMod.Core.Tests.Vendor;

/// <summary>
/// The mechanisms that make vendoring and package loading fast keep their promises: a Go file is read once per run
/// whatever reads it; a build-constraint header longer than the first decoded prefix is read as a whole; a vendor/ built
/// in a staging directory appears complete or not at all.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class VendorSpeedMechanismTests : IDisposable
{
    private readonly TempDirectory _dir = new("vspeed");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_facts_cache_reads_each_file_once_and_answers_every_reader_alike()
    {
        var cache = new GoFileFactsCache();
        var reads = 0;
        var path = _dir.Write("p/a.go", "package a // import \"example.com/a\"\n\nimport (\n\t\"embed\"\n\t\"example.com/b\"\n)\n\n//go:embed x.txt\nvar f embed.FS\n");
        byte[] Read()
        {
            Interlocked.Increment(ref reads);
            return File.ReadAllBytes(path);
        }

        var files = (IEnumerable<(string, Func<byte[]>)>)[("a.go", Read)];
        var scanned = PackageFiles.Scan(files, BuildTags.Any, cache, Path.GetDirectoryName(path));
        var again = PackageFiles.Scan(files, BuildTags.Host("linux", "amd64", false, "1.19"), cache, Path.GetDirectoryName(path));
        var facts = cache.Get(path, "a.go", Read);

        // Smaller than GoFileFacts.HeadSize: the first read of its head got the whole file, the reader of the rest never ran.
        reads.ShouldBe(0);
        cache.FilesRead.ShouldBe(1);
        scanned.Imports.Select(i => i.Path).ShouldBe(["embed", "example.com/b"]);
        scanned.Imports[1].Position.ShouldBe(new GoMod.Core.Imports.SourcePosition("a.go", 5, 2));
        again.Imports.ShouldBe(scanned.Imports);
        scanned.EmbedPatterns.Select(e => e.Pattern).ShouldBe(["x.txt"]);
        facts.ImportComment!.Path.ShouldBe("example.com/a");
        facts.ImportComment.File.ShouldBe(path);
        // The same answers as reading the file afresh.
        var uncached = PackageFiles.Scan(files, BuildTags.Any);
        uncached.Imports.ShouldBe(scanned.Imports);
        uncached.EmbedPatterns.ShouldBe(scanned.EmbedPatterns);
    }

    [Theory]
    [InlineData("//go:build ignore\n", false)]
    [InlineData("// +build ignore\n", false)]
    [InlineData("//go:build linux\n", true)]
    [InlineData("", true)]
    public void A_constraint_after_a_long_leading_comment_still_counts(string constraint, bool builds)
    {
        // A license block of about 10 KB (longer than the first and second prefixes decoded), with multi-byte characters
        // near the cut points, then the constraint, a blank line and the package clause.
        var license = new StringBuilder();
        for (int i = 0; i < 200; i++) license.Append("// Copyright © the authors; line ").Append(i).Append(" of the licence text.\n");
        var source = license + "\n" + constraint + "\npackage p\n\nimport \"fmt\"\n" + new string('x', 20000) + "\n";

        GoSourceScanner.ShouldBuild(Encoding.UTF8.GetBytes(source)).ShouldBe(builds);
        GoFileFacts.Read("p.go", "p.go", Encoding.UTF8.GetBytes(source)).ShouldBuild(BuildTags.Any).ShouldBe(builds);
    }

    [Fact]
    public void A_fresh_vendor_tree_that_fails_half_way_leaves_nothing()
    {
        var module = _dir.Combine("src");
        _dir.Write("src/a.go", "package a\n");
        _dir.Write("src/sub/s.go", "package sub\n");
        _dir.Write("src/sub/t.go", "package sub\n");
        var mod = GoModFile.Parse("go.mod", "module example.com/m\n\ngo 1.19\n\nrequire example.com/a v1.0.0\n");
        var a = new ModuleVersion("example.com/a", "v1.0.0");
        var plan = VendorPlan.Create(mod, [new VendorPackage("example.com/a", a, module, module),
            new VendorPackage("example.com/a/sub", a, Path.Combine(module, "sub"), module)], _ => "1.19");
        File.Delete(_dir.Combine("src", "sub", "t.go"));
        var main = _dir.Combine("main");
        Directory.CreateDirectory(main);

        Should.Throw<FileNotFoundException>(() => VendorTreeWriter.Write(Path.Combine(main, "vendor"), plan));

        Directory.EnumerateFileSystemEntries(main).ShouldBeEmpty();
    }

    [Fact]
    public void A_fresh_vendor_tree_is_complete_with_go_modes()
    {
        var module = _dir.Combine("src");
        _dir.Write("src/a.go", "package a\n");
        _dir.Write("src/LICENSE", "license\n");
        _dir.Write("src/sub/deeper/s.go", "package deeper\n");
        File.SetUnixFileMode(_dir.Combine("src", "a.go"), UnixFileMode.UserRead);
        var mod = GoModFile.Parse("go.mod", "module example.com/m\n\ngo 1.19\n\nrequire example.com/a v1.0.0\n");
        var a = new ModuleVersion("example.com/a", "v1.0.0");
        var plan = VendorPlan.Create(mod, [new VendorPackage("example.com/a", a, module, module),
            new VendorPackage("example.com/a/sub/deeper", a, Path.Combine(module, "sub", "deeper"), module)], _ => "1.19");
        var vendor = _dir.Combine("main", "vendor");

        var result = VendorTreeWriter.Write(vendor, plan);

        result.Written.ShouldBe(["example.com/a/LICENSE", "example.com/a/a.go", "example.com/a/sub/deeper/s.go", "modules.txt"]);
        result.Files.ShouldBe(result.Written);
        File.ReadAllText(Path.Combine(vendor, "example.com", "a", "a.go")).ShouldBe("package a\n");
        foreach (var f in Directory.EnumerateFiles(vendor, "*", SearchOption.AllDirectories))
            File.GetUnixFileMode(f).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead, f);
        foreach (var d in Directory.EnumerateDirectories(vendor, "*", SearchOption.AllDirectories).Append(vendor))
            File.GetUnixFileMode(d).ShouldBe((UnixFileMode)0b111_101_101, d);
        Directory.EnumerateFileSystemEntries(_dir.Combine("main")).ShouldBe([vendor]);
    }
}
