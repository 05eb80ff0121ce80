using GoMod.Core.GoBuild;
using GoMod.Testing;

namespace GoMod.Core.Tests.GoBuild;

public sealed class GoToolchainTests : IDisposable
{
    private readonly TempDirectory _dir = new("toolchain");

    public void Dispose() => _dir.Dispose();

    private static string Exe => OperatingSystem.IsWindows() ? "go.exe" : "go";

    [Fact]
    public void GoToolchainPath_may_name_the_executable_its_directory_or_the_installation()
    {
        var go = _dir.Write(Path.Combine("goroot", "bin", Exe), "");
        foreach (var given in new[] { go, _dir.Combine("goroot", "bin"), _dir.Combine("goroot") })
            GoToolchain.Locate(given, _ => null).ShouldBe(go);
    }

    [Fact]
    public void Without_GoToolchainPath_the_first_PATH_directory_with_go_wins()
    {
        var first = Executable(Path.Combine("b", Exe));
        Executable(Path.Combine("c", Exe));
        var path = string.Join(Path.PathSeparator, _dir.Combine("a"), _dir.Combine("b"), _dir.Combine("c"));

        GoToolchain.Locate(null, name => name == "PATH" ? path : null).ShouldBe(first);
    }

    [Fact]
    public void A_file_on_PATH_that_is_not_executable_is_passed_over_as_a_shell_passes_it_over()
    {
        if (OperatingSystem.IsWindows()) return; // No execute bits there: every file of the name counts.
        _dir.Write(Path.Combine("a", "gcc"), "");
        var second = Executable(Path.Combine("b", "gcc"));
        var path = string.Join(Path.PathSeparator, _dir.Combine("a"), "relative", _dir.Combine("b"));

        GoToolchain.OnPath("gcc", name => name == "PATH" ? path : null).ShouldBe(second);
        GoToolchain.OnPath("gcc", name => name == "PATH" ? _dir.Combine("a") : null).ShouldBeNull();
    }

    private string Executable(string relative)
    {
        var file = _dir.Write(relative, "");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return file;
    }

    [Fact]
    public void A_missing_go_is_skipped_with_a_warning_under_auto_and_an_error_under_true()
    {
        Func<string, string?> noPath = name => name == "PATH" ? _dir.Combine("empty") : null;

        var (go, problem) = GoToolchain.Find("auto", null, noPath);
        go.ShouldBeNull();
        problem.ShouldBeOfType<GoBuildSkippedException>().Message.ShouldStartWith("GoBuild=auto: the Go code was not compiled: no go command on PATH");

        GoToolchain.Find("true", _dir.Combine("nowhere"), noPath).Problem.ShouldBeOfType<GoToolchainNotFoundException>()
            .Message.ShouldStartWith($"GoToolchainPath={_dir.Combine("nowhere")}: no go command there");
    }
}
