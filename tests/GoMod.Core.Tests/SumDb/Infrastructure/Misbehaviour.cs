namespace GoMod.Core.Tests.SumDb.Infrastructure;

/// <summary>What the test database does wrong in a differential scenario.</summary>
public enum Misbehaviour
{
    None,
    HonestPlusUnknownSigner,
    GrowBetweenRequests,
    GrowAndDropPartialTiles,
    MismatchedContent,
    TamperRecord,
    Fork,
    ForkBehindFullTile,
    WrongKey,
    UnknownKey,
    BadSignature,
    TruncatedTile,
    CorruptTile,
    OmitRecord,
}
