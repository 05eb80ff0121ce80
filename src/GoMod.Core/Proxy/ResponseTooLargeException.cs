namespace GoMod.Core.Proxy;

/// <summary>A response exceeded the size allowed for its kind.</summary>
internal sealed class ResponseTooLargeException() : Exception("response too large");
