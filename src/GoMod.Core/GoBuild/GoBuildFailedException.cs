namespace GoMod.Core.GoBuild;

/// <summary>
/// go build failed without a positioned error: a command-level message (<c>go: …</c>, a missing C compiler, a package
/// the restore did not provide, a crashed go). The message is go's output; <see cref="ExitCode"/> its status (-1 when
/// go could not be started).
/// </summary>
public sealed class GoBuildFailedException(string message, int exitCode, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>go's exit status, or -1 when it could not be started.</summary>
    public int ExitCode { get; } = exitCode;
}
