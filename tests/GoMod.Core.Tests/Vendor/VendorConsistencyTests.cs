using GoMod.Core.ModFile;
using GoMod.Core.Vendor;
using GoMod.Testing;

namespace GoMod.Core.Tests.Vendor;

/// <summary>
/// go.mod against vendor/modules.txt: each kind of difference go 1.19's <c>checkVendorConsistency</c> reports, compared
/// with the real go's message under <c>-mod=vendor</c> (no network: nothing is fetched in vendor mode).
/// </summary>
public sealed class VendorConsistencyTests : IDisposable
{
    private readonly TempDirectory _dir = new("vcons");

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string, string, string> Cases => new()
    {
        {
            "require_not_marked_explicit",
            "module example.com/m\n\ngo 1.17\n\nrequire example.com/a v1.0.0\n",
            "# example.com/a v1.0.0\n## go 1.17\nexample.com/a\n"
        },
        {
            "explicit_in_modules_txt_not_in_go_mod",
            "module example.com/m\n\ngo 1.17\n",
            "# example.com/a v1.0.0\n## explicit; go 1.17\nexample.com/a\n"
        },
        {
            "replaced_in_go_mod_not_in_modules_txt",
            "module example.com/m\n\ngo 1.17\n\nrequire example.com/a v1.0.0\n\nreplace example.com/a v1.0.0 => example.com/b v1.1.0\n",
            "# example.com/a v1.0.0\n## explicit; go 1.17\nexample.com/a\n"
        },
        {
            "replaced_differently",
            "module example.com/m\n\ngo 1.17\n\nrequire example.com/a v1.0.0\n\nreplace example.com/a => ../a\n",
            "# example.com/a v1.0.0 => example.com/b v1.1.0\n## explicit; go 1.17\nexample.com/a\n# example.com/a => ../b\n"
        },
        {
            "marked_replaced_not_replaced_in_go_mod",
            "module example.com/m\n\ngo 1.17\n\nrequire example.com/a v1.0.0\n",
            "# example.com/a v1.0.0 => ../a\n## explicit; go 1.17\nexample.com/a\n"
        },
        {
            "marked_replaced_by_other_version",
            "module example.com/m\n\ngo 1.17\n\nrequire example.com/a v1.0.0\n\nreplace example.com/a v1.0.0 => example.com/a v1.2.0\n",
            "# example.com/a v1.0.0 => example.com/a v1.1.0\n## explicit; go 1.17\nexample.com/a\n"
        },
        {
            "wildcard_replacement_missing",
            "module example.com/m\n\ngo 1.16\n\nrequire example.com/a v1.0.0\n\nreplace example.com/z => ../z\n",
            "# example.com/a v1.0.0\n## explicit\nexample.com/a\n"
        },
        {
            "pre_1_14_version_mismatch",
            "module example.com/m\n\ngo 1.13\n\nrequire example.com/a v1.0.0\n\nreplace example.com/z => ../z\n",
            "# example.com/a v1.1.0\nexample.com/a\n"
        },
        {
            "no_modules_txt_lines_at_all",
            "module example.com/m\n\ngo 1.19\n\nrequire (\n\texample.com/b v1.0.0\n\texample.com/a v1.0.0 // indirect\n)\n",
            ""
        },
        {
            "many_differences_in_go_order",
            "module example.com/m\n\ngo 1.18\n\nrequire (\n\texample.com/c v1.0.0\n\texample.com/a v1.0.0\n)\n\nreplace (\n\texample.com/c => ../c\n\texample.com/q v1.0.0 => example.com/q v1.0.1\n)\n",
            "# example.com/a v1.0.0 => ../a\nexample.com/a\n# example.com/b v1.0.0\n## explicit; go 1.18\nexample.com/b\n# example.com/c v1.0.0\n## explicit\nexample.com/c\n"
        },
        {
            "consistent",
            "module example.com/m\n\ngo 1.17\n\nrequire example.com/a v1.0.0\n\nreplace example.com/a v1.0.0 => ../a\n\nreplace example.com/z => ../z\n",
            "# example.com/a v1.0.0 => ../a\n## explicit; go 1.17\nexample.com/a\n# example.com/z => ../z\n"
        },
    };

    [GoTheory]
    [MemberData(nameof(Cases))]
    public void Differences_are_go_s_exact_message(string name, string goMod, string modulesTxt)
    {
        var main = _dir.Combine(name);
        _dir.Write(name + "/go.mod", goMod);
        _dir.Write(name + "/main.go", "package main\n\nfunc main() {}\n");
        _dir.Write(name + "/vendor/modules.txt", modulesTxt);
        using var home = new TempDirectory("gohome");

        var go = GoOracle.Run(main, home.Path, new Dictionary<string, string?> { ["GOFLAGS"] = "-mod=vendor" }, "list", "-e", "-m");

        var mod = GoModFile.Parse(Path.Combine(main, "go.mod"), goMod);
        var differences = VendorConsistency.Differences(mod, ModulesTxt.Parse("vendor/modules.txt", modulesTxt));
        if (name == "consistent")
        {
            go.StdErr.ShouldNotContain("inconsistent vendoring");
            differences.ShouldBeEmpty();
            return;
        }
        go.ExitCode.ShouldNotBe(0);
        var failure = Should.Throw<InconsistentVendoringException>(() => VendorConsistency.Check(main, mod, ModulesTxt.Parse("vendor/modules.txt", modulesTxt)));
        ("go: " + failure.Message + "\n").ShouldBe(go.StdErr);
        failure.Differences.ShouldBe(differences);
    }
}
