namespace GoMod.Core.Tests.SumDb.Infrastructure;

/// <summary>How the test database signs its tree notes.</summary>
public enum TreeSigning
{
    /// <summary>With the database key.</summary>
    Honest,

    /// <summary>With the database key and a second, unknown signer (must still be accepted).</summary>
    HonestPlusUnknown,

    /// <summary>With another key under the database's name (the key hash differs).</summary>
    WrongKey,

    /// <summary>Only with a key of another name.</summary>
    UnknownKey,

    /// <summary>With the database key's hash but a signature over other text.</summary>
    BadSignature,
}
