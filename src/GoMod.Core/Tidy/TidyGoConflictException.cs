using GoMod.Core.ModLoad;

namespace GoMod.Core.Tidy;

/// <summary>
/// <c>go mod tidy -go=</c><see cref="Requested"/> (GoTidyGo) cannot stand: a module the tidy requirements keep has a go
/// line (go 1.21 or later) of <see cref="Required"/>, above the requested version (go's <c>Conflict</c> summary).
/// </summary>
public sealed class TidyGoConflictException : GoCommandException
{
    internal TidyGoConflictException(string requested, string required, string message) : base(message)
    {
        Requested = requested;
        Required = required;
    }

    /// <summary>The go version <c>-go</c> asked for.</summary>
    public string Requested { get; }

    /// <summary>The go version the module graph requires.</summary>
    public string Required { get; }
}
