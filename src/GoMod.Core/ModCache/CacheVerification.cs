namespace GoMod.Core.ModCache;

/// <summary>The outcome of <see cref="ModuleCacheVerifier.VerifyAsync"/>, worded as <c>go mod verify</c> prints it.</summary>
/// <param name="Errors">One line per problem, in module order (go prints each to stderr).</param>
/// <param name="Checked">How many module versions were examined.</param>
public sealed record CacheVerification(IReadOnlyList<string> Errors, int Checked)
{
    /// <summary>True when nothing was found modified.</summary>
    public bool AllVerified => Errors.Count == 0;

    /// <summary>What go prints: <c>all modules verified</c>, or the errors.</summary>
    public string Output => AllVerified ? "all modules verified\n" : string.Concat(Errors.Select(e => e + "\n"));
}
