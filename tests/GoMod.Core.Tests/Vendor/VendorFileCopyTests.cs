using GoMod.Core.ModFile;
using GoMod.Core.Module;
using GoMod.Core.Vendor;
using GoMod.Testing;

namespace GoMod.Core.Tests.Vendor;

/// <summary>
/// Vendored files are copied verbatim (the kernel's copy on Linux), into new files of mode 0644 whatever the source's
/// mode (the module cache's files are read-only), and a copy never overwrites a file that is there.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class VendorFileCopyTests : IDisposable
{
    private const UnixFileMode ReadOnly = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode File0644 = ReadOnly | UnixFileMode.UserWrite;

    private readonly TempDirectory _dir = new("vcopy");

    public void Dispose() => _dir.Dispose();

    private string Source(string rel, byte[] bytes)
    {
        var path = _dir.Combine("src", rel);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        File.SetUnixFileMode(path, ReadOnly);
        return path;
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(70_000, true)]
    [InlineData(3_000_001, false)]
    public void A_copy_has_the_same_bytes_and_mode_0644(int size, bool fixMode)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        var source = Source("f" + size, bytes);
        var target = _dir.Combine("out" + size);

        VendorFileCopy.Copy(source, target, fixMode);

        File.ReadAllBytes(target).ShouldBe(bytes);
        File.GetUnixFileMode(target).ShouldBe(File0644);
        File.GetUnixFileMode(source).ShouldBe(ReadOnly);
    }

    [Fact]
    public void A_copy_onto_an_existing_file_fails_and_leaves_it_alone()
    {
        var source = Source("a.go", "package a\n"u8.ToArray());
        var target = _dir.Write("out/a.go", "package other\n");

        Should.Throw<IOException>(() => VendorFileCopy.Copy(source, target, fixMode: false));
        File.ReadAllText(target).ShouldBe("package other\n");
    }

    [Fact]
    public void A_copy_from_a_missing_source_fails_and_creates_nothing()
    {
        var target = _dir.Combine("out", "missing.go");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);

        Should.Throw<FileNotFoundException>(() => VendorFileCopy.Copy(_dir.Combine("src", "missing.go"), target, fixMode: false));
        File.Exists(target).ShouldBeFalse();
    }

    [Fact]
    public void A_fresh_vendor_tree_holds_verbatim_copies_of_read_only_sources_with_gos_modes()
    {
        var big = new byte[200_000];
        new Random(7).NextBytes(big);
        var root = _dir.Combine("src");
        Source("a.go", "package a\n"u8.ToArray());
        Source("LICENSE", big);
        Source("sub/s.go", "package sub\n"u8.ToArray());
        var mod = GoModFile.Parse("go.mod", "module example.com/m\n\ngo 1.19\n\nrequire example.com/a v1.0.0\n");
        var a = new ModuleVersion("example.com/a", "v1.0.0");
        var plan = VendorPlan.Create(mod, [new VendorPackage("example.com/a", a, root, root),
            new VendorPackage("example.com/a/sub", a, Path.Combine(root, "sub"), root)], _ => "1.19");
        var vendor = _dir.Combine("m", "vendor");

        VendorTreeWriter.Write(vendor, plan);

        foreach (var (rel, src) in plan.Files)
        {
            var copy = Path.Combine(vendor, rel);
            File.ReadAllBytes(copy).ShouldBe(File.ReadAllBytes(src), rel);
            File.GetUnixFileMode(copy).ShouldBe(File0644, rel);
        }
        plan.Files.Keys.ShouldContain("example.com/a/LICENSE");
        File.GetUnixFileMode(Path.Combine(vendor, "example.com", "a", "sub")).ShouldBe(File0644 | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
    }
}
