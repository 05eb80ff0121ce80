using System.Text;
using GoMod.Testing;

namespace GoMod.Core.Tests.ModFile;

/// <summary>
/// The go.mod corpus under <c>ModFile/testdata</c>, read from the source tree (found by walking up from the test
/// assembly), so the files need no copy step: <c>canonical</c> files are what <c>go mod edit -fmt</c> (Go 1.19)
/// leaves unchanged; <c>canonical-newer</c> use syntax newer than Go 1.19; <c>messy</c> files have a
/// <c>.golden</c> made by <c>go mod edit -fmt</c>; <c>errors</c> and <c>errors-newer</c> files have an <c>.err</c>
/// with the expected message (from Go 1.19 and from today's x/mod text respectively).
/// </summary>
internal static class ModFileTestData
{
    private static readonly Lazy<string> Root = new(Locate);

    public static string Directory => Root.Value;

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "ModFile", "testdata"), Path.Combine(dir.FullName, "tests", "GoMod.Core.Tests", "ModFile", "testdata") })
                if (System.IO.Directory.Exists(Path.Combine(candidate, "canonical"))) return candidate;
        }
        throw new DirectoryNotFoundException("ModFile/testdata not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The names (without extension) of the <c>.mod</c> files in a corpus folder, as theory data.</summary>
    public static TheoryData<string> Names(string folder)
    {
        var data = new TheoryData<string>();
        foreach (var file in System.IO.Directory.GetFiles(Path.Combine(Directory, folder), "*.mod").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileNameWithoutExtension(file));
        return data;
    }

    /// <summary>The file's text, byte for byte (a byte-order mark stays a U+FEFF character).</summary>
    public static string Read(string folder, string name, string extension = ".mod") =>
        ReadExact(Path.Combine(Directory, folder, name + extension));

    public static string ReadExact(string path) => new UTF8Encoding(false).GetString(File.ReadAllBytes(path));
}

/// <summary>Runs <c>go mod edit</c> on a go.mod text in a scratch module directory.</summary>
internal static class GoModEdit
{
    /// <summary>The outcome: exit code, the go.mod bytes afterwards, and the parse errors without go's header line.</summary>
    public sealed record Outcome(int ExitCode, string GoMod, string Errors, string StdOut);

    public static Outcome Run(string goMod, params string[] args)
    {
        using var dir = new TempDirectory("modedit");
        var path = dir.Write("go.mod", goMod);
        var result = GoOracle.Run(dir.Path, dir.Path, null, ["mod", "edit", .. args, "go.mod"]);
        const string header = "go: errors parsing go.mod:\n";
        var errors = result.StdErr.StartsWith(header, StringComparison.Ordinal)
            ? result.StdErr[header.Length..].TrimEnd('\n')
            : result.StdErr;
        return new Outcome(result.ExitCode, ModFileTestData.ReadExact(path), errors, result.StdOut);
    }

    /// <summary><c>go mod edit -fmt</c>: go's canonical form of <paramref name="goMod"/> (fails the test on a parse error).</summary>
    public static string Format(string goMod)
    {
        var outcome = Run(goMod, "-fmt");
        outcome.ExitCode.ShouldBe(0, outcome.Errors);
        return outcome.GoMod;
    }
}
