using GoMod.Core.Internal;
using GoMod.Core.Module;

namespace GoMod.Core.Semver;

/// <summary>
/// A version string that breaks a rule, with the module path unknown or reported elsewhere (Go's
/// <c>module.InvalidVersionError</c>). The message is go's: <c>version "v1.2" invalid: detail</c>, or
/// <c>pseudo-version "…" invalid: detail</c>. <see cref="GoMod.Core.Module.ModuleException"/> wraps it as
/// <c>path@version: invalid version: detail</c>.
/// </summary>
public sealed class InvalidVersionException : FormatException
{
    /// <summary>Creates the error for <paramref name="version"/>; <paramref name="pseudo"/> selects the noun "pseudo-version".</summary>
    public InvalidVersionException(string version, bool pseudo, string detail)
        : base($"{(pseudo ? "pseudo-version" : "version")} {GoString.Quote(version)} invalid: {detail}")
    {
        Version = version;
        IsPseudo = pseudo;
        Detail = detail;
    }

    /// <summary>The offending version string, as given.</summary>
    public string Version { get; }

    /// <summary>Whether the version was taken as a pseudo-version (the message then says "pseudo-version").</summary>
    public bool IsPseudo { get; }

    /// <summary>What is wrong, without the version: e.g. <c>should be v2, not v3</c>.</summary>
    public string Detail { get; }

    /// <summary>"version" or "pseudo-version".</summary>
    public string Noun => IsPseudo ? "pseudo-version" : "version";
}
