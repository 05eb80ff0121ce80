namespace GoMod.Core.GoEnv;

/// <summary>A go environment setting (GOPROXY, GOFLAGS, GOMODCACHE, GOPATH) that cannot be used, in go's words.</summary>
/// <param name="message">go's message.</param>
/// <param name="setting">The variable at fault (GOFLAGS, GOMODCACHE…), when known, so callers can say which to fix.</param>
public class GoEnvironmentException(string message, string? setting = null) : Exception(message)
{
    /// <summary>The variable at fault, or null.</summary>
    public string? Setting { get; } = setting;
}
