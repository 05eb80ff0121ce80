using GoMod.Core.Diagnostics;
using GoMod.Core.ModLoad;
using GoMod.Core.Module;
using GoMod.Core.SumDb;

namespace GoMod.Core.Tests.SumDb;

/// <summary>Checksum database failures get their own codes, wherever in a failure chain they are met.</summary>
public class SumDbFailureCodesTests
{
    public static TheoryData<string, Func<Exception>> Chains => new()
    {
        // Met while the module graph loads (a go.mod check): still a SECURITY ERROR, and its words are shown.
        { "GOMOD0105", () => new GoCommandException("a@v1 requires b@v1: …", new ModuleException("b", "v1.0.0", "verifying go.mod: …",
            new SumDbSecurityException(SumDbFailure.Fork, "b", "v1.0.0/go.mod", "b@v1.0.0: verifying go.mod: SECURITY ERROR"))) },
        { "GOMOD0105", () => new SumDbSecurityException(SumDbFailure.ChecksumMismatch, "b", "v1.0.0", "b@v1.0.0: verifying module: checksum mismatch") },
        { "GOMOD0204", () => new GoCommandException("m", new ModuleException("b", "v1.0.0", "x",
            new SumDbUnavailableException(SumDbFailure.Unreachable, "b", "v1.0.0", "b@v1.0.0: verifying module: connection refused"))) },
        { "GOMOD0006", () => new SumDbException(SumDbFailure.Configuration, "b", "v1.0.0", "b@v1.0.0: verifying module: missing GOSUMDB",
            Should.Throw<SumDbException>(() => SumDbConfig.Parse(""))) },
    };

    [Theory]
    [MemberData(nameof(Chains))]
    public void Database_failures_decide_the_code(string code, Func<Exception> failure)
    {
        var (descriptor, decisive) = FailureCodes.Decide(failure());
        descriptor.Code.ShouldBe(code);
        if (code != "GOMOD0006") decisive.ShouldBeAssignableTo<SumDbException>()!.ModulePath.ShouldBe("b");
    }
}
