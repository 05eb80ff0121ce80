namespace GoMod.Core.Packages;

/// <summary>A package whose module must change version before its imports matter (go's <c>errVersionChange</c>, go get's load).</summary>
internal sealed class VersionChangeException() : Exception("version change needed");
