using GoMod.Core.Internal;

namespace GoMod.Core.ModFile;

public sealed partial class GoModFile
{
    /// <summary>
    /// Parses the main module's go.mod from its bytes, as go reads it (<see cref="Parse"/> on the text
    /// <see cref="GoUtf8.Decode"/> gives, which is also what <c>FileLock.ReadAllTextAsync</c> returns). The text need
    /// not be valid UTF-8 — go accepts invalid bytes in comments, rationales and paths it never checks, and so does
    /// this — but the paths that name modules must be: see <see cref="CheckUtf8Paths"/>. The invalid bytes are kept,
    /// so writing the file back (<see cref="FormatBytes"/>) changes none of them.
    /// </summary>
    public static GoModFile ParseBytes(string fileName, ReadOnlySpan<byte> data) => Parse(fileName, GoUtf8.Decode(data));

    /// <summary><see cref="Format"/> as bytes: UTF-8, with any invalid byte that was read written back as it was.</summary>
    public byte[] FormatBytes() => GoUtf8.Encode(Format());

    /// <summary>
    /// go's module path check, for the one rule a text parser could otherwise not see: the <c>module</c> path and
    /// every <c>require</c>d path must be valid UTF-8 (the other path rules are the loader's, as in go). go 1.19 refuses <c>module example.com/m\xff\xfe</c> with
    /// <c>malformed module path "example.com/m\xff\xfe": invalid UTF-8</c>; here that message is placed at the
    /// directive's line. A quoted path holds no invalid byte (go's unquoting turns one into U+FFFD, which the path
    /// rules later refuse as <c>invalid char '�'</c>).
    /// </summary>
    private void CheckUtf8Paths(List<ModFileError> errors)
    {
        if (_module is { } module && GoUtf8.HasInvalidBytes(module.Path))
            errors.Add(InvalidUtf8(module, module.Path));
        foreach (var r in Live(_require))
            if (GoUtf8.HasInvalidBytes(r.Path))
                errors.Add(InvalidUtf8(r, r.Path));
    }

    private ModFileError InvalidUtf8(Entry entry, string path) =>
        ErrorAt(entry.Line.SpanStart, $"malformed module path {GoString.Quote(path)}: invalid UTF-8");
}
