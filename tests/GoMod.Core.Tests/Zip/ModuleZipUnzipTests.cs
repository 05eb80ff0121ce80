using GoMod.Testing;
using GoMod.Core.Module;
using GoMod.Core.Sum;
using GoMod.Core.Zip;

namespace GoMod.Core.Tests.Zip;

public class ModuleZipUnzipTests
{
    private const string P = "example.com/m@v1.0.0/";
    private static readonly ModuleVersion M = new("example.com/m", "v1.0.0");

    private static string MakeZip(TempDirectory tmp, params RawEntry[] entries)
    {
        var zip = tmp.Combine("m.zip");
        RawZip.Write(zip, entries);
        return zip;
    }

    [Fact]
    public void Unzip_writes_every_file_read_only_under_the_target()
    {
        using var tmp = new TempDirectory("unzip");
        var zip = MakeZip(tmp, new(P + "go.mod", "module example.com/m\n"), new(P + "a/b/c.go", "package b\n"),
            new(P + "empty", ""), new(P + "dir/", "") { Method = 0 }, new(P, "") { Method = 0 });
        var target = tmp.Combine("cache", "m@v1.0.0");
        ModuleZip.Unzip(target, M, zip);

        Directory.EnumerateFiles(target, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(target, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal).ShouldBe(["a/b/c.go", "empty", "go.mod"]);
        File.ReadAllText(Path.Combine(target, "a", "b", "c.go")).ShouldBe("package b\n");
        if (!OperatingSystem.IsWindows())
            foreach (var f in Directory.EnumerateFiles(target, "*", SearchOption.AllDirectories))
                File.GetUnixFileMode(f).ShouldBe(UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
    }

    [Fact]
    public void Unzip_accepts_an_existing_empty_target_and_refuses_a_non_empty_one()
    {
        using var tmp = new TempDirectory("unzip");
        var zip = MakeZip(tmp, new RawEntry(P + "a.go", "package m\n"));
        var empty = tmp.Combine("empty");
        Directory.CreateDirectory(empty);
        ModuleZip.Unzip(empty, M, zip);
        File.Exists(Path.Combine(empty, "a.go")).ShouldBeTrue();

        var full = tmp.Combine("full");
        tmp.Write("full/keep.txt", "mine");
        var ex = Should.Throw<ModuleZipException>(() => ModuleZip.Unzip(full, M, zip));
        ex.Message.ShouldBe($"unzip {zip}: target directory {full} exists and is not empty");
        File.ReadAllText(Path.Combine(full, "keep.txt")).ShouldBe("mine");
    }

    [Fact]
    public void Unzip_treats_a_target_with_a_trailing_separator_as_the_directory_itself()
    {
        using var tmp = new TempDirectory("unzip");
        var zip = MakeZip(tmp, new RawEntry(P + "a.go", "package m\n"));
        ModuleZip.Unzip(tmp.Combine("out") + Path.DirectorySeparatorChar, M, zip);
        File.Exists(tmp.Combine("out", "a.go")).ShouldBeTrue();
        Directory.GetDirectories(tmp.Path).ShouldBe([tmp.Combine("out")]);
    }

    [Fact]
    public void CheckZip_lists_the_files_and_ignores_directory_entries()
    {
        using var tmp = new TempDirectory("checkzip");
        var zip = MakeZip(tmp, new(P + "go.mod", "module example.com/m\n"), new(P + "sub/", "") { Method = 0 }, new(P + "sub/x.go", "package sub\n"));
        var cf = ModuleZip.CheckZip(M, zip);
        cf.IsValid.ShouldBeTrue();
        cf.Valid.ShouldBe([P + "go.mod", P + "sub/x.go"]);
    }

    [Fact]
    public void CheckZip_refuses_a_module_version_that_is_not_canonical()
    {
        using var tmp = new TempDirectory("checkzip");
        var zip = MakeZip(tmp, new RawEntry(P + "a.go", "x"));
        Should.Throw<ModuleZipException>(() => ModuleZip.CheckZip(new ModuleVersion("example.com/m", "v1.0.0+build"), zip))
            .Message.ShouldBe($"check zip {zip}: version \"v1.0.0+build\" is not canonical (should be \"v1.0.0\")");
    }

    [Fact]
    public void Unzip_extracts_what_Create_wrote_and_the_tree_hashes_like_the_zip()
    {
        using var tmp = new TempDirectory("roundtrip");
        var dir = ModuleTrees.Build(tmp, "names");
        var zip = tmp.Combine("m.zip");
        var m = new ModuleVersion(ModuleTrees.Path, ModuleTrees.Version);
        using (var f = File.Create(zip)) ModuleZip.Create(f, m, dir);
        var target = tmp.Combine("out");
        ModuleZip.Unzip(target, m, zip);
        DirHash.HashDir(target, ModuleTrees.Prefix).ShouldBe(DirHash.HashZip(zip));
        File.ReadAllText(Path.Combine(target, "docs", "Ünïcödé.md")).ShouldBe("x\n");
    }
}
