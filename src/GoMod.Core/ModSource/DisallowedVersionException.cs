using GoMod.Core.Module;

namespace GoMod.Core.ModSource;

/// <summary>
/// A version the main module excludes (<c>path@v: excluded by go.mod</c>) or its author retracted
/// (<c>path@v: retracted by module author: rationale</c>); version queries skip such versions (go's <c>ErrDisallowed</c>).
/// </summary>
public sealed class DisallowedVersionException : ModuleException
{
    private DisallowedVersionException(string path, string version, string detail, IReadOnlyList<string>? rationale)
        : base(path, version, detail)
    {
        Rationale = rationale;
    }

    /// <summary>For a retraction, the rationales of every retraction covering the version (possibly none); null for an exclusion.</summary>
    public IReadOnlyList<string>? Rationale { get; }

    /// <summary>True for a retraction, false for an exclusion.</summary>
    public bool IsRetraction => Rationale is not null;

    internal static DisallowedVersionException Excluded(string path, string version) => new(path, version, "excluded by go.mod", null);

    internal static DisallowedVersionException Retracted(string path, string version, IReadOnlyList<string> rationale)
    {
        var msg = "retracted by module author";
        if (rationale.Count > 0) msg += ": " + ShortMessage(rationale[0], "retracted by module author");
        return new DisallowedVersionException(path, version, msg, rationale);
    }

    /// <summary>
    /// A go.mod message made safe for a terminal (go's <c>ShortMessage</c>): its first line, trimmed; the default when
    /// empty; a fixed text when longer than 500 bytes or not printable.
    /// </summary>
    public static string ShortMessage(string message, string emptyDefault)
    {
        int i = message.IndexOf('\n');
        if (i >= 0) message = message[..i];
        message = message.Trim();
        if (message.Length == 0) return emptyDefault;
        if (System.Text.Encoding.UTF8.GetByteCount(message) > 500) return "(message omitted: too long)";
        foreach (var rune in message.EnumerateRunes())
        {
            if (!IsGraphic(rune) && !System.Text.Rune.IsWhiteSpace(rune)) return "(message omitted: contains non-printable characters)";
        }
        return message;
    }

    private static bool IsGraphic(System.Text.Rune r)
    {
        var cat = System.Text.Rune.GetUnicodeCategory(r);
        return cat switch
        {
            System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format or
            System.Globalization.UnicodeCategory.Surrogate or System.Globalization.UnicodeCategory.PrivateUse or
            System.Globalization.UnicodeCategory.OtherNotAssigned or System.Globalization.UnicodeCategory.LineSeparator or
            System.Globalization.UnicodeCategory.ParagraphSeparator => false,
            _ => true,
        };
    }
}
