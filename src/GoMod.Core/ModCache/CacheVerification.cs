using GoMod.Core.Sum;

namespace GoMod.Core.ModCache;

/// <summary>The outcome of <see cref="ModuleCacheVerifier.VerifyAsync"/>, worded as <c>go mod verify</c> prints it.</summary>
/// <param name="Failures">One per problem, in module order: <see cref="ModuleCacheModifiedException"/>, a go.mod that no longer matches go.sum (<see cref="Sum.ChecksumMismatchException"/>), an invalid version.</param>
/// <param name="Checked">How many module versions were examined.</param>
public sealed record CacheVerification(IReadOnlyList<Exception> Failures, int Checked)
{
    /// <summary>Each failure as go prints it, one per module and problem.</summary>
    public IReadOnlyList<string> Errors => Failures.Select(f => f.Message.TrimEnd('\n')).ToList();

    /// <summary>True when nothing was found modified.</summary>
    public bool AllVerified => Failures.Count == 0;

    /// <summary>What go prints: <c>all modules verified</c>, or the errors.</summary>
    public string Output => AllVerified ? "all modules verified\n" : string.Concat(Errors.Select(e => e + "\n"));
}
