using System.Text;
using GoMod.Core.Module;
using GoMod.Core.Semver;

namespace GoMod.Core.Tests.Semver;

/// <summary>
/// Seeded generators of version strings, paths and escaped strings for property and differential tests: well-formed
/// values built from the grammar, near misses (one character inserted, removed or replaced), and hand-picked edges.
/// </summary>
public static class Inputs
{
    private static readonly string[] Numbers = ["0", "1", "2", "9", "10", "11", "01", "00", "007", "123", "99999999999999999999", "18446744073709551616"];
    private static readonly string[] PrereleaseIds = ["alpha", "beta", "rc", "A", "a", "Z", "z", "0", "1", "2", "10", "01", "00", "0a", "x-y", "-", "--", "pre", "PRE", "20200101000000"];
    private static readonly string[] BuildIds = ["meta", "incompatible", "01", "0", "x-y", "Build", "exp.sha", "001"];
    private const string MutationChars = "v0123456789.-+aAzZ_~!/é ";

    /// <summary>Edge cases of the version grammar, written from its rules.</summary>
    public static readonly string[] VersionEdges =
    [
        "", "v", "V1.0.0", "1.0.0", "v1", "v1.", "v1.2", "v1.2.", "v1.2.3", "v1.2.3.4", "v1.2.3-", "v1.2.3+", "v1.2.3-+",
        "v1.2.3-.", "v1.2.3-a.", "v1.2.3-.a", "v1.2.3-a..b", "v1.2.3+a..b", "v1.2.3-a+b+c", "v1.2.3+b-c", "v1-pre",
        "v1.2-pre", "v1+meta", "v1.2+meta", "v01", "v1.02", "v1.2.03", "v0.0.0", "v0", "v0.0", "v1.2.3-0", "v1.2.3-00",
        "v1.2.3-01", "v1.2.3-0a", "v1.2.3-a0", "v1.2.3+01", "v1.2.3-A", "v1.2.3-a", "v1.2.3-é", " v1.2.3", "v1.2.3 ",
        "v1.2.3+incompatible", "v2.0.0+incompatible", "v2+incompatible", "v1.2.3-pre+incompatible", "v+1", "v-1", "v1.-2.3",
        "v1.2.3-alpha.1", "v1.2.3-alpha.beta", "v1.2.3-beta.11", "v1.2.3-beta.2", "v1.2.3-rc.1", "v1.2.3--", "v1.2.3---a",
        "v99999999999999999999.0.0", "v1.2.3-99999999999999999999", "v1.2.3-99999999999999999998",
    ];

    /// <summary>Paths with major version suffixes of every shape.</summary>
    public static readonly string[] MajorPaths =
    [
        "example.com/m", "example.com/m/v2", "example.com/m/v3", "example.com/m/v10", "gopkg.in/yaml.v2", "gopkg.in/check.v1",
        "gopkg.in/check.v0", "gopkg.in/x.v2-unstable", "gopkg.in/user/repo.v3", "example.com/v2",
    ];

    /// <summary>Versions of several majors, with and without +incompatible, plus pseudo-versions.</summary>
    public static readonly string[] MajorVersions =
    [
        "v0.1.0", "v1.0.0", "v1.5.0-pre", "v2.0.0", "v2.3.4", "v3.0.0", "v10.1.0", "v2.0.0+incompatible", "v1.0.0+incompatible",
        "v0.0.0-20200101000000-abcdefabcdef", "v1.0.0+meta", "v2", "v2.1", "bad",
    ];

    /// <summary>Path elements covering every rule of the three path kinds.</summary>
    private static readonly string[] Elements =
    [
        "example.com", "github.com", "golang.org", "gopkg.in", "Example.com", "EXAMPLE.COM", "exa_mple.com", "-example.com",
        "example.com-", "ex-ample.com", "127.0.0.1", "localhost", "x", "y.z", "Azure", "azure-sdk", "GoogleCloudPlatform",
        "v1", "v2", "v0", "v02", "v2.1", "v10", "v1.2.3", "yaml.v2", "check.v1", "check.v0", "check.v02", "x.v3-unstable", "x.v-unstable", "x.v0-unstable", "x.v01-unstable", "x.v1-unstable-unstable", "x.v00",
        "x-unstable", "con", "CON", "Con.txt", "aux.go", "nul", "NUL.", "com1", "COM9.x", "com0", "lpt1", "LPT10", "prn",
        "x~1", "x~", "x~a", "~1", "a~1.txt", "PROGRA~1", ".hidden", "trailing.", ".", "..", "...", "a..b", "a.b.", "a+b",
        "c++", "a b", "a@b", "a:b", "a!b", "a#b", "a$b", "a%b", "a&b", "a(b)", "a,b", "a=b", "a[b]", "a^b", "a{b}",
        "a'b", "a\"b", "a*b", "a<b", "a?b", "a`b", "a|b", "a\\b", "é", "Ω", "ǅ", "日本", "x\u00a0y", "x\u0301", "٣",
        "_", "-", "--", "-x", "x-", "~", "a_b", "a-b", "A", "ABC", "go.mod", "GO.MOD",
    ];

    public static List<string> Versions(Random rnd, int count)
    {
        var list = new List<string>(VersionEdges);
        while (list.Count < count)
        {
            var v = GrammarVersion(rnd);
            list.Add(rnd.Next(4) == 0 ? Mutate(rnd, v) : v);
        }
        return list;
    }

    public static string GrammarVersion(Random rnd)
    {
        var sb = new StringBuilder("v");
        sb.Append(Pick(rnd, Numbers));
        var shape = rnd.Next(10);
        if (shape == 0) return sb.ToString();
        sb.Append('.').Append(Pick(rnd, Numbers));
        if (shape == 1) return sb.ToString();
        sb.Append('.').Append(Pick(rnd, Numbers));
        if (rnd.Next(2) == 0)
        {
            sb.Append('-');
            var n = rnd.Next(1, 4);
            for (var i = 0; i < n; i++) sb.Append(i == 0 ? "" : ".").Append(Pick(rnd, PrereleaseIds));
        }
        if (rnd.Next(3) == 0)
        {
            sb.Append('+');
            var n = rnd.Next(1, 3);
            for (var i = 0; i < n; i++) sb.Append(i == 0 ? "" : ".").Append(Pick(rnd, BuildIds));
        }
        return sb.ToString();
    }

    /// <summary><paramref name="core"/> with a random prerelease (or none) and sometimes build metadata.</summary>
    public static string WithPrerelease(Random rnd, string core)
    {
        var sb = new StringBuilder(core);
        var n = rnd.Next(0, 4);
        for (var i = 0; i < n; i++) sb.Append(i == 0 ? "-" : ".").Append(Pick(rnd, PrereleaseIds));
        if (rnd.Next(5) == 0) sb.Append('+').Append(Pick(rnd, BuildIds));
        return sb.ToString();
    }

    /// <summary>Valid versions only, drawn from the grammar without leading zeros.</summary>
    public static List<string> ValidVersions(Random rnd, int count)
    {
        var list = new List<string>();
        while (list.Count < count)
        {
            var v = GrammarVersion(rnd);
            if (GoMod.Core.Semver.SemVer.IsValid(v)) list.Add(v);
        }
        return list;
    }

    public static List<string> Paths(Random rnd, int count)
    {
        var list = new List<string>();
        while (list.Count < count)
        {
            var n = rnd.Next(1, 5);
            var parts = Enumerable.Range(0, n).Select(_ => Pick(rnd, Elements)).ToList();
            // Mostly well-formed hosts, so the later elements get exercised too.
            if (rnd.Next(3) != 0) parts[0] = Pick(rnd, ["example.com", "github.com", "gopkg.in", "golang.org"]);
            var p = string.Join('/', parts);
            p = rnd.Next(12) switch
            {
                0 => "/" + p,
                1 => p + "/",
                2 => p.Replace("/", "//"),
                3 => Mutate(rnd, p),
                _ => p,
            };
            list.Add(p);
        }
        list.Add("");
        return list;
    }

    /// <summary>Valid module paths with upper-case letters in places, for escaping round trips.</summary>
    public static List<string> ValidModulePaths(Random rnd, int count)
    {
        const string lower = "abcdefghijklmnopqrstuvwxyz0123456789";
        const string elemChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_~.";
        var list = new List<string>();
        while (list.Count < count)
        {
            var sb = new StringBuilder();
            sb.Append(RandomString(rnd, lower, 1, 8)).Append('.').Append(RandomString(rnd, lower, 1, 4));
            var n = rnd.Next(0, 4);
            for (var i = 0; i < n; i++) sb.Append('/').Append(RandomString(rnd, elemChars, 1, 10));
            var p = sb.ToString();
            if (GoMod.Core.Module.ModulePath.IsValidPath(p)) list.Add(p);
        }
        return list;
    }

    public static List<string> Escaped(Random rnd, int count)
    {
        const string chars = "!abcxyzABCXYZ019.-_~/+ é";
        var list = new List<string>
        {
            "github.com/!azure/x", "github.com/!azure/!x", "github.com/Azure/x", "github.com/!!azure", "github.com/!1", "github.com/!",
            "github.com/!é", "v1.2.3", "v1.2.3-!pre", "v1.2.3-PRE", "!v1.0.0", "master", "!master", "v1.0.0+incompatible",
            "", "con", "a/b", "..", "!c!o!n", "example.com/!c!o!n", "x~1", "v1.0.0~1",
        };
        while (list.Count < count)
        {
            var s = rnd.Next(2) == 0 ? RandomString(rnd, chars, 1, 16) : EscapeRandomly(rnd, Pick(rnd, Elements) + "/" + Pick(rnd, Elements));
            list.Add(s);
        }
        return list;
    }

    public static List<string> PseudoVersions(Random rnd, int count)
    {
        var list = new List<string>
        {
            "v0.0.0-20200101000000-abcdefabcdef", "v1.2.4-0.20200101000000-abcdefabcdef", "v1.2.3-pre.0.20200101000000-abcdefabcdef",
            "v2.0.1-0.20200101000000-abcdefabcdef+incompatible", "v2.0.0-20200101000000-abcdefabcdef+incompatible",
            "v1.2.0-0.20200101000000-abcdefabcdef", "v1.0.0-0.20200101000000-abcdefabcdef", "v0.0.0-00010101000000-000000000000",
            "v2.0.0-00010101000000-000000000000", "v0.0.0-20201301000000-abcdefabcdef", "v0.0.0-20200230000000-abcdefabcdef",
            "v0.0.0-20240229235959-abcdefabcdef", "v0.0.0-20230229000000-abcdefabcdef", "v0.0.0-20200101240000-abcdefabcdef",
            "v0.0.0-20200101006000-abcdefabcdef", "v0.0.0-20200101000060-abcdefabcdef", "v0.0.0-2020010100000-abcdefabcdef",
            "v0.0.0-202001010000000-abcdefabcdef", "v0.0.0-20200101000000-", "v0.0.0-20200101000000-abc_def",
            "v1.2.3-20200101000000-abcdefabcdef", "v1.2.10-0.20200101000000-abcdefabcdef", "v1.2.100-0.20200101000000-abcdefabcdef",
            "v1.2.3-a-b.0.20200101000000-abcdefabcdef", "v1.2.3-0.0.20200101000000-abcdefabcdef", "v1.2.3-pre.1.20200101000000-abcdefabcdef",
            "v0.0.0-20200101000000-ABCDEF", "v0.0.0-20200101000000-abcdefabcdef+meta.1", "v1.2.3-pre.0.20200101000000-abcdefabcdef+incompatible",
            "v0.0.0-19700101000000-0", "v1.0.0", "v0.0.0-abc-def", "v0.0.0-20200101000000-abcdefabcdef-x",
        };
        while (list.Count < count)
        {
            var ts = $"{rnd.Next(1970, 2101):D4}{rnd.Next(0, 14):D2}{rnd.Next(0, 33):D2}{rnd.Next(0, 25):D2}{rnd.Next(0, 61):D2}{rnd.Next(0, 61):D2}";
            var rev = rnd.Next(4) == 0 ? RandomString(rnd, "abcdefABCXYZ0123456789", 1, 14) : Hex(rnd, 12);
            var major = Pick(rnd, Numbers);
            var v = rnd.Next(3) switch
            {
                0 => $"v{major}.0.0-{ts}-{rev}",
                1 => $"v{major}.{Pick(rnd, Numbers)}.{Pick(rnd, Numbers)}-0.{ts}-{rev}",
                _ => $"v{major}.{Pick(rnd, Numbers)}.{Pick(rnd, Numbers)}-{Pick(rnd, PrereleaseIds)}.0.{ts}-{rev}",
            };
            if (rnd.Next(4) == 0) v += rnd.Next(2) == 0 ? "+incompatible" : "+" + Pick(rnd, BuildIds);
            list.Add(rnd.Next(5) == 0 ? Mutate(rnd, v) : v);
        }
        return list;
    }

    public static string Hex(Random rnd, int length) => RandomString(rnd, "0123456789abcdef", length, length);

    private static string EscapeRandomly(Random rnd, string s)
    {
        var sb = new StringBuilder();
        foreach (var c in s)
        {
            if (char.IsAsciiLetterUpper(c) && rnd.Next(5) != 0) sb.Append('!').Append(char.ToLowerInvariant(c));
            else sb.Append(c);
        }
        return sb.ToString();
    }

    private static string Mutate(Random rnd, string s)
    {
        var i = rnd.Next(s.Length + 1);
        var c = MutationChars[rnd.Next(MutationChars.Length)];
        return rnd.Next(3) switch
        {
            0 => s.Insert(i, c.ToString()),
            1 when s.Length > 0 => s.Remove(Math.Min(i, s.Length - 1), 1),
            _ when s.Length > 0 => s.Remove(Math.Min(i, s.Length - 1), 1).Insert(Math.Min(i, s.Length - 1), c.ToString()),
            _ => c.ToString(),
        };
    }

    private static string RandomString(Random rnd, string alphabet, int min, int max)
    {
        var n = rnd.Next(min, max + 1);
        var chars = new char[n];
        for (var i = 0; i < n; i++) chars[i] = alphabet[rnd.Next(alphabet.Length)];
        return new string(chars);
    }

    private static string Pick(Random rnd, string[] items) => items[rnd.Next(items.Length)];
}
