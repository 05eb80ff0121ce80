namespace GoMod.Core.SumDb;

/// <summary>What went wrong when the checksum database was consulted.</summary>
public enum SumDbFailure
{
    /// <summary>The database records another hash for the module than the one downloaded (SECURITY ERROR).</summary>
    ChecksumMismatch,

    /// <summary>A signed tree is not an extension of the tree seen before: the log forked (SECURITY ERROR).</summary>
    Fork,

    /// <summary>A tree note carries an invalid signature by the database's key (SECURITY ERROR).</summary>
    InvalidSignature,

    /// <summary>A tree note is not signed by the database's key at all (SECURITY ERROR).</summary>
    UnverifiedTree,

    /// <summary>A record or tile does not hash up to the signed tree: the proof failed (SECURITY ERROR).</summary>
    ProofFailed,

    /// <summary>A response (record, tree note, tile) is malformed (SECURITY ERROR: nothing from it is trusted).</summary>
    MalformedResponse,

    /// <summary>The database does not know the module (404/410 on lookup).</summary>
    NotFound,

    /// <summary>The database (or the proxy in front of it) could not be reached or failed.</summary>
    Unreachable,

    /// <summary>GOSUMDB or the cache location is unusable.</summary>
    Configuration,
}
