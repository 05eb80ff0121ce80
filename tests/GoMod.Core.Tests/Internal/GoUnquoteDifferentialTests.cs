using GoMod.Core.Internal;
using GoMod.Testing;

namespace GoMod.Core.Tests.Internal;

/// <summary>
/// <see cref="GoString.TryUnquote"/>, the one <c>strconv.Unquote</c> of go.mod syntax and import comments, against go's
/// own: each literal is unquoted by a small go program and by us; the verdicts and values must agree.
/// </summary>
public sealed class GoUnquoteDifferentialTests
{
    private static readonly string[] Literals =
    [
        "\"rsc.io/pdf\"", "`rsc.io/pdf`", "`a\r\nb`", "``", "\"\"", "\"a\\tb\\n\"", "\"\\x41\\101\\u00e9\\U0001F600\"",
        "\"\\xff\"", "\"\\'\"", "'\\''", "'a'", "'ab'", "''", "'\\x41'", "\"a\"b\"", "\"a\nb\"", "`a`b`", "\"\\q\"",
        "\"\\u00\"", "\"\\uD800\"", "\"\\400\"", "\"\\\"\"", "'\\\"'", "\"é\"", "'é'", "\"\\\\\"", "x", "\"", "`", "\"a'",
    ];

    [GoFact]
    public void Our_unquote_agrees_with_go_strconv_unquote()
    {
        using var dir = new TempDirectory("unquote");
        dir.Write("go.mod", "module unquote\n\ngo 1.19\n");
        dir.Write("main.go", """
            package main

            import (
                "bufio"
                "fmt"
                "os"
                "strconv"
            )

            func main() {
                f, err := os.Open("literals.txt")
                if err != nil {
                    panic(err)
                }
                in := bufio.NewScanner(f)
                for in.Scan() {
                    lit, err := strconv.Unquote(in.Text())
                    if err != nil {
                        panic(err)
                    }
                    v, err := strconv.Unquote(lit)
                    if err != nil {
                        fmt.Println("error")
                        continue
                    }
                    // Invalid UTF-8 bytes as U+FFFD, one per byte, as .NET strings hold them.
                    fmt.Println(strconv.QuoteToASCII(string([]rune(v))))
                }
            }
            """);
        // Each literal goes to go quoted once more (literals hold newlines and carriage returns), one per line.
        dir.Write("literals.txt", string.Join("\n", Literals.Select(GoString.Quote)) + "\n");
        var result = ProcessRunner.Run(GoOracle.Path!, ["run", "."], dir.Path, new Dictionary<string, string?>
        {
            ["HOME"] = dir.Path, ["GOFLAGS"] = "-mod=mod", ["GOPROXY"] = "off", ["GOCACHE"] = dir.Combine("cache"),
        }).EnsureSuccess("go run");
        var expected = result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        expected.Length.ShouldBe(Literals.Length);

        for (int i = 0; i < Literals.Length; i++)
        {
            var ours = GoString.TryUnquote(Literals[i], out var value) ? QuoteToAscii(value) : "error";
            ours.ShouldBe(expected[i], $"literal {GoString.Quote(Literals[i])}");
        }
    }

    /// <summary>go's <c>strconv.QuoteToASCII</c> for the values at hand (non-ASCII as \u or \U escapes).</summary>
    private static string QuoteToAscii(string s)
    {
        var b = new System.Text.StringBuilder("\"");
        foreach (var r in s.EnumerateRunes())
        {
            switch (r.Value)
            {
                case '"': b.Append("\\\""); break;
                case '\\': b.Append("\\\\"); break;
                case '\n': b.Append("\\n"); break;
                case '\r': b.Append("\\r"); break;
                case '\t': b.Append("\\t"); break;
                case < 0x20 or 0x7f: b.Append($"\\x{r.Value:x2}"); break;
                case < 0x80: b.Append((char)r.Value); break;
                case < 0x10000: b.Append($"\\u{r.Value:x4}"); break;
                default: b.Append($"\\U{r.Value:x8}"); break;
            }
        }
        return b.Append('"').ToString();
    }
}
