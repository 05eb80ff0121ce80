namespace GoMod.Core.Tests.Fetch.Infrastructure;

/// <summary>A request as the server saw it.</summary>
public sealed record RecordedRequest(string Method, string RawTarget, string Path, IReadOnlyDictionary<string, string> Headers, int Connection)
{
    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var v) ? v : null;
}
