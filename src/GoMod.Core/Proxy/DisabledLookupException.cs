using GoMod.Core.Fetch;

namespace GoMod.Core.Proxy;

/// <summary>A lookup the configuration rules out; counts as "not found" so the list moves on.</summary>
internal sealed class DisabledLookupException(string path, string version, string reason)
    : ModuleNotFoundException(path, version, reason)
{
    public const string Off = "module lookup disabled by GOPROXY=off";
    public const string NoProxy = "disabled by GOPRIVATE/GONOPROXY";
    public const string UseProxy = "path does not match GOPRIVATE/GONOPROXY";

    public string Reason { get; } = reason;
}
