namespace GoMod.Core.GoBuild;

/// <summary>
/// GoBuild=auto found no go toolchain: the modules were restored but the Go code was not compiled. A warning value,
/// never thrown; the message says how to install go or point GoToolchainPath at it, or to set GoBuild=false.
/// </summary>
public sealed class GoBuildSkippedException(string message) : Exception(message);
