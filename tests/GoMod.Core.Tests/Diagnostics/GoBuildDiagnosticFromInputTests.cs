using GoMod.Core.GoBuild;
using GoMod.Testing;

namespace GoMod.Core.Tests.Diagnostics;

/// <summary>
/// The GoBuild codes (GOMOD05xx), each provoked from real input: Go sources built by the real go command (and cgo's
/// real C compiler), and toolchain paths that hold no go.
/// </summary>
public sealed class GoBuildDiagnosticFromInputTests : IDisposable
{
    private readonly TempDirectory _dir = new("gobuild-codes");

    public void Dispose() => _dir.Dispose();

    private GoBuildRequest Module(string mainGo, GoBuildMode mode = GoBuildMode.Exe)
    {
        _dir.Write("m/go.mod", "module example.com/m\n\ngo 1.19\n");
        _dir.Write("m/main.go", mainGo);
        return new GoBuildRequest
        {
            ModuleDirectory = _dir.Combine("m"),
            Mode = mode,
            Platform = GoPlatform.Host,
            OutputFile = _dir.Combine("out", "m"),
            ModCache = _dir.Combine("modcache"),
            GoCache = _dir.Combine("gocache"),
        };
    }

    private static Task<GoBuildResult> BuildAsync(GoBuildRequest request) => GoBuilder.BuildAsync(request, GoOracle.Path!, CancellationToken.None);

    [GoFact]
    public async Task GOMOD0501_a_compile_error_at_its_file_line_and_column()
    {
        var result = await BuildAsync(Module("package main\n\nfunc main() {\n\tundefinedThing()\n}\n"));

        result.Succeeded.ShouldBeFalse();
        var d = result.Diagnostics.ShouldHaveSingleItem();
        (d.Code, d.File, d.Line, d.Column, d.Message).ShouldBe(("GOMOD0501", _dir.Combine("m", "main.go"), 4, 2, "undefined: undefinedThing"));
    }

    [GoFact]
    public async Task GOMOD0502_go_fails_without_a_position()
    {
        var result = await BuildAsync(Module("package notmain\n"));

        result.Succeeded.ShouldBeFalse();
        var d = result.Diagnostics.ShouldHaveSingleItem();
        (d.Code, d.File, d.Message).ShouldBe(("GOMOD0502", null, "-buildmode=exe requires exactly one main package"));
    }

    [Fact]
    public void GOMOD0503_GoBuild_true_and_no_go()
    {
        var (_, problem) = GoToolchain.Find("true", _dir.Combine("nowhere"), _ => null);

        GoBuilder.Diagnose(problem!).Code.ShouldBe("GOMOD0503");
    }

    [GoFact]
    public async Task GOMOD0550_a_C_compiler_warning_in_a_cgo_preamble()
    {
        var result = await BuildAsync(Module("package main\n\n// #warning \"careful\"\nimport \"C\"\n\nfunc main() {}\n") with { CgoEnabled = true });

        result.Succeeded.ShouldBeTrue(result.Output);
        var d = result.Diagnostics.ShouldHaveSingleItem();
        (d.Code, d.File, d.Line).ShouldBe(("GOMOD0550", _dir.Combine("m", "main.go"), 3));
        d.Message.ShouldContain("#warning \"careful\"");
    }

    [Fact]
    public void GOMOD0551_GoBuild_auto_and_no_go()
    {
        var (go, problem) = GoToolchain.Find("auto", null, name => name == "PATH" ? _dir.Combine("empty") : null);

        go.ShouldBeNull();
        GoBuilder.Diagnose(problem!).Code.ShouldBe("GOMOD0551");
    }
}
