using GoMod.Core.GoBuild;
using GoMod.Testing;

namespace GoMod.Core.Tests.GoBuild;

public sealed class GoBuildInputsTests : IDisposable
{
    private readonly TempDirectory _dir = new("gobuild-inputs");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Sources_module_files_and_embedded_files_are_inputs_but_not_what_go_ignores()
    {
        _dir.Write("go.mod", "module example.com/m\n");
        _dir.Write("go.sum", "");
        _dir.Write("vendor/modules.txt", "");
        _dir.Write("vendor/example.com/a/a.go", "package a\n");
        _dir.Write("main.go", "package main\n\nimport _ \"embed\"\n\n//go:embed version.txt \"static/*.css\" all:assets\nvar v string\n\nfunc main() {}\n");
        _dir.Write("version.txt", "1\n");
        _dir.Write("static/site.css", "");
        _dir.Write("static/site.js", "");
        _dir.Write("assets/.hidden", "");
        _dir.Write("assets/logo.svg", "");
        _dir.Write("c/lib.c", "");
        _dir.Write("c/lib.h", "");
        _dir.Write("asm_amd64.s", "");
        _dir.Write("README.md", "");
        _dir.Write("testdata/t.go", "package t\n");
        _dir.Write("_scratch/s.go", "package s\n");
        _dir.Write(".git/x.go", "package x\n");
        _dir.Write("nested/go.mod", "module example.com/nested\n");
        _dir.Write("nested/n.go", "package n\n");
        _dir.Write("obj/Debug/gen.go", "package gen\n");
        _dir.Write("sub/s.go", "package sub\n");

        var inputs = GoBuildInputs.Collect(_dir.Path, [_dir.Combine("obj")]).Select(f => Path.GetRelativePath(_dir.Path, f).Replace('\\', '/'));

        inputs.ShouldBe(new[]
        {
            "asm_amd64.s", "assets/.hidden", "assets/logo.svg", "c/lib.c", "c/lib.h", "go.mod", "go.sum", "main.go", "static/site.css",
            "sub/s.go", "vendor/modules.txt", "version.txt",
        }, ignoreOrder: true);
    }

    [Fact]
    public async Task A_directory_removed_while_the_module_is_walked_is_left_out_instead_of_failing_the_build()
    {
        if (OperatingSystem.IsWindows()) return; // a named pipe stands in for a slow read; Windows has none by path
        _dir.Write("go.mod", "module example.com/m\n");
        _dir.Write("other/obj/Debug/x.go", "package x\n"); // another project's obj/, below the module
        // main.go is a named pipe: the walk lists the root's files and directories, then opens main.go to read it,
        // which is when opening it for writing returns here; other/ is removed (as that project's clean would) before
        // the walk gets the file's text and goes on into the directories it listed.
        var fifo = _dir.Combine("main.go");
        ProcessRunner.Run("mkfifo", [fifo], _dir.Path).ExitCode.ShouldBe(0);
        var walk = Task.Run(() => GoBuildInputs.Collect(_dir.Path, []));
        await using (var writer = new FileStream(fifo, FileMode.Open, FileAccess.Write))
        {
            Directory.Delete(_dir.Combine("other"), recursive: true);
            await writer.WriteAsync("package main\n"u8.ToArray());
        }

        var inputs = await walk.WaitAsync(TimeSpan.FromSeconds(30));

        inputs.Select(f => Path.GetFileName(f)).ShouldBe(["go.mod", "main.go"]);
    }
}
