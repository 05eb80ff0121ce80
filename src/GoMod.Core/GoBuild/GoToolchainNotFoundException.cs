namespace GoMod.Core.GoBuild;

/// <summary>
/// No go command to build with: GoToolchainPath names no file, or none of PATH's directories has <c>go</c>. With
/// GoBuild=true this is an error; with GoBuild=auto the build goes on and <see cref="GoBuildSkippedException"/> says
/// the Go code was not compiled.
/// </summary>
public sealed class GoToolchainNotFoundException(string message) : Exception(message);
