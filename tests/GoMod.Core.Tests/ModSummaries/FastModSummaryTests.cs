using System.Text;
using GoMod.Core.ModFile;
using GoMod.Core.ModLoad;
using GoMod.Core.ModSummaries;
using GoMod.Core.Module;

namespace GoMod.Core.Tests.ModSummaries;

/// <summary>
/// The fast go.mod reader must give exactly the full lax parser's summary whenever it accepts a file, and decline
/// anything it cannot read exactly (so the parser decides, errors included).
/// </summary>
public class FastModSummaryTests
{
    private static string Describe(ModSummary s) =>
        $"module={s.ModulePath} go={s.GoVersion} pruning={s.Pruning} deprecated={s.Deprecated} require=[{string.Join(", ", s.Require)}] retract={s.Retract.Length}";

    private static void AssertAgrees(string text)
    {
        var data = Encoding.UTF8.GetBytes(text);
        if (!FastModSummary.TryParse(data, out var fast)) return;
        ModSummary full;
        try
        {
            full = ModSummaryReader.SummarizeWithParser("go.mod", data);
        }
        catch (ModFileParseException e)
        {
            throw new Xunit.Sdk.XunitException($"fast path accepted a file the parser rejects ({e.Message}):\n{text}");
        }
        Describe(fast!).ShouldBe(Describe(full), text);
    }

    public static TheoryData<string> Accepted => new(
        "module example.com/a\n",
        "module example.com/a\n\ngo 1.17\n",
        "module example.com/a\ngo 1.21\nrequire example.com/b v1.2.3\n",
        "module example.com/a\n\ngo 1.17\n\nrequire (\n\texample.com/b v1.2.3\n\texample.com/c/v2 v2.0.0 // indirect\n)\n",
        "module example.com/a\nrequire example.com/legacy v3.0.0+incompatible\n",
        "module example.com/a\n// a comment\nrequire (\n\t// inside\n\texample.com/b v0.0.0-20200101000000-abcdefabcdef\n)\n",
        "module example.com/a\nrequire gopkg.in/yaml.v2 v2.4.0\n",
        "module   example.com/a   \n\t\ngo\t1.16\n");

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Plain_go_mod_files_are_read_fast_and_agree_with_the_parser(string text)
    {
        FastModSummary.TryParse(Encoding.UTF8.GetBytes(text), out _).ShouldBeTrue(text);
        AssertAgrees(text);
    }

    public static TheoryData<string> Declined => new(
        "// Deprecated: use b\nmodule example.com/a\n",
        "module example.com/a // Deprecated: use b\n",
        "module \"example.com/a\"\n",
        "module example.com/a\nretract v1.0.0\n",
        "module example.com/a\ngo 1.21.0\n",
        "module example.com/a\ngo 1.21rc1\n",
        "module example.com/a\ntoolchain go1.21.0\n",
        "module example.com/a\nrequire example.com/b v1.2\n",
        "module example.com/a\nrequire example.com/b/v2 v1.0.0\n",
        "module example.com/a\nrequire example.com/b\n",
        "module example.com/a\nrequire (\n\texample.com/b v1.0.0\n",
        "module example.com/a\r\ngo 1.17\r\n",
        "module example.com/a\nexclude example.com/b v1.0.0\n",
        "module example.com/a\nreplace example.com/b => ../b\n",
        "module example.com/a\ngo 1.17\ngo 1.18\n",
        "module example.com/a\nmodule example.com/b\n",
        "module example.com/ä\n");

    [Theory]
    [MemberData(nameof(Declined))]
    public void Files_outside_the_plain_subset_go_to_the_parser(string text) =>
        FastModSummary.TryParse(Encoding.UTF8.GetBytes(text), out _).ShouldBeFalse(text);

    public static TheoryData<int> Seeds => new(Enumerable.Range(1, 300));

    /// <summary>Random go.mod files assembled from valid and invalid pieces.</summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_files_agree_with_the_parser_whenever_the_fast_path_accepts(int seed)
    {
        var rng = new Random(seed);
        string[] paths = ["example.com/a", "example.com/b/v2", "gopkg.in/x.v1", "example.com/c", "ex(ample.com/d", "example.com/E"];
        string[] versions = ["v1.0.0", "v2.1.0", "v1.2", "v0.0.0-20200101000000-abcdefabcdef", "v3.0.0+incompatible", "latest", "v1.0.0-rc.1", "v01.0.0"];
        string[] gos = ["1.16", "1.17", "1.21", "1.21.0", "01.17", "1.017", "1."];
        string[] comments = ["", " // indirect", " // indirect; why", " //", " // Deprecated: x"];
        var b = new StringBuilder();
        if (rng.Next(4) == 0) b.Append("// header\n");
        b.Append("module ").Append(paths[rng.Next(paths.Length)]).Append(rng.Next(5) == 0 ? comments[rng.Next(comments.Length)] : "").Append('\n');
        int lines = rng.Next(0, 8);
        for (int i = 0; i < lines; i++)
        {
            string Req() => paths[rng.Next(paths.Length)] + " " + versions[rng.Next(versions.Length)] + comments[rng.Next(comments.Length)];
            switch (rng.Next(7))
            {
                case 0: b.Append("go ").Append(gos[rng.Next(gos.Length)]).Append('\n'); break;
                case 1: b.Append("require ").Append(Req()).Append('\n'); break;
                case 2:
                    b.Append("require (\n");
                    for (int k = rng.Next(0, 4); k > 0; k--) b.Append(rng.Next(2) == 0 ? "\t" : "  ").Append(Req()).Append('\n');
                    if (rng.Next(6) != 0) b.Append(")\n");
                    break;
                case 3: b.Append('\n'); break;
                case 4: b.Append("// note\n"); break;
                case 5: b.Append("retract v1.0.0 // oops\n"); break;
                default: b.Append("\t \n"); break;
            }
        }
        AssertAgrees(b.ToString());
    }
}
