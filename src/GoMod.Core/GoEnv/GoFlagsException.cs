namespace GoMod.Core.GoEnv;

/// <summary>GOFLAGS holds something go refuses: a word that is not a flag, a flag without its value, a value go does not accept (go's message).</summary>
public sealed class GoFlagsException(string message) : GoEnvironmentException(message, "GOFLAGS");
