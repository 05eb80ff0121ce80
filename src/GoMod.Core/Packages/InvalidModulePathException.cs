namespace GoMod.Core.Packages;

/// <summary>A prefix of an argument that is not a valid module path (a low-priority error, as in go).</summary>
internal sealed class InvalidModulePathException(string message, Exception inner) : Exception(message, inner);
