using System.Text;
using GoMod.Core.Internal;
using GoMod.Core.Semver;

namespace GoMod.Core.Module;

/// <summary>
/// The naming rules for module paths, import paths and file paths, semantic import versioning (<c>/vN</c> and
/// gopkg.in's <c>.vN</c>), and the case-escaping used in the module cache and the proxy protocol
/// (an upper-case letter <c>X</c> is written <c>!x</c>). Errors carry go's wording.
/// </summary>
public static class ModulePath
{
    private const string Incompatible = "+incompatible";

    private enum Kind { Module, Import, File }

    // Reserved device names on Windows; an element whose part before the first dot is one of these
    // (in any case) cannot be a file or directory there.
    private static readonly string[] WindowsReservedNames =
    [
        "CON", "PRN", "AUX", "NUL",
        "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    ];

    /// <summary>
    /// Checks a module path: a valid import path (see <see cref="CheckImportPath"/>) without <c>+</c>, no element
    /// beginning with a dot, a first element (the domain) containing a dot and only <c>[a-z0-9.-]</c> and not starting
    /// with a dash, and a well-formed major version suffix (<see cref="SplitPathVersion"/>: no <c>/v0</c>,
    /// <c>/v1</c>, <c>/v02</c>, <c>/v2.1</c>; gopkg.in paths must end in <c>.vN</c>).
    /// Throws <see cref="ModulePathException"/> (kind <c>module</c>).
    /// </summary>
    public static void CheckPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var error = ModulePathError(path);
        if (error is not null) throw new ModulePathException("module", path, error);
    }

    /// <summary>
    /// Checks an import path: non-empty slash-separated elements, no leading dash, no <c>//</c>, no trailing slash;
    /// each element made of ASCII letters, digits and <c>-._~+</c>, not only dots, not ending in a dot, not a
    /// Windows reserved name (CON, com1, NuL… before the first dot), and not ending in <c>~</c> plus digits (a Windows
    /// short name). Throws <see cref="ModulePathException"/> (kind <c>import</c>).
    /// </summary>
    public static void CheckImportPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var error = PathError(path, Kind.Import);
        if (error is not null) throw new ModulePathException("import", path, error);
    }

    /// <summary>
    /// Checks a slash-separated file path inside a module: like an import path, but a leading dash is allowed, the
    /// characters are Unicode letters, ASCII digits, space and <c>!#$%&amp;()+,-.=@[]^_{}~</c>, and Windows short names are
    /// not checked. Throws <see cref="ModulePathException"/> (kind <c>file</c>).
    /// </summary>
    public static void CheckFilePath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var error = PathError(path, Kind.File);
        if (error is not null) throw new ModulePathException("file", path, error);
    }

    /// <summary>Whether <see cref="CheckPath"/> accepts <paramref name="path"/>.</summary>
    public static bool IsValidPath(string path) => ModulePathError(path) is null;

    /// <summary>Whether <see cref="CheckImportPath"/> accepts <paramref name="path"/>.</summary>
    public static bool IsValidImportPath(string path) => PathError(path, Kind.Import) is null;

    /// <summary>Whether <see cref="CheckFilePath"/> accepts <paramref name="path"/>.</summary>
    public static bool IsValidFilePath(string path) => PathError(path, Kind.File) is null;

    /// <summary>
    /// Checks a module path and version pair: the path is valid (<see cref="CheckPath"/>), the version is valid
    /// semver, and the version's major matches the path's suffix (<see cref="CheckPathMajor"/>; a path without a
    /// suffix takes v0, v1 or any <c>+incompatible</c> version). Throws <see cref="ModulePathException"/> or
    /// <see cref="ModuleException"/> (<c>path@version: invalid version: …</c>).
    /// </summary>
    public static void Check(string path, string version)
    {
        CheckPath(path);
        if (!SemVer.IsValid(version))
            throw new ModuleException(path, "", new InvalidVersionException(version ?? "", false, "not a semantic version"));
        SplitPathVersion(path, out _, out var pathMajor);
        var error = PathMajorError(version, pathMajor);
        if (error is not null) throw new ModuleException(path, "", error);
    }

    /// <summary>
    /// <see cref="Check"/>'s version rule made strict about <c>+incompatible</c>, as go applies it when it resolves a
    /// version from a repository: the suffix is allowed only on a path without a major version suffix and only for
    /// v2 and up (it marks a v2+ tag of a module that has no go.mod, so it never applies to a version the path already
    /// covers). Versions without the suffix must match the path as in <see cref="CheckPathMajor"/>. Throws
    /// <see cref="ModuleException"/> (<c>path@version: invalid version: …</c>) with go's text.
    /// </summary>
    public static void CheckIncompatible(string path, string version)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!SemVer.IsValid(version))
            throw new ModuleException(path, "", new InvalidVersionException(version ?? "", false, "not a semantic version"));
        SplitPathVersion(path, out _, out var pathMajor);
        if (SemVer.Build(version) != Incompatible)
        {
            var error = PathMajorError(version, pathMajor);
            if (error is not null) throw new ModuleException(path, "", error);
            return;
        }
        var baseVersion = version[..^Incompatible.Length];
        if (MatchPathMajor(baseVersion, pathMajor))
            throw new ModuleException(path, "", new InvalidVersionException(version, false,
                $"+incompatible suffix not allowed: major version {SemVer.Major(version)} is compatible"));
        if (pathMajor.Length != 0)
            throw new ModuleException(path, "", new InvalidVersionException(version, false,
                "module path includes a major version suffix, so major version must match"));
    }

    /// <summary>
    /// Splits a module path into its prefix and major version suffix, <c>prefix + pathMajor == path</c>. The suffix is
    /// <c>""</c> or <c>/vN</c> with N ≥ 2 and no leading zero; gopkg.in paths instead end in <c>.vN</c> for any N
    /// (including <c>.v0</c>), optionally followed by <c>-unstable</c>. Returns false (and the whole path as prefix)
    /// for a malformed suffix such as <c>/v1</c>, <c>/v0</c>, <c>/v02</c>, <c>/v2.1</c>, or a gopkg.in path without one.
    /// </summary>
    public static bool SplitPathVersion(string path, out string prefix, out string pathMajor)
    {
        ArgumentNullException.ThrowIfNull(path);
        var split = MajorSuffixStart(path);
        if (split < 0)
        {
            (prefix, pathMajor) = (path, "");
            return false;
        }
        (prefix, pathMajor) = split == path.Length ? (path, "") : (path[..split], path[split..]);
        return true;
    }

    // Where the major version suffix starts (path.Length when there is none), or -1 when it is malformed.
    private static int MajorSuffixStart(string path)
    {
        if (path.StartsWith("gopkg.in/", StringComparison.Ordinal)) return GopkgInSuffixStart(path);

        // Scan back over a run of digits and dots; it is a suffix only if preceded by "/v".
        var i = path.Length;
        var sawDot = false;
        while (i > 0 && (char.IsAsciiDigit(path[i - 1]) || path[i - 1] == '.'))
        {
            sawDot |= path[i - 1] == '.';
            i--;
        }
        if (i <= 1 || i == path.Length || path[i - 1] != 'v' || path[i - 2] != '/') return path.Length;
        // "/v" + digits: reject dots, a leading zero (which also covers /v0) and /v1.
        if (sawDot || path[i] == '0' || (i == path.Length - 1 && path[i] == '1')) return -1;
        return i - 2;
    }

    private static int GopkgInSuffixStart(string path)
    {
        var i = path.Length;
        if (path.EndsWith("-unstable", StringComparison.Ordinal)) i -= "-unstable".Length;
        while (i > 0 && char.IsAsciiDigit(path[i - 1])) i--;
        if (i <= 1 || path[i - 1] != 'v' || path[i - 2] != '.') return -1;
        // The suffix (with any "-unstable") must be more than ".v"; only ".v0" itself may start with a zero.
        // Go measures the suffix with "-unstable" included, so ".v-unstable" passes this test.
        if (path.Length - i == 0) return -1;
        if (path[i] == '0' && !(i == path.Length - 1)) return -1;
        return i - 2;
    }

    /// <summary>Whether <paramref name="version"/> belongs to a module whose path ends in <paramref name="pathMajor"/> (see <see cref="CheckPathMajor"/>).</summary>
    public static bool MatchPathMajor(string version, string pathMajor) => PathMajorError(version, pathMajor) is null;

    /// <summary>
    /// Checks that <paramref name="version"/> fits the path suffix <paramref name="pathMajor"/>: no suffix takes v0, v1
    /// or any <c>+incompatible</c> version; <c>/vN</c> and <c>.vN</c> take major vN (a gopkg.in <c>-unstable</c>
    /// suffix is ignored, and <c>.v1</c> also takes <c>v0.0.0-</c> pseudo-versions, an old go bug kept for
    /// compatibility). Throws <see cref="InvalidVersionException"/>: <c>should be v2, not v3</c>.
    /// </summary>
    public static void CheckPathMajor(string version, string pathMajor)
    {
        var error = PathMajorError(version, pathMajor);
        if (error is not null) throw error;
    }

    private static InvalidVersionException? PathMajorError(string version, string pathMajor)
    {
        version ??= "";
        pathMajor ??= "";
        if (pathMajor.StartsWith(".v", StringComparison.Ordinal) && pathMajor.EndsWith("-unstable", StringComparison.Ordinal))
            pathMajor = pathMajor[..^"-unstable".Length];
        if (pathMajor == ".v1" && version.StartsWith("v0.0.0-", StringComparison.Ordinal)) return null;
        var major = SemVer.Major(version);
        string expected;
        if (pathMajor.Length == 0)
        {
            if (major is "v0" or "v1" || SemVer.Build(version) == Incompatible) return null;
            expected = "v0 or v1";
        }
        else if (pathMajor[0] is '/' or '.')
        {
            if (major == pathMajor[1..]) return null;
            expected = pathMajor[1..];
        }
        else
        {
            expected = pathMajor;
        }
        return new InvalidVersionException(version, false, $"should be {expected}, not {major}");
    }

    /// <summary>
    /// The major version tag prefix a path suffix implies: <c>/v2</c> → <c>v2</c>, <c>.v1-unstable</c> → <c>v1</c>,
    /// <c>""</c> → <c>""</c> (v0 or v1). Throws <see cref="ArgumentException"/> for a suffix that
    /// <see cref="SplitPathVersion"/> cannot produce.
    /// </summary>
    public static string PathMajorPrefix(string pathMajor)
    {
        ArgumentNullException.ThrowIfNull(pathMajor);
        if (pathMajor.Length == 0) return "";
        if (pathMajor[0] is not ('/' or '.'))
            throw new ArgumentException($"pathMajor suffix {pathMajor} passed to PathMajorPrefix lacks separator", nameof(pathMajor));
        if (pathMajor.StartsWith(".v", StringComparison.Ordinal) && pathMajor.EndsWith("-unstable", StringComparison.Ordinal))
            pathMajor = pathMajor[..^"-unstable".Length];
        var m = pathMajor[1..];
        if (m != SemVer.Major(m))
            throw new ArgumentException($"pathMajor suffix {pathMajor} passed to PathMajorPrefix is not a valid major version", nameof(pathMajor));
        return m;
    }

    /// <summary>
    /// <see cref="SemVer.Canonical"/> that keeps a <c>+incompatible</c> build suffix, the one build suffix with meaning
    /// to modules: <c>v2.0+incompatible</c> → <c>v2.0.0+incompatible</c>. <c>""</c> if invalid.
    /// </summary>
    public static string CanonicalVersion(string v)
    {
        var canonical = SemVer.Canonical(v);
        return SemVer.Build(v) == Incompatible ? canonical + Incompatible : canonical;
    }

    /// <summary>
    /// The case-escaped form of a module path, for file systems and URLs that may ignore case: each upper-case
    /// letter becomes <c>!</c> plus its lower-case form (<c>github.com/Azure</c> → <c>github.com/!azure</c>).
    /// The path must pass <see cref="CheckPath"/>, else <see cref="ModulePathException"/>.
    /// </summary>
    public static string EscapePath(string path)
    {
        CheckPath(path);
        return Escape(path);
    }

    /// <summary>
    /// The case-escaped form of a version. Any string that is a valid file path element without <c>!</c> is allowed
    /// (queries like <c>master</c> too). Otherwise throws <see cref="InvalidVersionException"/>
    /// (<c>version "…" invalid: disallowed version string</c>), or a <see cref="FormatException"/> for a version with
    /// a non-ASCII letter, which cannot be escaped.
    /// </summary>
    public static string EscapeVersion(string v)
    {
        ArgumentNullException.ThrowIfNull(v);
        if (ElementError(v.AsSpan(), Kind.File) is not null || v.Contains('!'))
            throw new InvalidVersionException(v, false, "disallowed version string");
        return Escape(v);
    }

    /// <summary>
    /// The module path an escaped path stands for: <c>!x</c> becomes <c>X</c>. Throws <see cref="FormatException"/>
    /// (<c>invalid escaped module path "…"</c>) if a <c>!</c> is not followed by a lower-case ASCII letter, if the
    /// escaped text has an upper-case or non-ASCII letter, or if the result is not a valid module path.
    /// </summary>
    public static string UnescapePath(string escaped)
    {
        if (!TryUnescape(escaped, out var path)) throw new FormatException($"invalid escaped module path {GoString.Quote(escaped ?? "")}");
        var error = ModulePathError(path);
        if (error is not null)
            throw new FormatException($"invalid escaped module path {GoString.Quote(escaped)}: {new ModulePathException("module", path, error).Message}");
        return path;
    }

    /// <summary>
    /// The version an escaped version stands for. Throws <see cref="FormatException"/>
    /// (<c>invalid escaped version "…"</c>) on a bad escape or if the result is not a valid file path element.
    /// </summary>
    public static string UnescapeVersion(string escaped)
    {
        if (!TryUnescape(escaped, out var v)) throw new FormatException($"invalid escaped version {GoString.Quote(escaped ?? "")}");
        var error = ElementError(v.AsSpan(), Kind.File);
        if (error is not null) throw new FormatException($"invalid escaped version {GoString.Quote(v)}: {error}");
        return v;
    }

    private static string Escape(string s)
    {
        var upper = 0;
        foreach (var c in s)
        {
            // Escaping is only reversible without '!' and non-ASCII. Module paths cannot contain either, but a version
            // may hold a Unicode letter; go reports that with this (misleadingly named) message.
            if (c == '!' || c >= 0x80) throw new FormatException("internal error: inconsistency in EscapePath");
            if (char.IsAsciiLetterUpper(c)) upper++;
        }
        if (upper == 0) return s;
        return string.Create(s.Length + upper, s, static (dest, src) =>
        {
            var j = 0;
            foreach (var c in src)
            {
                if (char.IsAsciiLetterUpper(c))
                {
                    dest[j++] = '!';
                    dest[j++] = (char)(c + ('a' - 'A'));
                }
                else
                {
                    dest[j++] = c;
                }
            }
        });
    }

    private static bool TryUnescape(string? escaped, out string result)
    {
        result = "";
        if (escaped is null) return false;
        if (escaped.IndexOf('!') < 0)
        {
            foreach (var c in escaped)
                if (c >= 0x80 || char.IsAsciiLetterUpper(c)) return false;
            result = escaped;
            return true;
        }
        var sb = new StringBuilder(escaped.Length);
        var bang = false;
        foreach (var c in escaped)
        {
            if (c >= 0x80) return false;
            if (bang)
            {
                bang = false;
                if (!char.IsAsciiLetterLower(c)) return false;
                sb.Append((char)(c - ('a' - 'A')));
                continue;
            }
            if (c == '!')
            {
                bang = true;
                continue;
            }
            if (char.IsAsciiLetterUpper(c)) return false;
            sb.Append(c);
        }
        if (bang) return false;
        result = sb.ToString();
        return true;
    }

    // The detail of what is wrong with a module path, or null.
    private static string? ModulePathError(string path)
    {
        var error = PathError(path, Kind.Module);
        if (error is not null) return error;
        var firstEnd = path.IndexOf('/');
        if (firstEnd < 0) firstEnd = path.Length;
        if (firstEnd == 0) return "leading slash";
        var first = path.AsSpan(0, firstEnd);
        if (first.IndexOf('.') < 0) return "missing dot in first path element";
        if (path[0] == '-') return "leading dash in first path element";
        foreach (var c in first)
        {
            // Domain names must be lower case so that no two module paths differ only in the host's case.
            if (!(c is '-' or '.' || char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c)))
                return $"invalid char {GoString.QuoteRune(new Rune(c))} in first path element";
        }
        if (MajorSuffixStart(path) < 0) return "invalid version";
        return null;
    }

    private static string? PathError(string? path, Kind kind)
    {
        if (path is null) return "empty string";
        if (!IsValidUtf16(path)) return "invalid UTF-8";
        if (path.Length == 0) return "empty string";
        if (path[0] == '-' && kind != Kind.File) return "leading dash";
        if (path.Contains("//", StringComparison.Ordinal)) return "double slash";
        if (path[^1] == '/') return "trailing slash";
        var start = 0;
        while (true)
        {
            var slash = path.IndexOf('/', start);
            var end = slash < 0 ? path.Length : slash;
            var error = ElementError(path.AsSpan(start, end - start), kind);
            if (error is not null) return error;
            if (slash < 0) return null;
            start = slash + 1;
        }
    }

    private static string? ElementError(ReadOnlySpan<char> elem, Kind kind)
    {
        if (elem.Length == 0) return "empty path element";
        if (elem.IndexOfAnyExcept('.') < 0) return $"invalid path element {GoString.Quote(elem.ToString())}";
        if (elem[0] == '.' && kind == Kind.Module) return "leading dot in path element";
        if (elem[^1] == '.') return "trailing dot in path element";
        for (var i = 0; i < elem.Length;)
        {
            if (Rune.DecodeFromUtf16(elem[i..], out var r, out var used) != System.Buffers.OperationStatus.Done)
                return "invalid UTF-8";
            var ok = kind switch
            {
                Kind.Module => ModuleCharOk(r),
                Kind.Import => ModuleCharOk(r) || r.Value == '+',
                _ => FileCharOk(r),
            };
            if (!ok) return $"invalid char {GoString.QuoteRune(r)}";
            i += used;
        }

        var dot = elem.IndexOf('.');
        var shortName = dot < 0 ? elem : elem[..dot];
        // Only letters and digits of the ASCII range can match; a cheap length test skips most elements.
        if (shortName.Length is 3 or 4)
        {
            foreach (var reserved in WindowsReservedNames)
            {
                if (shortName.Equals(reserved, StringComparison.OrdinalIgnoreCase))
                    return $"{GoString.Quote(shortName.ToString())} disallowed as path element component on Windows";
            }
        }

        // Short names ("PROGRA~1") are a Windows file-system artifact that could alias another element; file paths
        // inside a module zip are exempt because they never name a package.
        if (kind == Kind.File) return null;
        var tilde = shortName.LastIndexOf('~');
        if (tilde >= 0 && tilde < shortName.Length - 1 && shortName[(tilde + 1)..].IndexOfAnyExceptInRange('0', '9') < 0)
            return "trailing tilde and digits in path element";
        return null;
    }

    private static bool ModuleCharOk(Rune r)
        => r.Value is '-' or '.' or '_' or '~' || (r.IsAscii && char.IsAsciiLetterOrDigit((char)r.Value));

    private static bool FileCharOk(Rune r)
    {
        if (r.IsAscii)
        {
            var c = (char)r.Value;
            // ASCII punctuation minus shell-special characters (" ' * < > ? ` |) and separators (/ : \).
            return char.IsAsciiLetterOrDigit(c) || "!#$%&()+,-.=@[]^_{}~ ".Contains(c);
        }
        return Rune.IsLetter(r);
    }

    private static bool IsValidUtf16(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (!char.IsSurrogate(c)) continue;
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i++;
            else return false;
        }
        return true;
    }
}
