using GoMod.Core.ModFile;
using GoMod.Core.Module;
using GoMod.Core.Vendor;
using GoMod.Testing;

namespace GoMod.Core.Tests.Vendor;

/// <summary>
/// The vendor tree writer's promises: exact content; unchanged files never rewritten (timestamps stay); stale files
/// and directories removed; modules.txt written last and absent while the tree is in flux; modes independent of the
/// umask; an empty plan removes vendor/.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class VendorTreeWriterTests : IDisposable
{
    private readonly TempDirectory _dir = new("vtree");

    public void Dispose() => _dir.Dispose();

    private VendorPlan Plan(params (string Rel, string Content)[] files)
    {
        var module = _dir.Combine("src");
        foreach (var (rel, content) in files) _dir.Write("src/" + rel, content);
        var mod = GoModFile.Parse("go.mod", "module example.com/m\n\ngo 1.19\n\nrequire example.com/a v1.0.0\n");
        var packages = files.Select(f => f.Rel.Contains('/') ? f.Rel[..f.Rel.LastIndexOf('/')] : "").Distinct()
            .Select(d => new VendorPackage("example.com/a" + (d.Length > 0 ? "/" + d : ""), new ModuleVersion("example.com/a", "v1.0.0"),
                d.Length > 0 ? Path.Combine(module, d) : module, module));
        return VendorPlan.Create(mod, packages, _ => "1.19");
    }

    private string Vendor => _dir.Combine("main", "vendor");

    [Fact]
    public void A_second_write_of_the_same_plan_rewrites_nothing()
    {
        var plan = Plan(("a.go", "package a\n"), ("sub/s.go", "package sub\n"));
        var first = VendorTreeWriter.Write(Vendor, plan);
        var stamp = new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        foreach (var f in Directory.EnumerateFiles(Vendor, "*", SearchOption.AllDirectories)) File.SetLastWriteTimeUtc(f, stamp);

        var second = VendorTreeWriter.Write(Vendor, plan);

        first.Written.ShouldBe(["example.com/a/a.go", "example.com/a/sub/s.go", "modules.txt"]);
        second.Unchanged.ShouldBeTrue();
        Directory.EnumerateFiles(Vendor, "*", SearchOption.AllDirectories).ShouldAllBe(f => File.GetLastWriteTimeUtc(f) == stamp);
        File.ReadAllText(Path.Combine(Vendor, "modules.txt")).ShouldBe("# example.com/a v1.0.0\n## explicit; go 1.19\nexample.com/a\nexample.com/a/sub\n");
    }

    [Fact]
    public void Changed_files_are_rewritten_and_stale_files_and_directories_removed()
    {
        VendorTreeWriter.Write(Vendor, Plan(("a.go", "package a\n"), ("old/o.go", "package old\n")));
        _dir.Write("main/vendor/example.com/stray/x.txt", "left by hand");
        _dir.Write("main/vendor/example.com/a/.a.go.1234abcd.tmp", "an interrupted write");
        File.Delete(_dir.Combine("src", "old", "o.go"));
        Directory.Delete(_dir.Combine("src", "old"));
        var stamp = new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(Path.Combine(Vendor, "example.com", "a", "a.go"), stamp);

        var result = VendorTreeWriter.Write(Vendor, Plan(("a.go", "package a // changed\n")));

        result.Written.ShouldBe(["example.com/a/a.go", "modules.txt"]);
        result.Removed.ShouldBe(["example.com/a/.a.go.1234abcd.tmp", "example.com/a/old/o.go", "example.com/stray/x.txt", "example.com/a/old/", "example.com/stray/"], ignoreOrder: true);
        File.ReadAllText(Path.Combine(Vendor, "example.com", "a", "a.go")).ShouldBe("package a // changed\n");
        VendorOracleRun.Tree(Vendor).Keys.ShouldBe(["example.com", "example.com/a", "example.com/a/a.go", "modules.txt"]);
    }

    [Fact]
    public void A_failed_write_leaves_no_modules_txt()
    {
        VendorTreeWriter.Write(Vendor, Plan(("a.go", "package a\n")));
        var plan = Plan(("a.go", "package a\n"), ("sub/s.go", "package sub\n"), ("sub/t.go", "package sub\n"));
        // A source file vanishes after planning: the write fails after the tree started to change.
        File.Delete(_dir.Combine("src", "sub", "t.go"));

        Should.Throw<FileNotFoundException>(() => VendorTreeWriter.Write(Vendor, plan));

        File.Exists(Path.Combine(Vendor, "modules.txt")).ShouldBeFalse();
        Directory.EnumerateFiles(Vendor, "*.tmp", SearchOption.AllDirectories).ShouldBeEmpty();
        VendorTreeWriter.Write(Vendor, Plan(("a.go", "package a\n"), ("sub/s.go", "package sub\n")));
        File.Exists(Path.Combine(Vendor, "modules.txt")).ShouldBeTrue();
        File.Exists(Path.Combine(Vendor, "example.com", "a", "sub", "t.go")).ShouldBeFalse();
    }

    [Fact]
    public void Files_are_0644_and_directories_0755_whatever_the_mode_they_were_found_with()
    {
        VendorTreeWriter.Write(Vendor, Plan(("a.go", "package a\n")));
        File.SetUnixFileMode(Path.Combine(Vendor, "example.com", "a", "a.go"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.SetUnixFileMode(Path.Combine(Vendor, "example.com"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        VendorTreeWriter.Write(Vendor, Plan(("a.go", "package a\n")));

        const UnixFileMode file = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        const UnixFileMode dir = file | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        foreach (var f in Directory.EnumerateFiles(Vendor, "*", SearchOption.AllDirectories)) File.GetUnixFileMode(f).ShouldBe(file, f);
        foreach (var d in Directory.EnumerateDirectories(Vendor, "*", SearchOption.AllDirectories).Append(Vendor)) File.GetUnixFileMode(d).ShouldBe(dir, d);
    }

    [Fact]
    public void An_empty_plan_removes_vendor_as_go_does_after_no_dependencies_to_vendor()
    {
        VendorTreeWriter.Write(Vendor, Plan(("a.go", "package a\n")));
        var empty = VendorPlan.Create(GoModFile.Parse("go.mod", "module example.com/m\n\ngo 1.19\n"), [], _ => "");

        var result = VendorTreeWriter.Write(Vendor, empty);

        empty.IsEmpty.ShouldBeTrue();
        result.Removed.ShouldBe(["."]);
        Directory.Exists(Vendor).ShouldBeFalse();
    }
}
