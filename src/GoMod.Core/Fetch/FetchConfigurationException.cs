namespace GoMod.Core.Fetch;

/// <summary>A go environment setting (GOPROXY, GOFLAGS, GOMODCACHE, GOPATH) that cannot be used, in go's words.</summary>
public sealed class FetchConfigurationException(string message) : Exception(message);
