namespace GoMod.Core.ModCache;

/// <summary>The state of a module's extracted tree in the cache, as go judges it.</summary>
public enum ExtractedState
{
    /// <summary>No directory.</summary>
    Missing,

    /// <summary>A directory exists but is not to be trusted (a <c>.partial</c> marker, or no <c>.ziphash</c>).</summary>
    Partial,

    /// <summary>Fully extracted.</summary>
    Complete,
}
