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
}
