
namespace GoMod.Core.ModFile;

/// <summary>
/// A <c>retract</c> line: the closed version interval <c>[Low, High]</c> (a single version has Low equal to High)
/// and the rationale from its comments.
/// </summary>
/// <param name="Low">The lowest retracted version.</param>
/// <param name="High">The highest retracted version.</param>
/// <param name="Rationale">
/// The comments above and beside the line (or, for a line in a block with no comments of its own, the block's),
/// each without <c>//</c> and trimmed, joined by newlines.
/// </param>
public sealed record Retraction(string Low, string High, string Rationale);
