using System.Text;
using GoMod.Core.Sum;

namespace GoMod.Core.Tests.Sum;

/// <summary>
/// The span-based go.sum parser against go's rules written the plain way (split on <c>\n</c>, then <c>strings.Fields</c>):
/// the same keys and hashes in the same order, the same failing line and field count, on generated text full of
/// white-space corners.
/// </summary>
public class GoSumParserTests
{
    private const string H1 = "h1:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa=";

    /// <summary>go's reading of go.sum, spelled out: what the span parser must match.</summary>
    private static (List<(string, string, string)> Lines, (int Line, int Fields)? Error) Reference(string text)
    {
        var lines = new List<(string, string, string)>();
        var n = 0;
        foreach (var line in text.Split('\n'))
        {
            n++;
            var fields = new List<string>();
            var sb = new StringBuilder();
            foreach (var c in line + " ")
            {
                if (char.IsWhiteSpace(c) && c is not ('\u001C' or '\u001D' or '\u001E' or '\u001F'))
                {
                    if (sb.Length > 0) fields.Add(sb.ToString());
                    sb.Clear();
                }
                else sb.Append(c);
            }
            if (fields.Count == 0) continue;
            if (fields.Count != 3) return (lines, (n, fields.Count));
            if (fields[2] != GoSumFile.EmptyGoModHash) lines.Add((fields[0], fields[1], fields[2]));
        }
        return (lines, null);
    }

    private static readonly string[] Spaces = [" ", "\t", "\r", "\v", "\f", "\u0085", "\u00A0", "\u1680", "\u2000", "\u2007", "\u200A", "\u2028", "\u2029", "\u202F", "\u205F", "\u3000"];
    private static readonly string[] NotSpaces = ["\u200B", "\u001C", "\u180E", "\uFEFF", "x"];

    [Fact]
    public void Generated_go_sum_text_reads_as_go_reads_it()
    {
        var random = new Random(1519);
        for (var round = 0; round < 400; round++)
        {
            var sb = new StringBuilder();
            var lineCount = random.Next(0, 12);
            for (var l = 0; l < lineCount; l++)
            {
                var fields = random.Next(10) switch { 0 => 0, 1 => 2, 2 => 4, 3 => 1, _ => 3 };
                if (round % 3 != 0 && fields != 3) fields = 3;
                for (var f = 0; f < fields; f++)
                {
                    if (f > 0 || random.Next(4) == 0) sb.Append(Spaces[random.Next(Spaces.Length)]);
                    if (random.Next(6) == 0) sb.Append(Spaces[random.Next(Spaces.Length)]);
                    sb.Append(f switch
                    {
                        0 => "example.com/m" + random.Next(3) + NotSpaces[random.Next(NotSpaces.Length)],
                        1 => "v1.0." + random.Next(3) + (random.Next(2) == 0 ? "/go.mod" : ""),
                        2 => random.Next(8) == 0 ? GoSumFile.EmptyGoModHash : H1[..^2] + random.Next(10) + "=",
                        _ => "extra",
                    });
                }
                if (random.Next(5) == 0) sb.Append(Spaces[random.Next(Spaces.Length)]);
                if (l < lineCount - 1 || random.Next(2) == 0) sb.Append('\n');
            }
            var text = sb.ToString();
            var (expected, error) = Reference(text);
            if (error is { } e)
            {
                var ex = Should.Throw<GoSumParseException>(() => GoSumFile.Parse("dir/go.sum", text), text);
                (ex.Line, ex.FieldCount).ShouldBe((e.Line, e.Fields), text);
                ex.Message.ShouldBe($"malformed go.sum:\ndir/go.sum:{e.Line}: wrong number of fields {e.Fields}");
                continue;
            }
            var sum = GoSumFile.Parse("go.sum", text);
            var want = new GoSumFile();
            foreach (var (p, v, h) in expected) want.Add(p, v, h);
            sum.Format().ShouldBe(want.Format(), text);
            foreach (var key in expected.Select(x => (x.Item1, x.Item2)).Distinct())
                sum.Lookup(key.Item1, key.Item2).ShouldBe(expected.Where(x => (x.Item1, x.Item2) == key).Select(x => x.Item3).ToList(), text);
        }
    }

    [Fact]
    public void A_line_with_more_than_three_fields_is_counted_whole_and_placed_on_its_line()
    {
        var text = $"a v1.0.0 {H1}\r\n\n  b v1.0.0 {H1} x y\u3000z\n";
        var ex = Should.Throw<GoSumParseException>(() => GoSumFile.Parse("go.sum", text));
        (ex.Line, ex.FieldCount).ShouldBe((3, 6));
    }

    [Fact]
    public void A_last_line_without_newline_and_repeated_hashes_are_kept_as_written()
    {
        var sum = GoSumFile.Parse("go.sum", $"m v1.0.0 {H1}\nm v1.0.0 {H1}\nm v1.0.0/go.mod {H1}");
        sum.Lookup("m", "v1.0.0").ShouldBe([H1, H1]);
        sum.Lookup("m", "v1.0.0/go.mod").ShouldBe([H1]);
        sum.Count.ShouldBe(2);
    }
}
