namespace GoMod.Core.GoEnv;

/// <summary>
/// The parts of GOFLAGS that matter to module work: <c>-mod=</c>, <c>-modcacherw</c>, the package load's <c>-tags=</c>,
/// and <c>-modfile=</c> (not applied: reported).
/// </summary>
/// <param name="Mod">The <c>-mod</c> value, or null when GOFLAGS does not set it.</param>
/// <param name="ModCacheRW">True when extracted module directories stay writable (<c>-modcacherw</c>).</param>
public sealed record GoFlags(ModMode? Mod, bool ModCacheRW)
{
    /// <summary>
    /// The <c>-tags</c> value (comma-separated, as GOFLAGS values hold no spaces), or null when GOFLAGS does not set it.
    /// <c>-tags</c> without a value is left unset here: go refuses it only in the commands that take build flags.
    /// </summary>
    public string? Tags { get; init; }

    /// <summary>The <c>-modfile</c> value (go's alternate go.mod), or null when GOFLAGS does not set it.</summary>
    public string? ModFile { get; init; }

    /// <summary>No flags.</summary>
    public static GoFlags None { get; } = new(null, false);

    /// <summary>
    /// Parses GOFLAGS as go does: whitespace-separated words, each a flag (<c>-x</c>, <c>--x</c>, <c>-x=value</c>);
    /// flag values cannot contain spaces. Flags other than <c>-mod</c>, <c>-modcacherw</c>, <c>-tags</c> and <c>-modfile</c> are accepted and ignored.
    /// The last occurrence of a flag wins.
    /// </summary>
    /// <exception cref="GoEnvironmentException">A word is not a flag, or a value is invalid (go's messages).</exception>
    public static GoFlags Parse(string? goFlags)
    {
        ModMode? mod = null;
        var rw = false;
        string? tags = null, modFile = null;
        if (string.IsNullOrWhiteSpace(goFlags)) return None;
        foreach (var word in goFlags.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!word.StartsWith('-') || word is "-" or "--" || word.StartsWith("---", StringComparison.Ordinal) ||
                word.StartsWith("-=", StringComparison.Ordinal) || word.StartsWith("--=", StringComparison.Ordinal))
                throw new GoFlagsException($"go: parsing $GOFLAGS: non-flag \"{word}\"");
            var name = word[1..];
            if (name.StartsWith('-')) name = name[1..];
            string? value = null;
            var eq = name.IndexOf('=');
            if (eq >= 0)
            {
                value = name[(eq + 1)..];
                name = name[..eq];
            }
            switch (name)
            {
                case "mod":
                    mod = value switch
                    {
                        "readonly" => ModMode.ReadOnly,
                        "mod" => ModMode.Mod,
                        "vendor" => ModMode.Vendor,
                        "" => null,
                        null => throw new GoFlagsException("go: parsing $GOFLAGS: flag needs an argument: -mod"),
                        _ => throw new GoFlagsException($"-mod={value} not supported (can be '', 'mod', 'readonly', or 'vendor')"),
                    };
                    break;
                case "modcacherw":
                    rw = value switch
                    {
                        null or "1" or "t" or "T" or "true" or "TRUE" or "True" => true,
                        "0" or "f" or "F" or "false" or "FALSE" or "False" => false,
                        _ => throw new GoFlagsException($"go: invalid boolean value \"{value}\" for flag -modcacherw (from $GOFLAGS): parse error"),
                    };
                    break;
                case "tags":
                    if (value is not null) tags = value;
                    break;
                case "modfile":
                    modFile = value;
                    break;
            }
        }
        return new GoFlags(mod, rw) { Tags = tags, ModFile = modFile };
    }
}
