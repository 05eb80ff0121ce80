using GoMod.Core.Module;
using GoMod.Core.Vendor;

namespace GoMod.Core.Tests.Vendor;

/// <summary>vendor/modules.txt's grammar as go 1.19 writes and reads it.</summary>
public sealed class ModulesTxtTests
{
    private const string Sample =
        "# example.com/a v1.0.0\n" +
        "## explicit; go 1.17\n" +
        "example.com/a\n" +
        "example.com/a/sub\n" +
        "# example.com/b v1.2.0 => ../b\n" +
        "## explicit\n" +
        "example.com/b\n" +
        "# example.com/c v0.0.0-20200101000000-abcdefabcdef => example.com/c2 v1.0.0\n" +
        "## go 1.16\n" +
        "example.com/c\n" +
        "# example.com/d v2.0.0+incompatible\n" +
        "## explicit\n" +
        "# example.com/w => ../w\n" +
        "# example.com/x v1.0.0 => example.com/y v1.0.1\n";

    [Fact]
    public void Format_writes_back_exactly_what_was_read()
    {
        ModulesTxt.Parse("vendor/modules.txt", Sample).Format().ShouldBe(Sample);
    }

    [Fact]
    public void Reading_gives_go_s_build_list_replacements_and_package_modules()
    {
        var txt = ModulesTxt.Parse("vendor/modules.txt", Sample);

        txt.Skipped.ShouldBeEmpty();
        txt.BuildList.ShouldBe([
            new ModuleVersion("example.com/a", "v1.0.0"), new ModuleVersion("example.com/b", "v1.2.0"),
            new ModuleVersion("example.com/c", "v0.0.0-20200101000000-abcdefabcdef")]);
        txt.Replaced.ShouldBe([
            new ModuleVersion("example.com/b", "v1.2.0"), new ModuleVersion("example.com/c", "v0.0.0-20200101000000-abcdefabcdef"),
            new ModuleVersion("example.com/w", ""), new ModuleVersion("example.com/x", "v1.0.0")]);
        txt.Metadata(new ModuleVersion("example.com/a", "v1.0.0")).ShouldBe(new ModulesTxt.VendorMetadata(true, null, "1.17"));
        txt.Metadata(new ModuleVersion("example.com/b", "v1.2.0")).Replacement.ShouldBe(new ModuleVersion("../b", ""));
        txt.Metadata(new ModuleVersion("example.com/c", "v0.0.0-20200101000000-abcdefabcdef")).ShouldBe(
            new ModulesTxt.VendorMetadata(false, new ModuleVersion("example.com/c2", "v1.0.0"), "1.16"));
        txt.Metadata(new ModuleVersion("example.com/d", "v2.0.0+incompatible")).Explicit.ShouldBeTrue();
        txt.PackageModule("example.com/a/sub").ShouldBe(new ModuleVersion("example.com/a", "v1.0.0"));
        txt.PackageModule("example.com/d").ShouldBeNull();
        txt.SelectedVersion("example.com/d").ShouldBeNull();
    }

    [Fact]
    public void Lines_go_ignores_are_skipped_with_their_line_numbers()
    {
        var text =
            "stray.example/pkg\n" +                  // 1: before any module
            "# example.com/a\n" +                    // 2: no version: ignored, a keeps nothing
            "# example.com/b notaversion\n" +        // 3: not a version: module ignored
            "example.com/b\n" +                      // 4: belongs to the ignored module
            "# example.com/c v1.0.0 => x y z\n" +    // 5: replacement go cannot read
            "## explicit; future-token; go 1.20\n" + // 6: unknown token reserved
            "two fields\n" +                         // 7: not one import path
            "example.com/c\n";                       // 8
        var txt = ModulesTxt.Parse("vendor/modules.txt", text);

        txt.Skipped.Select(s => s.Split(':')[1]).ShouldBe(["1", "2", "3", "4", "5", "7"]);
        txt.Skipped[0].ShouldStartWith("vendor/modules.txt:1: ");
        txt.BuildList.ShouldBe([new ModuleVersion("example.com/c", "v1.0.0")]);
        txt.Metadata(new ModuleVersion("example.com/c", "v1.0.0")).ShouldBe(new ModulesTxt.VendorMetadata(true, null, "1.20"));
        txt.Replaced.ShouldBeEmpty();
    }

    [Fact]
    public void A_later_version_of_a_path_with_packages_is_the_selected_one()
    {
        var txt = ModulesTxt.Parse("m", "# example.com/a v1.0.0\nexample.com/a\n# example.com/a v1.1.0\nexample.com/a/x\n");

        txt.SelectedVersion("example.com/a").ShouldBe("v1.1.0");
        txt.BuildList.Count.ShouldBe(2);
    }

    [Fact]
    public void The_module_line_names_directory_and_module_replacements_as_go_writes_them()
    {
        new VendoredModule(new ModuleVersion("a.example/m", "v1.0.0"), new ModuleVersion("../m", ""), true, "", []).ModuleLine
            .ShouldBe("# a.example/m v1.0.0 => ../m");
        new VendoredModule(new ModuleVersion("a.example/m", ""), new ModuleVersion("b.example/m", "v1.0.0"), false, "", []).ModuleLine
            .ShouldBe("# a.example/m => b.example/m v1.0.0");
    }
}
