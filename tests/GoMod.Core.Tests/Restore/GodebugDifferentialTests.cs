using System.Text.RegularExpressions;
using GoMod.Core.Restore;
using GoMod.Testing;

namespace GoMod.Core.Tests.Restore;

/// <summary>
/// go 1.23 refuses a main module's godebug line it does not accept (an unknown key, a <c>default=</c> that is not
/// <c>goVERSION</c>) in every command, and so does the one setup every entry point of the SDK goes through: the same
/// lines, the same words; go.work's lines in workspace mode, and then not go.mod's. The oracle is go 1.23's
/// <c>go list -m</c>.
/// </summary>
public sealed class GodebugDifferentialTests : IDisposable
{
    private readonly TempDirectory _dir = new("godebug");

    public void Dispose() => _dir.Dispose();

    /// <summary>go 1.23's verdict on the module in <paramref name="dir"/>: its "go.mod:N: …" lines, empty when it succeeds.</summary>
    private List<string> Go(string dir, string gowork = "off")
    {
        var result = LaterGoOracle.Run(dir, _dir.Combine("home"), new Dictionary<string, string?> { ["GOWORK"] = gowork }, "list", "-m");
        // go shortens the path: "go.mod:5: …", "../go.work:7: …".
        return [.. result.StdErr.Split('\n').Select(l => l.Trim())
            .Where(l => Regex.IsMatch(l, @"go\.(mod|work):\d+: ")).Select(WorkLine)];
    }

    /// <summary>Ours: each error diagnostic as "go.mod:LINE: message" (go.work's by their message's lines).</summary>
    private async Task<List<string>> Ours(string dir, string gowork = "off")
    {
        var options = new RestoreOptions
        {
            ModFile = Path.Combine(dir, "go.mod"),
            Settings = new Dictionary<string, string?> { ["GOMODCACHE"] = _dir.Combine("modcache"), ["GOPROXY"] = "off", ["GOSUMDB"] = "off", ["GOWORK"] = gowork },
            GetEnvironmentVariable = name => name == "GOENV" ? "off" : null,
        };
        var (setup, failures) = await RestoreSetup.CreateAsync(options, CancellationToken.None);
        if (setup is not null) return [];
        return [.. failures.SelectMany(f => ModuleRestorer.SetupDiagnostics(f, options))
            .SelectMany(d => d.File == options.ModFile
                ? [$"go.mod:{d.Line}: {d.Message}"]
                : d.Message.Split('\n').Where(l => Regex.IsMatch(l, @"go\.work:\d+: ")).Select(WorkLine))];
    }

    /// <summary>A go.work error line without the directory go.work was named by.</summary>
    private static string WorkLine(string line) =>
        line.Contains("go.work:", StringComparison.Ordinal) ? line[line.LastIndexOf("go.work:", StringComparison.Ordinal)..] : line;

    public static TheoryData<string, string> Cases => new()
    {
        { "unknown key", "godebug foo=1\n" },
        { "known key", "godebug panicnil=1\n" },
        { "known keys in a block, one unknown", "godebug (\n\tpanicnil=1\n\tbogus=2\n\thttp2client=0\n)\n" },
        { "two unknown keys and a bad default", "godebug foo=1\ngodebug bar=1\ngodebug default=x\n" },
        { "default as goVERSION", "godebug default=go1.21\n" },
        { "default as a release candidate", "godebug default=go1.22rc1\n" },
        { "default without go", "godebug default=1.21\n" },
        { "a key go 1.24 removed and go 1.23 knows", "godebug x509sha1=1\n" },
    };

    [LaterGoTheory]
    [MemberData(nameof(Cases))]
    public async Task The_main_modules_godebug_lines_are_refused_as_go_1_23_refuses_them(string name, string godebug)
    {
        var dir = _dir.Combine(name.Replace(' ', '-'));
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "go.mod"), "module example.com/m\n\ngo 1.21\n\n" + godebug);

        var go = Go(dir);
        var ours = await Ours(dir);

        ours.ShouldBe(go, name);
        if (name.Contains("unknown", StringComparison.Ordinal)) go.ShouldNotBeEmpty();
    }

    [LaterGoFact]
    public async Task In_workspace_mode_go_work_s_first_refused_line_fails_and_go_mod_s_lines_are_not_checked()
    {
        var dir = _dir.Combine("ws", "m");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "go.mod"), "module example.com/m\n\ngo 1.21\n\ngodebug foo=1\n");
        var work = _dir.Combine("ws", "go.work");
        File.WriteAllText(work, "go 1.23\n\nuse ./m\n");

        // go.mod's unknown key is not looked at in workspace mode.
        Go(dir, work).ShouldBeEmpty();
        (await Ours(dir, work)).ShouldBeEmpty();

        File.WriteAllText(work, "go 1.23\n\nuse ./m\n\ngodebug (\n\tpanicnil=1\n\tbaz=1\n\tqux=1\n)\n");
        var go = Go(dir, work);
        go.ShouldBe(["go.work:7: unknown godebug \"baz\""]);
        (await Ours(dir, work)).ShouldBe(go);
    }

    [LaterGoFact]
    public async Task Go_1_23_refuses_what_a_later_toolchain_accepts_and_the_SDK_accepts_it()
    {
        // A key go 1.25 added, and a default newer than go 1.23: go 1.23 refuses both, a go that knows them builds the
        // module. The SDK does not know which go will build it, so it refuses neither (README, GodebugKeys).
        var dir = _dir.Combine("later");
        Directory.CreateDirectory(dir);
        foreach (var godebug in new[] { "godebug containermaxprocs=0\n", "godebug default=go1.25\n" })
        {
            File.WriteAllText(Path.Combine(dir, "go.mod"), "module example.com/m\n\ngo 1.21\n\n" + godebug);
            Go(dir).ShouldNotBeEmpty(godebug);
            (await Ours(dir)).ShouldBeEmpty(godebug);
        }
    }
}
