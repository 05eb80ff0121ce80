using System.Text;
using GoMod.Core.ModFile;

namespace GoMod.Core.Tests.ModFile;

/// <summary>
/// Whatever the input, the parsers either return a file or throw <see cref="ModFileParseException"/>: a seeded
/// mutation fuzzer over the corpus (byte flips, inserted quotes, parentheses, comments and control characters,
/// truncations, deep nesting, huge lines) must never see another exception, and a file that parses must format.
/// </summary>
public class RobustnessTests
{
    private const int Iterations = 100_000;

    private static readonly string[] Insertions =
    [
        "\"", "`", "'", "(", ")", "(\n", "\n)", "[", "]", ",", "//", "/*", "// c\n", "\n", "\r", "\r\n", "\t", "\\",
        "=>", "require", "replace", "retract", "module", "go", "toolchain", "godebug", "tool", "ignore", "exclude",
        "v1.0.0", "v2.0.0+incompatible", "[v1.0.0, v1.1.0]", "\u00a0", "\0", "\v", "\ufeff", "é", "🚀", "\ud800",
        "\"\\x41\\u00e9\\U0001F680\\101\"", "\"\\q\"", "// indirect", "// Deprecated: x\n", "=",
    ];

    private static List<string> Corpus()
    {
        var corpus = new List<string>();
        foreach (var folder in new[] { "canonical", "canonical-newer", "messy", "errors", "errors-newer" })
            foreach (var name in ModFileTestData.Names(folder))
                corpus.Add(ModFileTestData.Read(folder, name));
        return corpus;
    }

    private static string Mutate(Random random, string text)
    {
        var sb = new StringBuilder(text);
        var mutations = 1 + random.Next(4);
        for (var m = 0; m < mutations; m++)
        {
            var at = sb.Length == 0 ? 0 : random.Next(sb.Length + 1);
            switch (random.Next(8))
            {
                case 0 when sb.Length > 0: // flip bits of one character
                    var i = Math.Min(at, sb.Length - 1);
                    sb[i] = (char)(sb[i] ^ (1 << random.Next(8)));
                    break;
                case 1: // insert a token-ish fragment
                    sb.Insert(at, Insertions[random.Next(Insertions.Length)]);
                    break;
                case 2: // truncate
                    sb.Length = at;
                    break;
                case 3 when sb.Length > 0: // delete a span
                    var start = Math.Min(at, sb.Length - 1);
                    sb.Remove(start, Math.Min(sb.Length - start, 1 + random.Next(8)));
                    break;
                case 4: // random character
                    sb.Insert(at, (char)random.Next(0, 0x3000));
                    break;
                case 5: // duplicate a chunk
                    var from = random.Next(sb.Length + 1);
                    var length = Math.Min(sb.Length - from, random.Next(40));
                    sb.Insert(at, sb.ToString(from, length));
                    break;
                case 6 when random.Next(50) == 0: // deep nesting or a long line, rarely (they are big; see the tests below for 100k)
                    var repeat = random.Next(200, 4_000);
                    var unit = random.Next(3) switch { 0 => "(", 1 => "(\n", _ => "[" };
                    sb.Insert(at, string.Concat(Enumerable.Repeat(unit, repeat)));
                    break;
                default: // swap two characters
                    if (sb.Length > 1)
                    {
                        var a = random.Next(sb.Length);
                        var b = random.Next(sb.Length);
                        (sb[a], sb[b]) = (sb[b], sb[a]);
                    }
                    break;
            }
        }
        return sb.ToString();
    }

    [Fact]
    public void Mutated_go_mod_files_never_throw_anything_but_a_parse_exception()
    {
        var corpus = Corpus();
        var random = new Random(20240611);
        int parsedStrict = 0, parsedLax = 0;
        for (var i = 0; i < Iterations; i++)
        {
            var input = Mutate(random, corpus[random.Next(corpus.Count)]);
            parsedStrict += TryParse(input, strict: true, i) ? 1 : 0;
            parsedLax += TryParse(input, strict: false, i) ? 1 : 0;
        }
        // The mutations must exercise both outcomes, or the test proves little.
        parsedStrict.ShouldBeInRange(Iterations / 20, Iterations - Iterations / 20);
        parsedLax.ShouldBeGreaterThanOrEqualTo(parsedStrict);
    }

    private static bool TryParse(string input, bool strict, int iteration)
    {
        try
        {
            var file = strict ? GoModFile.Parse("go.mod", input) : GoModFile.ParseLax("go.mod", input);
            file.Format();
            _ = file.Require;
            return true;
        }
        catch (ModFileParseException e)
        {
            e.Errors.ShouldNotBeEmpty();
            return false;
        }
        catch (Exception e)
        {
            throw new ShouldAssertException($"iteration {iteration} ({(strict ? "strict" : "lax")}) threw {e.GetType().Name} on input {Quote(input)}", e);
        }
    }

    private static string Quote(string s) => s.Length > 2000 ? GoTextQuote(s[..2000]) + "…" : GoTextQuote(s);

    private static string GoTextQuote(string s) => System.Text.Json.JsonSerializer.Serialize(s);

    [Theory]
    [InlineData(100_000)]
    public void Deeply_nested_parentheses_parse_without_recursion(int depth)
    {
        // Only the last "(" of a line opens a block; the others are plain tokens.
        var text = "module m\n\nrequire " + new string('(', depth) + "\n";
        Should.Throw<ModFileParseException>(() => GoModFile.Parse("go.mod", text)).Message
            .ShouldBe("go.mod:4: syntax error (unterminated block started at go.mod:3:1)");
        var lax = GoModFile.ParseLax("go.mod", "module m\n\nfoo " + string.Concat(Enumerable.Repeat("( ", depth)) + "x\n");
        lax.Format().ShouldBe("module m\n\nfoo " + new string('(', depth) + "x\n");
    }

    [Fact]
    public void Block_openers_inside_a_block_are_plain_tokens()
    {
        var text = "require (\n" + string.Concat(Enumerable.Repeat("x (\n", 50_000)) + ")";
        var error = Should.Throw<ModFileParseException>(() => GoModFile.Parse("go.mod", text));
        error.Errors.Count.ShouldBe(50_000);
        error.Errors[^1].ShouldBe(new ModFileError("go.mod", 50_001, 1, "require x: version \"(\" invalid: must be of the form v1.2.3"));
    }
}
