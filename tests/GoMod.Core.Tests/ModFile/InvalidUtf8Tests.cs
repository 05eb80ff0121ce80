using System.Text;
using GoMod.Core.Diagnostics;
using GoMod.Core.GoEnv;
using GoMod.Core.ModFile;
using GoMod.Core.Restore;
using GoMod.Core.Sum;
using GoMod.Testing;

namespace GoMod.Core.Tests.ModFile;

/// <summary>
/// go.mod and go.sum are read as bytes with go's UTF-8 rules, differentially against go 1.19 (<c>go list -m all</c>
/// with GOPROXY=off in a temporary module): an invalid byte in the module path or a required path is refused with go's
/// words (<c>malformed module path "example.com/m\xff\xfe": invalid UTF-8</c>) as GOMOD0002 at the directive's line;
/// invalid bytes where go never looks (comments, retract rationales, unrelated go.sum lines) are accepted as go
/// accepts them, and written back unchanged; a quoted path's invalid byte becomes U+FFFD as go's unquoting makes it.
/// </summary>
public sealed class InvalidUtf8Tests : IDisposable
{
    private readonly TempDirectory _dir = new("utf8");

    public void Dispose() => _dir.Dispose();

    private static byte[] Bytes(string ascii, params (string Marker, byte[] Raw)[] raw)
    {
        var data = Encoding.UTF8.GetBytes(ascii).ToList();
        foreach (var (marker, bytes) in raw)
        {
            var m = Encoding.UTF8.GetBytes(marker);
            var at = IndexOf(data, m);
            data.RemoveRange(at, m.Length);
            data.InsertRange(at, bytes);
        }
        return [.. data];
    }

    private static int IndexOf(List<byte> data, byte[] needle)
    {
        for (var i = 0; i + needle.Length <= data.Count; i++)
            if (data.Skip(i).Take(needle.Length).SequenceEqual(needle)) return i;
        throw new ArgumentException("marker not found");
    }

    public static TheoryData<string, int> Refused => new()
    {
        // name, go.mod line of the error
        { "module-path", 1 },
        { "require-path", 5 },
        { "require-path-in-block", 6 },
    };

    private static byte[] GoMod(string name) => name switch
    {
        "module-path" => Bytes("module example.com/m@@\n\ngo 1.19\n", ("@@", [0xff, 0xfe])),
        "require-path" => Bytes("module example.com/m\n\ngo 1.19\n\nrequire example.com/r@@ v1.0.0\n", ("@@", [0xff])),
        "require-path-in-block" => Bytes("module example.com/m\n\ngo 1.19\n\nrequire (\n\texample.com/@@x v1.0.0\n)\n", ("@@", [0xe2, 0x82])),
        "comment" => Bytes("module example.com/m\n\n// caf@@ comment\ngo 1.19 // end@@\n", ("@@", [0xe9]), ("@@", [0xc3])),
        "retract-rationale" => Bytes("module example.com/m\n\ngo 1.19\n\nretract v1.0.0 // bad @@\n", ("@@", [0xff])),
        "quoted-module-path" => Bytes("module \"example.com/m@@\"\n\ngo 1.19\n", ("@@", [0xff])),
        _ => throw new ArgumentException(name),
    };

    private string Write(string name, byte[] goMod, byte[]? goSum = null)
    {
        var dir = Directory.CreateDirectory(_dir.Combine(name)).FullName;
        File.WriteAllBytes(Path.Combine(dir, "go.mod"), goMod);
        if (goSum is not null) File.WriteAllBytes(Path.Combine(dir, "go.sum"), goSum);
        return dir;
    }

    private ProcessResult Go(string dir) =>
        GoOracle.Run(dir, _dir.Path, new Dictionary<string, string?> { ["GOFLAGS"] = "-mod=mod" }, "list", "-m", "all");

    private Task<RestoreResult> RestoreAsync(string dir) => new ModuleRestorer().RestoreAsync(new RestoreOptions
    {
        ModFile = Path.Combine(dir, "go.mod"),
        ModMode = "mod",
        Settings = new Dictionary<string, string?>
        {
            ["GOMODCACHE"] = _dir.Combine("modcache"), ["GOPROXY"] = "off", ["GOSUMDB"] = "off", ["GOFLAGS"] = "",
        },
        GetEnvironmentVariable = name => name == "GOENV" ? "off" : name == "HOME" ? _dir.Path : null,
    }, CancellationToken.None);

    [GoTheory]
    [MemberData(nameof(Refused))]
    public async Task Invalid_utf8_in_a_module_path_is_refused_with_gos_words_at_its_line(string name, int line)
    {
        var dir = Write(name, GoMod(name));
        var go = Go(dir);
        go.ExitCode.ShouldNotBe(0);
        var goLine = go.StdErr.Split('\n')[0];
        goLine.ShouldStartWith("go: malformed module path \"");
        goLine.ShouldEndWith("\": invalid UTF-8");

        var e = Should.Throw<ModFileParseException>(() => GoModFile.ParseBytes(Path.Combine(dir, "go.mod"), GoMod(name)));
        var error = e.Errors.ShouldHaveSingleItem();
        ("go: " + error.Message).ShouldBe(goLine);
        error.Line.ShouldBe(line);

        var result = await RestoreAsync(dir);
        var d = result.Diagnostics.Where(x => x.IsError).ShouldHaveSingleItem();
        d.Code.ShouldBe(DiagnosticCodes.ModFileSyntax.Code);
        d.Message.ShouldContain(goLine["go: ".Length..]);
        d.Line.ShouldBe(line);
        d.File.ShouldNotBeNull().ShouldEndWith("go.mod");
    }

    [GoTheory]
    [InlineData("comment")]
    [InlineData("retract-rationale")]
    public async Task Invalid_utf8_where_go_never_looks_is_accepted_as_go_accepts_it(string name)
    {
        var bytes = GoMod(name);
        var dir = Write(name, bytes, goSum: Bytes("example.com/a@@ v1.0.0 h1:abc=\n", ("@@", [0xff])));
        Go(dir).EnsureSuccess("go list -m all").StdOut.ShouldBe("example.com/m\n");

        var file = GoModFile.ParseBytes("go.mod", bytes);
        file.Module!.Path.ShouldBe("example.com/m");
        file.FormatBytes().ShouldBe(bytes, "the invalid bytes are written back as they were");
        var sum = GoSumFile.ParseBytes("go.sum", File.ReadAllBytes(Path.Combine(dir, "go.sum")));
        sum.FormatBytes().ShouldBe(File.ReadAllBytes(Path.Combine(dir, "go.sum")));

        var result = await RestoreAsync(dir);
        result.Diagnostics.Where(x => x.IsError).ShouldBeEmpty();
        File.ReadAllBytes(Path.Combine(dir, "go.mod")).ShouldBe(bytes);
    }

    [GoFact]
    public void An_invalid_byte_in_a_quoted_path_reads_as_U_FFFD_as_gos_unquoting_makes_it()
    {
        var dir = Write("quoted", GoMod("quoted-module-path"));
        var go = Go(dir);
        go.ExitCode.ShouldNotBe(0);
        var goLine = go.StdErr.Split('\n')[0];
        goLine.ShouldBe("go: malformed module path \"example.com/m\uFFFD\": invalid char '\uFFFD'");

        // The parse yields the path go checks; go's import-path check of the main module is the loader's rule.
        GoModFile.ParseBytes("go.mod", GoMod("quoted-module-path")).Module!.Path.ShouldBe("example.com/m\uFFFD");
    }
}
