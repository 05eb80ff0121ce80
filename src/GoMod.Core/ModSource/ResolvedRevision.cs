using GoMod.Core.Fetch;

namespace GoMod.Core.ModSource;

/// <summary>The <c>.info</c> of a module version: its canonical version and commit time (go's <c>modfetch.RevInfo</c>).</summary>
/// <param name="Version">The resolved version.</param>
/// <param name="Time">The commit time; <see cref="DateTimeOffset.MinValue"/> when the source gave none.</param>
public sealed record ResolvedRevision(string Version, DateTimeOffset Time);
