using GoMod.Core.ModFile;
using GoMod.Core.WorkFile;
using GoMod.Testing;

namespace GoMod.Core.Tests.WorkFile;

/// <summary>
/// go.work against Debian's go 1.19: <c>go work edit -fmt</c>, <c>-json</c> and edits give the bytes our parser and
/// formatter give, parse errors the same positions and words (<c>go: errors parsing go.work:</c> then one line per
/// error). Directives go 1.19 does not know (toolchain, godebug) follow the Go Modules Reference, as test names say.
/// </summary>
public class GoWorkFileTests
{
    public static TheoryData<string> ValidNames => new(GoWorkCases.Valid.Keys.Order(StringComparer.Ordinal));
    public static TheoryData<string> InvalidNames => new(GoWorkCases.Invalid.Keys.Order(StringComparer.Ordinal));
    public static TheoryData<string> InvalidNewerNames => new(GoWorkCases.InvalidNewer.Keys.Order(StringComparer.Ordinal));

    /// <summary>Runs <c>go work edit ARGS FILE</c> on <paramref name="text"/> in a fresh directory; returns go's result and the file afterwards.</summary>
    private static (ProcessResult Result, string After) GoWorkEdit(string text, params string[] args)
    {
        using var tmp = new TempDirectory("gowork");
        var file = tmp.Combine("go.work");
        File.WriteAllText(file, text);
        var result = GoOracle.Run(tmp.Path, tmp.Combine("home"), null, ["work", "edit", .. args, file]);
        return (result, File.ReadAllText(file));
    }

    [GoTheory]
    [MemberData(nameof(ValidNames))]
    public void Format_equals_go_work_edit_fmt(string name)
    {
        var text = GoWorkCases.Valid[name];
        var (result, after) = GoWorkEdit(text, "-fmt");
        result.EnsureSuccess("go work edit -fmt");
        GoWorkFile.Parse("go.work", text).Format().ShouldBe(after);
    }

    [GoTheory]
    [MemberData(nameof(ValidNames))]
    public void Json_equals_go_work_edit_json(string name)
    {
        var text = GoWorkCases.Valid[name];
        var (result, _) = GoWorkEdit(text, "-json");
        result.EnsureSuccess("go work edit -json");
        GoWorkFile.Parse("go.work", text).FormatJson().ShouldBe(result.StdOut);
    }

    [GoTheory]
    [MemberData(nameof(ValidNames))]
    public void Formatting_twice_equals_go_work_edit_fmt_twice_and_keeps_the_directives(string name)
    {
        var work = GoWorkFile.Parse("go.work", GoWorkCases.Valid[name]);
        var formatted = work.Format();
        var (result, after) = GoWorkEdit(formatted, "-fmt");
        result.EnsureSuccess("go work edit -fmt");
        var again = GoWorkFile.Parse("go.work", formatted);
        again.Format().ShouldBe(after);
        again.Go.ShouldBe(work.Go);
        again.Use.Order(StringComparer.Ordinal).ShouldBe(work.Use.Order(StringComparer.Ordinal));
    }

    [GoTheory]
    [MemberData(nameof(InvalidNames))]
    public void Parse_errors_equal_go_1_19_s(string name)
    {
        var text = GoWorkCases.Invalid[name];
        using var tmp = new TempDirectory("gowork");
        var file = tmp.Combine("go.work");
        File.WriteAllText(file, text);
        var result = GoOracle.Run(tmp.Path, tmp.Combine("home"), null, "work", "edit", "-fmt", file);
        result.ExitCode.ShouldNotBe(0);
        var ours = Should.Throw<ModFileParseException>(() => GoWorkFile.Parse(file, text));
        // go prints "go: errors parsing PATH:" (a path relative to its directory when shorter) and then the errors.
        var goErrors = result.StdErr.Split('\n', 2)[1].TrimEnd('\n');
        ours.Message.ShouldBe(goErrors);
    }

    [Theory]
    [MemberData(nameof(InvalidNewerNames))]
    public void Parse_errors_of_directives_newer_than_go_1_19_follow_the_go_modules_reference(string name)
    {
        var (text, error) = GoWorkCases.InvalidNewer[name];
        Should.Throw<ModFileParseException>(() => GoWorkFile.Parse("go.work", text)).Message.ShouldBe(error);
    }

    [Fact]
    public void Toolchain_and_godebug_are_read_and_kept_per_the_go_modules_reference_though_go_1_19_rejects_them()
    {
        var work = GoWorkFile.Parse("go.work", "go 1.21\ntoolchain go1.21.3\ngodebug (\n\tpanicnil=1\n\thttp2client=0\n)\ngodebug asynctimerchan=1\nuse ./a\n");
        work.Toolchain.ShouldBe("go1.21.3");
        work.Godebug.Select(g => $"{g.Key}={g.Value}").ShouldBe(["panicnil=1", "http2client=0", "asynctimerchan=1"]);
        work.Format().ShouldBe("go 1.21\n\ntoolchain go1.21.3\n\ngodebug (\n\thttp2client=0\n\tpanicnil=1\n)\n\ngodebug asynctimerchan=1\n\nuse ./a\n");
    }

    [Fact]
    public void Unknown_directive_and_block_are_errors_at_their_positions()
    {
        var e = Should.Throw<ModFileParseException>(() => GoWorkFile.Parse("/w/go.work", "go 1.19\n  exclude (\n\tx v1\n)\nretract v1.0.0\n"));
        e.Errors.ShouldBe([new ModFileError("/w/go.work", 2, 3, "unknown block type: exclude"), new ModFileError("/w/go.work", 5, 1, "unknown directive: retract")]);
    }

    [Fact]
    public void Go_mod_still_rejects_use()
    {
        Should.Throw<ModFileParseException>(() => GoModFile.Parse("go.mod", "module m\nuse ./a\n")).Message.ShouldBe("go.mod:2: unknown directive: use");
    }

    /// <summary>Edits: go work edit's flags against ours on the same file.</summary>
    public static TheoryData<string, string[]> Edits => new()
    {
        { "go 1.19\n\nuse ./a\n", ["-use=./b"] },
        { "go 1.19\n\nuse (\n\t./a\n\t./c\n)\n", ["-use=./b", "-dropuse=./c"] },
        { "go 1.19\n\nuse ./a\nuse ./a\n", ["-dropuse=./a"] },
        { "// c\nuse ./a\n", ["-go=1.18"] },
        { "go 1.17\n\nuse ./a\n", ["-go=1.19"] },
        { "go 1.19\n", ["-replace=example.com/a=../a", "-replace=example.com/b@v1.0.0=example.com/c@v1.2.0"] },
        { "go 1.19\n\nreplace (\n\texample.com/a => ../a\n\texample.com/b v1.0.0 => ../b\n)\n", ["-dropreplace=example.com/b@v1.0.0", "-replace=example.com/a=../a2"] },
    };

    [GoTheory]
    [MemberData(nameof(Edits))]
    public void Edits_equal_go_work_edit(string text, string[] flags)
    {
        var (result, after) = GoWorkEdit(text, flags);
        result.EnsureSuccess("go work edit " + string.Join(' ', flags));
        var work = GoWorkFile.Parse("go.work", text);
        foreach (var flag in flags)
        {
            var (name, value) = (flag[1..flag.IndexOf('=')], flag[(flag.IndexOf('=') + 1)..]);
            switch (name)
            {
                case "use": work.AddUse(value); break;
                case "dropuse": work.DropUse(value); break;
                case "go": work.SetGo(value); break;
                case "replace":
                    var (old, @new) = (value[..value.IndexOf('=')], value[(value.IndexOf('=') + 1)..]);
                    var (op, ov) = Split(old);
                    var (np, nv) = Split(@new);
                    work.AddReplace(op, ov, np, nv);
                    break;
                case "dropreplace":
                    var (dp, dv) = Split(value);
                    work.DropReplace(dp, dv);
                    break;
            }
        }
        work.Format().ShouldBe(after);

        static (string Path, string Version) Split(string s) => s.IndexOf('@') is var at and >= 0 ? (s[..at], s[(at + 1)..]) : (s, "");
    }

    [GoFact]
    public void Used_directories_with_a_go_mod_get_their_module_path_and_lose_duplicate_lines_as_go_does()
    {
        using var tmp = new TempDirectory("gowork");
        const string text = "go 1.19\n\nuse (\n\t./a\n\t./b\n\t./a // again\n)\n\nuse ./a\n";
        File.WriteAllText(tmp.Combine("go.work"), text);
        Directory.CreateDirectory(tmp.Combine("a"));
        File.WriteAllText(tmp.Combine("a", "go.mod"), "module example.com/a\n\ngo 1.19\n");
        var json = GoOracle.Run(tmp.Path, tmp.Combine("home"), null, "work", "edit", "-json", tmp.Combine("go.work")).EnsureSuccess("go work edit -json");
        GoOracle.Run(tmp.Path, tmp.Combine("home"), null, "work", "edit", "-fmt", tmp.Combine("go.work")).EnsureSuccess("go work edit -fmt");
        string? ModulePathOf(string dir)
        {
            var gomod = Path.Combine(tmp.Path, dir, "go.mod");
            return File.Exists(gomod) ? GoModFile.Parse(gomod, File.ReadAllText(gomod)).Module?.Path : null;
        }

        var work = GoWorkFile.Parse("go.work", text);
        work.UpdateModulePaths(ModulePathOf);
        work.FormatJson().ShouldBe(json.StdOut);
        work.Format().ShouldBe(File.ReadAllText(tmp.Combine("go.work")));
        json.StdOut.ShouldContain("\"ModPath\": \"example.com/a\"");
    }
}
