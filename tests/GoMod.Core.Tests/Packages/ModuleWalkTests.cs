using GoMod.Core.Packages;
using GoMod.Testing;

namespace GoMod.Core.Tests.Packages;

/// <summary>
/// The walk of a main module for <c>./...</c> while other builds change what lies below it: MSBuild writes and removes
/// directories under a module (obj/, a module cache kept there) while the restore walks it.
/// </summary>
public sealed class ModuleWalkTests : IDisposable
{
    private readonly TempDirectory _dir = new("module-walk");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_directory_removed_after_its_parent_was_read_is_left_out_as_if_the_walk_came_later()
    {
        _dir.Write("go.mod", "module example.com/m\n\ngo 1.19\n");
        foreach (var d in new[] { "a", "obj/x/y", "z" }) _dir.Write(d + "/f.go", "package p\n");
        var obj = _dir.Combine("obj");

        // Nothing is pruned; looking at "a" (after obj was listed with the root's directories and queued) removes obj,
        // as another project's clean would.
        var walked = PackagePatterns.ModuleDirectories(_dir.Path, skipVendor: true, prune: full =>
        {
            if (Path.GetFileName(full) == "a" && Directory.Exists(obj)) Directory.Delete(obj, recursive: true);
            return false;
        }).ToList();

        walked.ShouldBe(["", "a", "z"]);
    }

    [Fact]
    public void The_module_root_itself_missing_is_still_an_error()
    {
        Should.Throw<DirectoryNotFoundException>(() => PackagePatterns.ModuleDirectories(_dir.Combine("gone"), skipVendor: true).ToList());
    }

    /// <summary>
    /// go's walk does not follow symbolic links to directories (nor loops): go 1.19's <c>go build ./...</c> of a module
    /// with a linked directory whose package imports a module nobody requires, a link to itself and a link up to the
    /// module root succeeds, and so does our restore, which walks the same directories; GoBuild's inputs leave them out.
    /// </summary>
    [GoFact]
    public async Task Symbolic_links_to_directories_are_not_walked_as_go_does_not_walk_them()
    {
        if (OperatingSystem.IsWindows()) return; // symbolic links need privileges there
        var main = _dir.Combine("m");
        _dir.Write("m/go.mod", "module example.com/m\n\ngo 1.19\n");
        _dir.Write("m/main.go", "package main\n\nfunc main() {}\n");
        _dir.Write("m/real/r.go", "package real\n");
        _dir.Write("m/real/deep/d.go", "package deep\n");
        _dir.Write("other/o.go", "package other\n\nimport _ \"example.com/nobody/pkg\"\n");
        Directory.CreateSymbolicLink(Path.Combine(main, "linked"), Path.Combine("..", "other"));
        Directory.CreateSymbolicLink(Path.Combine(main, "loop"), "loop");
        Directory.CreateSymbolicLink(Path.Combine(main, "real", "up"), "..");
        var go = GoOracle.Run(main, _dir.Combine("home"), new Dictionary<string, string?> { ["GOPROXY"] = "off", ["GOFLAGS"] = "-mod=readonly" },
            "list", "-f", "{{.ImportPath}}", "./...");
        go.ExitCode.ShouldBe(0, go.StdErr);
        go.StdOut.ShouldBe("example.com/m\nexample.com/m/real\nexample.com/m/real/deep\n");

        PackagePatterns.ModuleDirectories(main, skipVendor: true).ShouldBe(["", "real", "real/deep"]);
        var restore = await new GoMod.Core.Restore.ModuleRestorer().RestoreAsync(new GoMod.Core.Restore.RestoreOptions
        {
            ModFile = Path.Combine(main, "go.mod"),
            Settings = new Dictionary<string, string?> { ["GOMODCACHE"] = _dir.Combine("modcache"), ["GOPROXY"] = "off", ["GOFLAGS"] = "-modcacherw" },
            GetEnvironmentVariable = name => name == "GOENV" ? "off" : null,
        }, CancellationToken.None);
        restore.Diagnostics.ShouldBeEmpty();
        GoMod.Core.GoBuild.GoBuildInputs.Collect(main, []).Select(f => Path.GetRelativePath(main, f).Replace('\\', '/'))
            .ShouldBe(["go.mod", "main.go", "real/deep/d.go", "real/r.go"]);
    }
}
