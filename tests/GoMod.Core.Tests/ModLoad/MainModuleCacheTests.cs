using GoMod.Testing;
using GoMod.Core.ModLoad;
using GoMod.Core.ModSource;
using GoMod.Core.Module;
using GoMod.Core.Mvs;

namespace GoMod.Core.Tests.ModLoad;

/// <summary>
/// Loaders of one run over the same go.mod text share one reading of it (<see cref="MainModuleCache"/>); another text
/// is read anew, and a main module whose go.mod model a commit edited is never handed out again.
/// </summary>
public sealed class MainModuleCacheTests : IDisposable
{
    private const string GoMod = "module example.com/m\n\ngo 1.19\n\nrequire (\n\texample.com/a v1.0.0\n\texample.com/b v1.1.0 // indirect\n)\n";

    private readonly TempDirectory _dir = new("mainmodcache");

    public void Dispose() => _dir.Dispose();

    private Task<ModuleLoader> LoadAsync(string text, MainModuleCache? cache, bool readOnly = true) =>
        ModuleLoader.CreateAsync(new DirectoryModuleSource(_dir.Combine("proxy")), _dir.Path,
            new LoadOptions { ReadOnly = readOnly, Files = new MainModuleFiles(text, ""), MainModules = cache }, CancellationToken.None);

    [Fact]
    public async Task The_same_text_is_read_once_another_text_again_and_without_a_cache_every_time()
    {
        var cache = new MainModuleCache();
        var first = await LoadAsync(GoMod, cache);
        var second = await LoadAsync(GoMod, cache);
        var edited = await LoadAsync(GoMod + "// edited\n", cache);
        var uncached = await LoadAsync(GoMod, null);

        second.Main.ShouldBeSameAs(first.Main);
        edited.Main.ShouldNotBeSameAs(first.Main);
        uncached.Main.ShouldNotBeSameAs(first.Main);
        second.Main.Requires.Select(r => (r.Module.Path, r.Module.Version, r.Indirect))
            .ShouldBe([("example.com/a", "v1.0.0", false), ("example.com/b", "v1.1.0", true)]);
    }

    [Fact]
    public async Task A_main_module_whose_go_mod_a_commit_rewrote_is_read_again()
    {
        var cache = new MainModuleCache();
        var loader = await LoadAsync(GoMod, cache, readOnly: false);
        // b becomes direct: the requirements differ in meaning, so the commit rewrites the loader's go.mod model.
        var rs = new Requirements(ModulePruning.Pruned,
            [new ModuleVersion("example.com/a", "v1.0.0"), new ModuleVersion("example.com/b", "v1.1.0")], new HashSet<string>(["example.com/a", "example.com/b"]));
        var (goMod, _) = await loader.CommitAsync(rs, CancellationToken.None);
        goMod.ShouldNotBeNull().ShouldNotContain("// indirect");

        var again = await LoadAsync(GoMod, cache, readOnly: false);

        again.Main.ShouldNotBeSameAs(loader.Main);
        again.Main.File.Format().ShouldContain("example.com/b v1.1.0 // indirect");
    }
}
