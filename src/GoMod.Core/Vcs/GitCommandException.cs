namespace GoMod.Core.Vcs;

/// <summary>A git command exited with a non-zero status (go's <c>codehost.RunError</c>); stderr is redacted.</summary>
internal sealed class GitCommandException(string command, int exitCode, string stderr)
    : Exception(command + ": exit status " + exitCode + (stderr.Length > 0 ? "\n" + stderr : ""))
{
    public string Command { get; } = command;
    public int ExitCode { get; } = exitCode;
    public string StdErr { get; } = stderr;
}
