using System.Text;
using GoMod.Testing;
using GoMod.Core.ModFile;
using GoMod.Core.Module;
using GoMod.Core.Sum;
using GoMod.Core.Zip;

namespace GoMod.Core.Tests.Zip;

/// <summary>Hostile module zips: each is refused with a message naming the entry, and leaves nothing on disk.</summary>
public class ZipSafetyTests(GoZipOracle oracle) : IClassFixture<GoZipOracle>
{
    private const string P = "example.com/m@v1.0.0/";
    private static readonly ModuleVersion M = new("example.com/m", "v1.0.0");

    private static RawEntry E(string name, string content = "x") => new(name, content);

    private static readonly Dictionary<string, (RawEntry[] Entries, string Entry, string Reason)> Cases = new()
    {
        ["traversal"] = ([E(P + "go.mod"), E(P + "../evil.txt")], P + "../evil.txt", "malformed file path \"../evil.txt\": invalid path element \"..\""),
        ["traversal-inside"] = ([E(P + "a/../../evil.txt")], P + "a/../../evil.txt", "file path is not clean"),
        ["dotdot-element"] = ([E(P + "../../evil")], P + "../../evil", "invalid path element \"..\""),
        ["absolute"] = ([E("/etc/evil")], "/etc/evil", "path does not have prefix"),
        ["absolute-after-prefix"] = ([E(P + "/etc/evil")], P + "/etc/evil", "malformed file path \"/etc/evil\": empty path element"),
        ["backslash"] = ([E(P + "..\\..\\evil")], P + "..\\..\\evil", "invalid char '\\\\'"),
        ["drive-letter"] = ([E(P + "C:evil")], P + "C:evil", "invalid char ':'"),
        ["symlink"] = ([new RawEntry(Encoding.UTF8.GetBytes(P + "link"), "/etc/passwd"u8.ToArray(), 0) { UnixMode = 0xA1FF }], P + "link", "file is a symbolic link"),
        ["case-collision"] = ([E(P + "README"), E(P + "readme")], P + "readme", "case-insensitive file name collision: \"README\" and \"readme\""),
        ["file-dir-collision"] = ([E(P + "a"), E(P + "a/b")], P + "a/b", "entry \"a\" is both a file and a directory"),
        ["duplicate"] = ([E(P + "a.go"), E(P + "a.go")], P + "a.go", "multiple entries for file \"a.go\""),
        ["wrong-prefix"] = ([E("example.com/other@v1.0.0/a.go")], "example.com/other@v1.0.0/a.go", "path does not have prefix \"example.com/m@v1.0.0/\""),
        ["uppercase-go-mod"] = ([E(P + "GO.MOD")], P + "GO.MOD", "go.mod files must have lowercase names"),
        ["nested-go-mod"] = ([E(P + "sub/go.mod")], P + "sub/go.mod", "go.mod file not in module root directory"),
        ["windows-reserved"] = ([E(P + "aux.c")], P + "aux.c", "\"aux\" disallowed as path element component on Windows"),
        ["windows-reserved-dir"] = ([E(P + "COM1/x.go")], P + "COM1/x.go", "\"COM1\" disallowed as path element component on Windows"),
        ["nul-char"] = ([E(P + "a\0b")], P + "a\0b", "invalid char '\\x00'"),
        ["oversized-go-mod"] = ([E(P + "go.mod") with { DeclaredSize = (16 << 20) + 1 }], P + "go.mod", "go.mod file too large (max size is 16777216 bytes)"),
        ["oversized-license"] = ([E(P + "LICENSE") with { DeclaredSize = (16 << 20) + 1 }], P + "LICENSE", "LICENSE file too large (max size is 16777216 bytes)"),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    private static (TempDirectory Tmp, string Zip, string Target) Prepare(string name, IEnumerable<RawEntry> entries)
    {
        var tmp = new TempDirectory("zip-hostile");
        var zip = tmp.Combine(name + ".zip");
        RawZip.Write(zip, entries);
        Directory.CreateDirectory(tmp.Combine("cache"));
        return (tmp, zip, tmp.Combine("cache", "example.com", "m@v1.0.0"));
    }

    private static void ShouldLeaveNothing(TempDirectory tmp)
    {
        var left = Directory.EnumerateFileSystemEntries(tmp.Combine("cache"), "*", SearchOption.AllDirectories).ToList();
        left.ShouldAllBe(p => Directory.Exists(p) && !Directory.EnumerateFileSystemEntries(p).Any() && Path.GetFileName(p) == "example.com");
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Unzip_refuses_a_hostile_zip_naming_the_entry_and_leaves_nothing(string name)
    {
        var (entries, entry, reason) = Cases[name];
        var (tmp, zip, target) = Prepare(name, entries);
        using (tmp)
        {
            var ex = Should.Throw<ModuleZipException>(() => ModuleZip.Unzip(target, M, zip));
            ex.Message.ShouldStartWith($"unzip {zip}: ");
            ex.Message.ShouldContain(entry);
            ex.Message.ShouldContain(reason);
            ex.Errors.ShouldContain(e => e.Path == entry && e.Reason.Contains(reason));
            Directory.Exists(target).ShouldBeFalse();
            ShouldLeaveNothing(tmp);

            var check = ModuleZip.CheckZip(M, zip);
            check.IsValid.ShouldBeFalse();
            check.Invalid.ShouldContain(e => e.Path == entry);
        }
    }

    [GoTheory]
    [MemberData(nameof(CaseNames))]
    public void Go_refuses_the_same_hostile_zips_except_links_which_it_extracts_as_plain_files(string name)
    {
        var (entries, entry, reason) = Cases[name];
        var (tmp, zip, target) = Prepare(name, entries);
        using (tmp)
        {
            var goError = oracle.Unzip(target, M.Path, M.Version, zip);
            if (name == "symlink")
            {
                // Go's CheckZip does not look at modes, so it writes the link as a regular file holding the target
                // path. We refuse instead: the zip format's own rules say links are not allowed in module zips.
                goError.ShouldBeNull();
                File.ReadAllText(Path.Combine(target, "link")).ShouldBe("/etc/passwd");
                return;
            }
            goError.ShouldNotBeNull();
            goError.ShouldContain(reason);
            var ours = Should.Throw<ModuleZipException>(() => ModuleZip.Unzip(target + "-ours", M, zip));
            ours.Message.ShouldBe(goError.Replace(target, target + "-ours"));
        }
    }

    [Fact]
    public void Unzip_refuses_a_deflate_bomb_whose_header_lies_without_inflating_it()
    {
        // 2 GiB of zeros in about 2 MB of deflate, declared as 1 KiB.
        var bomb = RawZip.ZeroBomb(2048);
        var entry = new RawEntry(Encoding.UTF8.GetBytes(P + "bomb.bin"), bomb) { Precompressed = true, DeclaredSize = 1024 };
        var (tmp, zip, target) = Prepare("bomb", [E(P + "go.mod", "module example.com/m\n"), entry]);
        using (tmp)
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var ex = Should.Throw<ModuleZipException>(() => ModuleZip.Unzip(target, M, zip));
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            ex.Message.ShouldBe($"unzip {zip}: uncompressed size of file {P}bomb.bin is larger than declared size (1024 bytes)");
            ex.Entry.ShouldBe(P + "bomb.bin");
            allocated.ShouldBeLessThan(16L << 20);
            Directory.Exists(target).ShouldBeFalse();
            ShouldLeaveNothing(tmp);

            Should.Throw<InvalidDataException>(() => DirHash.HashZip(zip)).Message.ShouldContain("larger than declared size");
        }
    }

    [Fact]
    public void Unzip_refuses_a_zip_whose_declared_total_exceeds_500_MiB_before_writing_anything()
    {
        var entries = Enumerable.Range(0, 3).Select(i => E($"{P}part{i}.bin") with { DeclaredSize = 200L << 20 });
        var (tmp, zip, target) = Prepare("total", entries);
        using (tmp)
        {
            var ex = Should.Throw<ModuleZipException>(() => ModuleZip.Unzip(target, M, zip));
            ex.Message.ShouldBe($"unzip {zip}: total uncompressed size of module contents too large (max size is 524288000 bytes)");
            ShouldLeaveNothing(tmp);
        }
    }

    [Fact]
    public void Unzip_refuses_a_zip_file_larger_than_500_MiB_before_reading_it()
    {
        using var tmp = new TempDirectory("zip-huge");
        var zip = tmp.Combine("huge.zip");
        using (var f = File.Create(zip)) f.SetLength(ModuleZip.MaxZipFile + 1); // sparse: costs no disk
        var target = tmp.Combine("out");
        var ex = Should.Throw<ModuleZipException>(() => ModuleZip.Unzip(target, M, zip));
        ex.Message.ShouldBe($"unzip {zip}: module zip file is too large (524288001 bytes; limit is 524288000 bytes)");
        ModuleZip.CheckZip(M, zip).SizeError.ShouldBe("module zip file is too large (524288001 bytes; limit is 524288000 bytes)");
        Directory.Exists(target).ShouldBeFalse();
    }

    [Theory]
    [InlineData("smaller", "uncompressed size of file example.com/m@v1.0.0/b.txt is smaller than declared size (100 bytes)")]
    [InlineData("crc", "zip: checksum error in file example.com/m@v1.0.0/b.txt")]
    public void Unzip_refuses_content_that_disagrees_with_its_header_and_removes_what_it_wrote(string lie, string message)
    {
        var good = E(P + "a.txt", "first file is fine");
        var bad = lie == "smaller" ? E(P + "b.txt", "short") with { DeclaredSize = 100 } : E(P + "b.txt", "content") with { Crc = 12345 };
        var (tmp, zip, target) = Prepare(lie, [good, bad]);
        using (tmp)
        {
            var ex = Should.Throw<ModuleZipException>(() => ModuleZip.Unzip(target, M, zip));
            ex.Message.ShouldBe($"unzip {zip}: {message}");
            ex.Entry.ShouldBe(P + "b.txt");
            ShouldLeaveNothing(tmp);
        }
    }

    [Fact]
    public void Unzip_refuses_a_file_that_is_not_a_zip()
    {
        using var tmp = new TempDirectory("zip-garbage");
        var zip = tmp.Write("garbage.zip", "this is not a zip file at all");
        var ex = Should.Throw<ModuleZipException>(() => ModuleZip.Unzip(tmp.Combine("out"), M, zip));
        ex.Message.ShouldBe($"unzip {zip}: zip: not a valid zip file");
    }
}
