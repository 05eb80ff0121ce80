using System.Text;

namespace GoMod.Core.Tests.Fetch.Infrastructure;

/// <summary>A scripted response.</summary>
public sealed record TestResponse(int Status, byte[] Body, string ContentType = "text/plain; charset=utf-8", Fault Fault = Fault.None)
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public string? Reason { get; init; }

    public static TestResponse Text(int status, string body) => new(status, Encoding.UTF8.GetBytes(body));

    public static TestResponse Of(Fault fault) => new(200, [], Fault: fault);
}
