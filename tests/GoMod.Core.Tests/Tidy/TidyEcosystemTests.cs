using GoMod.Core.Tidy;
using GoMod.Core.Tests.Vendor;
using GoMod.Testing;

namespace GoMod.Core.Tests.Tidy;

/// <summary>
/// go mod tidy on real code (<see cref="DebianCorpus"/>, 110 modules). Tidy loads far more than a
/// build: every file whatever its build constraints, the tests of the main module's packages and of the packages they
/// import, so it meets imports nobody in the corpus provides (test helpers, Windows-only and App Engine packages). With
/// and without <c>-e</c>, our tidy must write go's go.mod and go.sum byte for byte, exit as go does and print go's
/// messages (the <c>go: downloading</c> progress aside, finding runs sorted as go queries in parallel).
/// </summary>
public sealed class TidyEcosystemTests : IDisposable
{
    private readonly TempDirectory _dir = new("tecosys");

    public void Dispose() => _dir.Dispose();

    [GoTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Tidy_writes_what_go_mod_tidy_writes_over_a_hundred_real_modules(bool allowErrors)
    {
        if (!DebianCorpus.Available()) return;
        var corpus = DebianCorpus.Build(_dir.Combine("corpus"));
        var proxy = DebianCorpus.ProxyUrl(corpus);
        var goMain = _dir.Combine("gomain");
        var ourMain = _dir.Combine("ourmain");
        VendorOracleRun.CopyTree(corpus.MainDir, goMain);
        VendorOracleRun.CopyTree(corpus.MainDir, ourMain);
        var before = TidyDifferentialTests.State(goMain);

        var goCache = Path.Combine(_dir.Combine("home"), "gopath", "pkg", "mod");
        var go = TidyDifferentialTests.GoTidy(goMain, _dir.Combine("home"), proxy, allowErrors ? ["-e"] : []);
        var expected = $"exit {(go.ExitCode == 0 ? 0 : 1)}\n{TidyDifferentialTests.State(goMain)}\n--- stderr\n" +
                       TidyDifferentialTests.Messages(go.StdErr.Replace(goCache, "$GOMODCACHE", StringComparison.Ordinal));

        var ourCache = _dir.Combine("ourcache");
        var ours = await ModuleTidyCommand.RunAsync(TidyDifferentialTests.Options(ourMain, ourCache, proxy),
            new TidyOptions { AllowErrors = allowErrors }, check: false, CancellationToken.None);
        var actual = $"exit {ours.Output.ExitCode}\n{TidyDifferentialTests.State(ourMain)}\n--- stderr\n" +
                     TidyDifferentialTests.Messages(ours.Output.StdErr.Replace(ourCache, "$GOMODCACHE", StringComparison.Ordinal));

        actual.ShouldBe(expected);
        // What makes the comparison worth having, in go's own result: imports nobody provides (an error without -e),
        // and with -e a go.mod that tidy really changed.
        go.StdErr.ShouldContain("cannot find module providing package");
        (go.ExitCode == 0).ShouldBe(allowErrors);
        if (allowErrors) TidyDifferentialTests.State(goMain).ShouldNotBe(before);
    }
}
