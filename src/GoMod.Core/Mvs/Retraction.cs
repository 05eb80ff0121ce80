namespace GoMod.Core.Mvs;

/// <summary>A retracted version interval from a module's latest go.mod, with the author's rationale (empty if none).</summary>
public readonly record struct Retraction(string Low, string High, string Rationale);
