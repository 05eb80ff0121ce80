using System.Text;
using GoMod.Core.Semver;

namespace GoMod.Core.Module;

// Interim stand-ins for the semver-module helper's Module types (deleted on merge).
public readonly record struct ModuleVersion(string Path, string Version)
{
    public override string ToString() => Version.Length == 0 ? Path : Path + "@" + Version;
}

public class ModuleException : Exception
{
    public ModuleException(string path, string version, string detail, Exception? inner = null)
        : base((version.Length == 0 ? "module " + path : path + "@" + version) + ": " + detail, inner)
    {
        Path = path;
        Version = version;
        Detail = detail;
    }

    public string Path { get; }
    public string Version { get; }
    public string Detail { get; }
}

public static class ModulePath
{
    public static string EscapePath(string path)
    {
        if (path.Length == 0 || path.Contains('!') || path.Any(c => c >= 0x80))
            throw new ArgumentException($"malformed module path \"{path}\"");
        return Escape(path);
    }

    public static string EscapeVersion(string v)
    {
        if (v.Length == 0 || v.Contains('!') || v.Contains('/') || v.Any(c => c >= 0x80 || c <= ' '))
            throw new ArgumentException($"version \"{v}\" invalid: disallowed version string");
        return Escape(v);
    }

    public static string UnescapePath(string escaped) => Unescape(escaped);

    public static string UnescapeVersion(string escaped) => Unescape(escaped);

    public static string CanonicalVersion(string v)
    {
        var cv = SemVer.Canonical(v);
        return v.EndsWith("+incompatible", StringComparison.Ordinal) && cv.Length > 0 ? cv + "+incompatible" : cv;
    }

    public static void Check(string path, string version)
    {
        if (!SemVer.IsValid(version)) throw new ArgumentException($"{path}@{version}: invalid version");
    }

    private static string Escape(string s)
    {
        var sb = new StringBuilder(s.Length + 4);
        foreach (var c in s)
        {
            if (c is >= 'A' and <= 'Z') sb.Append('!').Append((char)(c + 32));
            else sb.Append(c);
        }
        return sb.ToString();
    }

    private static string Unescape(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '!')
            {
                if (i + 1 >= s.Length || s[i + 1] is < 'a' or > 'z') throw new ArgumentException($"invalid escaped string \"{s}\"");
                sb.Append((char)(s[++i] - 32));
            }
            else if (s[i] is >= 'A' and <= 'Z') throw new ArgumentException($"invalid escaped string \"{s}\"");
            else sb.Append(s[i]);
        }
        return sb.ToString();
    }
}
