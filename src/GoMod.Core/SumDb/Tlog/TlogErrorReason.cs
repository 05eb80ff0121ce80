namespace GoMod.Core.SumDb.Tlog;

/// <summary>Why log data was refused.</summary>
public enum TlogErrorReason
{
    /// <summary>A tree note's text is not <c>go.sum database tree\nN\nhash\n</c>.</summary>
    MalformedTree,

    /// <summary>A record (lookup response or data tile entry) is malformed.</summary>
    MalformedRecord,

    /// <summary>A tile path does not parse.</summary>
    MalformedTilePath,

    /// <summary>A tile has the wrong length.</summary>
    MalformedTile,

    /// <summary>Downloaded tiles do not hash up to the signed tree hash (or to their parent tile).</summary>
    InconsistentTile,

    /// <summary>An inclusion or consistency proof does not verify.</summary>
    ProofFailed,

    /// <summary>A requested index or record is outside the tree.</summary>
    OutOfRange,
}
