namespace GoMod.Core.ModFile;

// The interpreted directives of a GoModFile, each tied to the syntax line it came from so that an edit can rewrite
// exactly that line. They are mutable because edits update them in place, as x/mod's do; the public API hands out
// immutable records built from them.

internal abstract class Entry
{
    /// <summary>The line in the syntax tree; null only for a requirement not yet placed in a block.</summary>
    public SyntaxLine Line { get; set; } = null!;

    /// <summary>Set when an edit deletes the directive; the entry disappears from the read API at once.</summary>
    public bool Removed { get; private set; }

    /// <summary>Deletes the directive and marks its line for removal by Cleanup.</summary>
    public void Remove()
    {
        Removed = true;
        Line?.MarkRemoved();
    }

    /// <summary>A copy whose line is the copy of this entry's line in a cloned syntax tree.</summary>
    public T CloneFor<T>(Dictionary<SyntaxLine, SyntaxLine> lineMap) where T : Entry
    {
        var copy = (T)MemberwiseClone();
        if (Line is not null) copy.Line = lineMap.TryGetValue(Line, out var mapped) ? mapped : Line.Clone();
        return copy;
    }
}

internal sealed class ModuleEntry : Entry
{
    public string Path { get; set; } = "";
    public string Deprecated { get; init; } = "";
}

internal sealed class GoEntry : Entry
{
    public string Version { get; set; } = "";
}

internal sealed class ToolchainEntry : Entry
{
    public string Name { get; set; } = "";
}

internal sealed class GodebugEntry : Entry
{
    public string Key { get; init; } = "";
    public string Value { get; set; } = "";
}

internal sealed class RequireEntry : Entry
{
    public string Path { get; init; } = "";
    public string Version { get; set; } = "";
    public bool Indirect { get; set; }
}

internal sealed class ExcludeEntry : Entry
{
    public string Path { get; init; } = "";
    public string Version { get; init; } = "";
}

internal sealed class ReplaceEntry : Entry
{
    public string OldPath { get; init; } = "";
    public string OldVersion { get; set; } = "";
    public string NewPath { get; set; } = "";
    public string NewVersion { get; set; } = "";
}

internal sealed class RetractEntry : Entry
{
    public string Low { get; init; } = "";
    public string High { get; init; } = "";
    public string Rationale { get; init; } = "";
}

/// <summary>A <c>tool</c> or <c>ignore</c> directive: one path.</summary>
internal sealed class PathEntry : Entry
{
    public string Path { get; init; } = "";
}
