namespace GoMod.Core.Vendor;

/// <summary>
/// A <c>//go:embed</c> pattern go cannot resolve (go's <c>EmbedError</c>): message <c>pattern P: reason</c>, the reason
/// in go's words (<c>no matching files found</c>, <c>invalid pattern syntax</c>, <c>cannot embed …</c>).
/// </summary>
public sealed class EmbedPatternException(string packageDir, string pattern, string reason)
    : Exception($"pattern {pattern}: {reason}")
{
    /// <summary>The package directory the pattern is relative to.</summary>
    public string PackageDir { get; } = packageDir;

    /// <summary>The pattern as written (with any <c>all:</c> prefix).</summary>
    public string Pattern { get; } = pattern;

    /// <summary>Why it fails, in go's words.</summary>
    public string Reason { get; } = reason;
}
