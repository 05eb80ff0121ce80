using GoMod.Testing;
using GoMod.Core.Module;
using GoMod.Core.Sum;
using GoMod.Core.Zip;

namespace GoMod.Core.Tests.Zip;

public class ModuleZipCreateTests(GoZipOracle oracle) : IClassFixture<GoZipOracle>
{
    private static readonly ModuleVersion M = new(ModuleTrees.Path, ModuleTrees.Version);

    public static TheoryData<string> ValidTrees => new(ModuleTrees.Valid);
    public static TheoryData<string> InvalidTrees => new(ModuleTrees.Invalid);

    private static string Rel(string dir, string path) => path == dir ? "." : path[(dir.Length + 1)..];

    [GoTheory]
    [MemberData(nameof(ValidTrees))]
    public void CheckDir_selects_the_same_files_as_go_with_the_same_reasons(string tree)
    {
        using var tmp = new TempDirectory("zip-checkdir");
        var dir = ModuleTrees.Build(tmp, tree);
        var go = oracle.CheckDir(dir);
        var ours = ModuleZip.CheckDir(dir);
        ours.Valid.ShouldBe((go.Valid ?? []).Select(p => Rel(dir, p)).ToList());
        ours.Omitted.ShouldBe(go.OmittedErrors.Select(e => e with { Path = Rel(dir, e.Path) }).ToList());
        ours.Invalid.ShouldBe(go.InvalidErrors.Select(e => e with { Path = Rel(dir, e.Path) }).ToList());
        ours.IsValid.ShouldBeTrue();
    }

    [GoTheory]
    [MemberData(nameof(ValidTrees))]
    public void A_zip_we_create_hashes_like_the_zip_go_creates_and_go_accepts_it(string tree)
    {
        using var tmp = new TempDirectory("zip-create");
        var dir = ModuleTrees.Build(tmp, tree);
        var ourZip = tmp.Combine("ours.zip");
        var goZip = tmp.Combine("go.zip");
        using (var f = File.Create(ourZip)) ModuleZip.Create(f, M, dir);
        oracle.Create(M.Path, M.Version, dir, goZip).ShouldBeNull();

        var goHash = oracle.HashZip(goZip);
        DirHash.HashZip(ourZip).ShouldBe(goHash);
        oracle.HashZip(ourZip).ShouldBe(goHash);
        DirHash.HashZip(goZip).ShouldBe(goHash);

        var goCheck = oracle.CheckZip(M.Path, M.Version, ourZip);
        goCheck.Err.ShouldBe("");
        ModuleZip.CheckZip(M, ourZip).Valid.ShouldBe(goCheck.Valid!);
        ModuleZip.CheckZip(M, goZip).Valid.Order().ShouldBe(goCheck.Valid!.Order());

        var extracted = tmp.Combine("extracted");
        ModuleZip.Unzip(extracted, M, goZip);
        DirHash.HashDir(extracted, ModuleTrees.Prefix).ShouldBe(goHash);
        oracle.HashDir(extracted, ModuleTrees.Prefix).ShouldBe(goHash);
    }

    [GoTheory]
    [MemberData(nameof(InvalidTrees))]
    public void Create_refuses_what_go_refuses_with_the_same_message(string tree)
    {
        using var tmp = new TempDirectory("zip-invalid");
        var dir = ModuleTrees.Build(tmp, tree);
        var goError = oracle.Create(M.Path, M.Version, dir, tmp.Combine("go.zip"));
        goError.ShouldNotBeNull();
        using var output = new MemoryStream();
        var ex = Should.Throw<ModuleZipException>(() => ModuleZip.Create(output, M, dir));
        ex.Message.ShouldBe(goError);
        output.Length.ShouldBe(0);

        var go = oracle.CheckDir(dir);
        var ours = ModuleZip.CheckDir(dir);
        ours.Invalid.ShouldBe(go.InvalidErrors.Select(e => e with { Path = Rel(dir, e.Path) }).ToList());
        (ours.SizeError ?? "").ShouldBe(go.SizeError);
    }

    [Fact]
    public void Create_refuses_a_version_that_is_not_canonical()
    {
        using var tmp = new TempDirectory("zip-version");
        var dir = ModuleTrees.Build(tmp, "empty-dirs");
        var ex = Should.Throw<ModuleZipException>(() => ModuleZip.Create(new MemoryStream(), new ModuleVersion(M.Path, "v1.2"), dir));
        ex.Message.ShouldBe($"create zip {dir}: version \"v1.2\" is not canonical (should be \"v1.2.0\")");
    }

    [GoTheory]
    [InlineData("example.com/m/v2", "v1.0.0")]
    [InlineData("example.com/m", "v2.0.0")]
    [InlineData("notadomain/m", "v1.0.0")]
    [InlineData("example.com/m", "v1.0.0-")]
    [InlineData("example.com/m", "v2.0.0+incompatible")]
    public void Create_checks_the_module_path_and_version_as_go_does(string path, string version)
    {
        using var tmp = new TempDirectory("zip-module");
        var dir = ModuleTrees.Build(tmp, "empty-dirs");
        var goError = oracle.Create(path, version, dir, tmp.Combine("go.zip"));
        var output = new MemoryStream();
        if (goError is null)
        {
            ModuleZip.Create(output, new ModuleVersion(path, version), dir);
            output.Length.ShouldBeGreaterThan(0);
            return;
        }
        Should.Throw<ModuleZipException>(() => ModuleZip.Create(output, new ModuleVersion(path, version), dir)).Message.ShouldBe(goError);
    }

    [Fact]
    public void Create_is_deterministic_for_the_same_tree()
    {
        using var tmp = new TempDirectory("zip-determinism");
        var dir = ModuleTrees.Build(tmp, "names");
        var a = new MemoryStream();
        var b = new MemoryStream();
        ModuleZip.Create(a, M, dir);
        ModuleZip.Create(b, M, dir);
        a.ToArray().ShouldBe(b.ToArray());
    }

    // ---- Go 1.24 rules: the installed go 1.19 predates them, so these follow the Go Modules Reference, not the oracle. ----

    private static string VendorTree(TempDirectory tmp, string goVersion)
    {
        var root = tmp.Combine("vendor-" + goVersion);
        tmp.Write($"vendor-{goVersion}/go.mod", $"module {ModuleTrees.Path}\n\ngo {goVersion}\n");
        foreach (var f in new[] { "vendor/modules.txt", "vendor/x/y.go", "vendor/top.go", "pkg/vendor/vendor.go", "pkg/vendor/sub/f.go", "a.go" })
            tmp.Write($"vendor-{goVersion}/{f}", "x\n");
        return root;
    }

    [Theory]
    [InlineData("1.24")]
    [InlineData("1.24.0")]
    [InlineData("1.24rc1")]
    [InlineData("1.25.3")]
    public void Go_1_24_modules_leave_out_vendor_modules_txt_and_keep_packages_named_vendor_per_the_modules_reference(string goVersion)
    {
        using var tmp = new TempDirectory("zip-go124");
        var dir = VendorTree(tmp, goVersion);
        var cf = ModuleZip.CheckDir(dir);
        cf.Valid.ShouldBe(["a.go", "go.mod", "pkg/vendor/vendor.go", "vendor/top.go"], ignoreOrder: true);
        cf.Omitted.ShouldBe([
            new("pkg/vendor/sub/f.go", "file is in vendor directory"),
            new("vendor/modules.txt", "file is in vendor directory"),
            new("vendor/x/y.go", "file is in vendor directory"),
        ], ignoreOrder: true);

        var zip = tmp.Combine("m.zip");
        using (var f = File.Create(zip)) ModuleZip.Create(f, M, dir);
        ModuleZip.CheckZip(M, zip).Valid.Select(v => v[(ModuleTrees.Prefix.Length + 1)..]).ShouldBe(cf.Valid, ignoreOrder: true);
    }

    [Fact]
    public void A_go_mod_that_does_not_parse_leaves_the_module_under_the_rules_from_before_go_1_24()
    {
        using var tmp = new TempDirectory("zip-badgomod");
        var dir = VendorTree(tmp, "1.24");
        File.WriteAllText(Path.Combine(dir, "go.mod"), $"module {ModuleTrees.Path}\n\ngo 1.24\n\nrequire (\n");
        ModuleZip.CheckDir(dir).Valid.ShouldContain("vendor/modules.txt");
    }

    [GoTheory]
    [InlineData("1.23")]
    [InlineData("1.16")]
    public void Modules_before_go_1_24_keep_vendor_modules_txt_and_the_historic_vendor_offset_as_go_does(string goVersion)
    {
        using var tmp = new TempDirectory("zip-go123");
        var dir = VendorTree(tmp, goVersion);
        var cf = ModuleZip.CheckDir(dir);
        cf.Valid.ShouldBe(["a.go", "go.mod", "vendor/modules.txt", "vendor/top.go"], ignoreOrder: true);
        var go = oracle.CheckDir(dir);
        cf.Valid.ShouldBe((go.Valid ?? []).Select(p => Rel(dir, p)).ToList());
        cf.Omitted.ShouldBe(go.OmittedErrors.Select(e => e with { Path = Rel(dir, e.Path) }).ToList());
    }

    [Theory]
    [InlineData("1.24", true)]
    [InlineData("1.24rc1", true)]
    [InlineData("1.24beta2", true)]
    [InlineData("1.24.0", true)]
    [InlineData("1.30", true)]
    [InlineData("1.100", true)]
    [InlineData("2", true)]
    [InlineData("1.23.9", false)]
    [InlineData("1.23rc2", false)]
    [InlineData("1.3", false)]
    [InlineData("1", false)]
    [InlineData("1.024", false)]
    [InlineData("1.24.0rc1", false)]
    [InlineData("banana", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void The_go_1_24_zip_rules_apply_from_go_1_24_in_toolchain_version_order_per_the_modules_reference(string? goVersion, bool expected)
    {
        ZipFileSelection.UsesGo124Rules(goVersion).ShouldBe(expected);
    }

    [Theory]
    [InlineData("vendor/foo/foo.go", true, true)]
    [InlineData("pkg/vendor/foo/foo.go", true, true)]
    [InlineData("vendor/vendor.go", false, false)]
    [InlineData("vendor/modules.txt", false, true)]
    [InlineData("vendor/foo/modules.txt", true, true)]
    [InlineData("pkg/vendor/vendor.go", true, false)]
    [InlineData("longpackagename/vendor/vendor.go", true, false)]
    [InlineData("vendorish/a.go", false, false)]
    public void A_file_is_vendored_by_the_rule_of_its_modules_go_version(string name, bool before124, bool from124)
    {
        ZipFileSelection.IsVendoredPackage(name, go124: false).ShouldBe(before124);
        ZipFileSelection.IsVendoredPackage(name, go124: true).ShouldBe(from124);
    }
}
