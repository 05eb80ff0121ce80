using System.Text.RegularExpressions;
using GoMod.Core.Diagnostics;
using GoMod.Core.Fetch;
using GoMod.Core.GoEnv;
using GoMod.Core.ModCache;
using GoMod.Core.ModGet;
using GoMod.Core.ModLoad;
using GoMod.Core.ModSource;
using GoMod.Core.Module;
using GoMod.Core.Proxy;
using GoMod.Core.Sum;
using GoMod.Core.Vcs;

namespace GoMod.Core.Tests.Diagnostics;

/// <summary>
/// Codes come from failure types, in one place (<see cref="FailureCodes"/>): every code has exactly one type, nothing
/// outside that table creates a diagnostic from a descriptor, and no code is chosen by reading a message.
/// </summary>
public sealed partial class FailureCodesTests
{
    private static readonly ModuleVersion A = new("example.com/a", "v1.0.0");

    [Fact]
    public void Every_code_is_produced_from_exactly_one_failure_type()
    {
        var rows = FailureCodes.Precedence;
        rows.Select(r => r.Failure).ShouldBeUnique();
        rows.Select(r => r.Code.Code).ShouldBeUnique();
        rows.Select(r => r.Code.Code).OrderBy(c => c, StringComparer.Ordinal)
            .ShouldBe(DiagnosticCodes.All.Select(d => d.Code));
        foreach (var (type, _) in rows) typeof(Exception).IsAssignableFrom(type).ShouldBeTrue(type.Name);
    }

    public static TheoryData<string, Func<Exception>> Chains => new()
    {
        // A version missing deep in the graph is the graph's problem; a SECURITY ERROR found there stays one.
        { "GOMOD0304", () => new GoCommandException("a@v1 requires b@v2: not found", new ModuleNotFoundException("b", "v2", "reading x: 404 Not Found")) },
        { "GOMOD0103", () => new GoCommandException("m", new ModuleException(A.Path, A.Version, "verifying", new ChecksumMismatchException(A.Path, A.Version, "h1:x", "h1:y"))) },
        { "GOMOD0102", () => new GoCommandException("m", MissingGoSumEntryException.WhileLoading(A, A.Path)) },
        // A network failure while loading the graph is a network failure, not "require a version that exists".
        { "GOMOD0202", () => new GoCommandException("m", new ModuleFetchException(A.Path, A.Version, "reading x: connection refused")) },
        { "GOMOD0201", () => new ModuleNotFoundException(A.Path, A.Version, "reading x: 404 Not Found") },
        { "GOMOD0203", () => new DisabledLookupException(A.Path, A.Version, DisabledLookupException.Off) },
        { "GOMOD0302", () => new GoCommandException("m", new ModulePathMismatchException(A, "example.com/b", A.Path)) },
        { "GOMOD0305", () => new ModFileUpdateNeededException(modFlagExplicit: true) },
        { "GOMOD0306", () => new GoGetException("example.com/x@v9: no matching versions", new GoCommandException("no matching versions")) },
        { "GOMOD0307", () => new GoMod.Core.Tidy.ModuleNotTidyException("go.mod", true, false, "diff current/go.mod tidy/go.mod\n") },
        { "GOMOD0005", () => new GoFlagsException("go: parsing $GOFLAGS: non-flag \"x\"") },
        { "GOMOD0006", () => new GoEnvironmentException("invalid proxy URL missing scheme: x") },
        { "GOMOD0104", () => new ModuleCacheModifiedException(A, "zip has been modified (x)") },
        { "GOMOD0401", () => new ModuleCacheWriteException("/cache", new UnauthorizedAccessException("denied")) },
        { "GOMOD0901", () => new TaskCanceledException() },
        { "GOMOD0902", () => new InvalidOperationException("a bug") },
    };

    [Theory]
    [MemberData(nameof(Chains))]
    public void The_most_telling_failure_of_a_chain_decides_the_code(string code, Func<Exception> failure) =>
        FailureCodes.For(failure()).Code.ShouldBe(code);

    [Fact]
    public void The_decisive_failure_is_the_one_whose_words_are_shown()
    {
        var mismatch = new ChecksumMismatchException(A.Path, A.Version, "h1:x", "h1:y");
        var (code, decisive) = FailureCodes.Decide(new ModuleFetchException(A.Path, A.Version, "download failed", mismatch));
        code.ShouldBe(DiagnosticCodes.ChecksumMismatch);
        decisive.ShouldBeSameAs(mismatch);
    }

    [Fact]
    public void Outside_the_failure_table_no_source_creates_a_diagnostic_from_a_code_or_reads_a_message_to_classify()
    {
        var src = Path.Combine(RepoRoot(), "src");
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)) continue;
            var text = File.ReadAllText(file);
            var inDiagnostics = file.Contains($"{Path.DirectorySeparatorChar}Diagnostics{Path.DirectorySeparatorChar}", StringComparison.Ordinal);
            if (!inDiagnostics && DescriptorUse().IsMatch(text)) offenders.Add($"{file}: {DescriptorUse().Match(text).Value}");
            if (MessageClassification().IsMatch(text)) offenders.Add($"{file}: {MessageClassification().Match(text).Value}");
        }
        offenders.ShouldBeEmpty();
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GoModSdk.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("repository root");
    }

    // DiagnosticCodes.Xyz used to make a diagnostic (DiagnosticCodes.All / Find are lookups, not producers).
    [GeneratedRegex(@"DiagnosticCodes\.(?!All\b|Find\b)[A-Z]\w*")]
    private static partial Regex DescriptorUse();

    // A message, stderr or error text searched for go's words to decide what kind of failure it is.
    [GeneratedRegex(@"\.(Contains|StartsWith|EndsWith|IndexOf)\(\s*(""SECURITY|""[^""]*missing go\.sum|""[^""]*updates to go\.mod|""[^""]*not found|DisabledLookupException\.)")]
    private static partial Regex MessageClassification();
}
