using System.Globalization;
using System.Runtime.InteropServices;

namespace GoMod.Core.Imports;

/// <summary>
/// The build tags files are matched against: either a real build context (go/build's <c>Context</c> as cmd/go's
/// <c>imports.Tags()</c> gives it: GOOS, GOARCH, the <c>gc</c> compiler, <c>cgo</c> when cgo is enabled, the release
/// tags <c>go1.1</c>…<c>go1.N</c> and any extra <c>-tags</c>), or go's <c>imports.AnyTags()</c>, where every tag
/// except <c>ignore</c> holds both ways (go get, go mod tidy, go mod vendor).
/// </summary>
internal sealed class BuildTags
{
    private static readonly HashSet<string> KnownOS = ["aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js", "linux", "nacl", "netbsd", "openbsd", "plan9", "solaris", "windows", "zos"];
    private static readonly HashSet<string> UnixOS = ["aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "linux", "netbsd", "openbsd", "solaris"];
    private static readonly HashSet<string> KnownArch = ["386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "ppc64", "ppc64le", "mips", "mipsle", "mips64", "mips64le", "mips64p32", "mips64p32le", "loong64", "ppc", "riscv", "riscv64", "s390", "s390x", "sparc", "sparc64", "wasm"];

    private readonly HashSet<string> _tags;

    private BuildTags(HashSet<string> tags, string goos, bool any)
    {
        _tags = tags;
        GoOS = goos;
        IsAny = any;
    }

    /// <summary>go's <c>imports.AnyTags()</c>: every well-formed tag but <c>ignore</c> is both satisfied and not.</summary>
    public static BuildTags Any { get; } = new([], "", any: true);

    /// <summary>True for <see cref="Any"/>.</summary>
    public bool IsAny { get; }

    /// <summary>The target operating system ("" for <see cref="Any"/>).</summary>
    public string GoOS { get; }

    /// <summary>The tags that hold (empty for <see cref="Any"/>).</summary>
    public IReadOnlySet<string> Tags => _tags;

    /// <summary>
    /// A real build context: <paramref name="goos"/>/<paramref name="goarch"/> (this machine's when null), the gc
    /// compiler, <c>cgo</c> when <paramref name="cgoEnabled"/>, release tags up to <paramref name="goVersion"/> (at least
    /// the reference toolchain's, go 1.19: go/build's release tags are the toolchain's, and a main module at a later go
    /// version stands for a toolchain of that version), <paramref name="extra"/> (go's <c>-tags</c>) and the tool tags
    /// (<paramref name="toolTags"/>, GOEXPERIMENT's; when null, those of go's default experiments for the GOARCH).
    /// </summary>
    public static BuildTags Host(string? goos = null, string? goarch = null, bool cgoEnabled = false, string? goVersion = null, IEnumerable<string>? extra = null,
        IEnumerable<string>? toolTags = null)
    {
        goos ??= HostOS();
        goarch ??= HostArch();
        var tags = new HashSet<string>(StringComparer.Ordinal) { goos, goarch, "gc" };
        tags.UnionWith(toolTags ?? GoBuild.GoExperiments.ToolTags(goarch, null));
        if (cgoEnabled) tags.Add("cgo");
        int minor = Math.Max(19, MinorOf(goVersion));
        for (int i = 1; i <= minor; i++) tags.Add("go1." + i.ToString(CultureInfo.InvariantCulture));
        if (extra is not null) foreach (var t in extra) if (t.Length > 0) tags.Add(t);
        return new BuildTags(tags, goos, any: false);
    }

    /// <summary>The go/build GOOS of this machine.</summary>
    public static string HostOS() =>
        OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "darwin" : OperatingSystem.IsFreeBSD() ? "freebsd" : "linux";

    /// <summary>The go/build GOARCH of this machine.</summary>
    public static string HostArch() => RuntimeInformation.OSArchitecture switch
    {
        Architecture.Arm64 => "arm64",
        Architecture.X86 => "386",
        Architecture.Arm => "arm",
        _ => "amd64",
    };

    private static int MinorOf(string? goVersion)
    {
        if (string.IsNullOrEmpty(goVersion) || !goVersion.StartsWith("1.", StringComparison.Ordinal)) return 0;
        var rest = goVersion[2..];
        int end = 0;
        while (end < rest.Length && char.IsAsciiDigit(rest[end])) end++;
        return end > 0 && int.TryParse(rest.AsSpan(0, end), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
    }

    /// <summary>go's <c>imports.matchTag</c>: whether <paramref name="name"/> holds, <paramref name="prefer"/> being the answer wanted under any-tags.</summary>
    public bool Match(string name, bool prefer)
    {
        if (!IsValidTag(name)) return false;
        if (IsAny) return name != "ignore" && prefer;
        if (_tags.Contains(name)) return true;
        return name switch
        {
            "linux" => _tags.Contains("android"),
            "solaris" => _tags.Contains("illumos"),
            "darwin" => _tags.Contains("ios"),
            "unix" => UnixOS.Contains(GoOS),
            _ => false,
        };
    }

    /// <summary>
    /// go's <c>imports.MatchFile</c> (go/build's <c>goodOSArchFile</c>): a <c>_GOOS</c>, <c>_GOARCH</c> or
    /// <c>_GOOS_GOARCH</c> name suffix (before <c>_test</c>) must hold; always true under any-tags.
    /// </summary>
    public bool MatchFile(string name)
    {
        if (IsAny) return true;
        int dot = name.IndexOf('.');
        if (dot >= 0) name = name[..dot];
        int i = name.IndexOf('_');
        if (i < 0) return true;
        var l = name[i..].Split('_').ToList();
        if (l.Count > 0 && l[^1] == "test") l.RemoveAt(l.Count - 1);
        int n = l.Count;
        if (n >= 2 && KnownOS.Contains(l[n - 2]) && KnownArch.Contains(l[n - 1]))
            return Match(l[n - 2], true) && Match(l[n - 1], true);
        if (n >= 1 && KnownOS.Contains(l[n - 1])) return Match(l[n - 1], true);
        if (n >= 1 && KnownArch.Contains(l[n - 1])) return Match(l[n - 1], true);
        return true;
    }

    /// <summary>Whether a file importing <c>"C"</c> counts: only with cgo enabled (or under any-tags), as cmd/go's scanner decides.</summary>
    public bool AllowsCgo => IsAny || _tags.Contains("cgo");

    /// <summary>Build tags are letters, digits, <c>_</c> and <c>.</c>.</summary>
    public static bool IsValidTag(string tag) =>
        tag.Length > 0 && tag.EnumerateRunes().All(r => System.Text.Rune.IsLetter(r) || System.Text.Rune.IsDigit(r) || r.Value is '_' or '.');
}
