namespace GoMod.Core.Sum;

/// <summary>
/// Orders strings by their UTF-8 bytes (which is code point order), as Go compares strings. Plain ordinal order of
/// UTF-16 differs for characters above U+FFFF versus U+E000–U+FFFF, so surrogates are moved above that range.
/// </summary>
internal sealed class Utf8Order : IComparer<string>
{
    public static readonly Utf8Order Instance = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var n = Math.Min(x.Length, y.Length);
        for (var i = 0; i < n; i++)
        {
            if (x[i] == y[i]) continue;
            return Fix(x[i]).CompareTo(Fix(y[i]));
        }
        return x.Length.CompareTo(y.Length);
    }

    private static int Fix(char c) => c >= 0xE000 ? c - 0x800 : c >= 0xD800 ? c + 0x2000 : c;
}
