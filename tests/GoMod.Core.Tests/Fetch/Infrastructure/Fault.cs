namespace GoMod.Core.Tests.Fetch.Infrastructure;

/// <summary>What the server does instead of answering normally.</summary>
public enum Fault
{
    None,

    /// <summary>Reset the connection (RST) before any response.</summary>
    Reset,

    /// <summary>Send the headers and half of the body, then close the connection.</summary>
    Truncate,

    /// <summary>Send nothing for a long time (the client's timeout must fire).</summary>
    Stall,

    /// <summary>Send the headers (full Content-Length), then one body byte every <see cref="TestProxyServer.TrickleDelay"/>.</summary>
    Trickle,
}
