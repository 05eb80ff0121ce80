using GoMod.Core.ModLoad;

namespace GoMod.Core.Tidy;

/// <summary>
/// A go.mod needs a newer go than the local toolchain (go's <c>TooNewError</c> under GOTOOLCHAIN=local, which never
/// switches toolchains; neither does the SDK): <see cref="What"/> (<c>go.mod</c>, <c>module M@V</c>, <c>M@V</c>)
/// requires go &gt;= <see cref="GoVersion"/> while the local toolchain is <see cref="Local"/>.
/// </summary>
public sealed class GoVersionTooNewException : GoCommandException
{
    internal GoVersionTooNewException(string what, string goVersion, string local, string via = "")
        : base($"{via}{what} requires go >= {goVersion} (running go {local}; GOTOOLCHAIN=local)")
    {
        What = what;
        GoVersion = goVersion;
        Local = local;
    }

    /// <summary>What needs the newer go, in go's words.</summary>
    public string What { get; }

    /// <summary>The go version it requires.</summary>
    public string GoVersion { get; }

    /// <summary>The local toolchain's version.</summary>
    public string Local { get; }
}
