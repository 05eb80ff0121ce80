namespace GoMod.Core.Tests.SumDb.Infrastructure;

/// <summary>How the test database damages the hash tiles it serves.</summary>
public enum TileFault
{
    None,

    /// <summary>Every tile loses its last bytes.</summary>
    Truncate,

    /// <summary>One byte of every tile is flipped.</summary>
    Corrupt,
}
