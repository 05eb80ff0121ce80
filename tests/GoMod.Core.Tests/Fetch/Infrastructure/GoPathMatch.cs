using System.Collections.Concurrent;
using System.Text;
using GoMod.Testing;
using GoMod.Core.Module;

namespace GoMod.Core.Tests.Fetch.Infrastructure;

/// <summary>
/// Asks Go's own <c>path.Match</c> (a small program built once per test run with the local toolchain) whether a name
/// matches a pattern, as the oracle for <c>PathGlob</c>.
/// </summary>
internal static class GoPathMatch
{
    private static readonly Lazy<(string Binary, TempDirectory Dir)> Program = new(Build);
    private static readonly ConcurrentDictionary<(string, string), (bool, bool)> Results = new();

    public static (bool Matched, bool Malformed) Run(string pattern, string name) =>
        Results.GetOrAdd((pattern, name), key =>
        {
            var (binary, dir) = Program.Value;
            var input = "p" + Convert.ToBase64String(Encoding.UTF8.GetBytes(key.Item1)) + " n" + Convert.ToBase64String(Encoding.UTF8.GetBytes(key.Item2));
            var result = ProcessRunner.Run(binary, [input], dir.Path).EnsureSuccess("pathmatch");
            var f = result.StdOut.Trim().Split(' ');
            return (f[0] == "true", f[1] == "true");
        });

    private static (string, TempDirectory) Build()
    {
        var dir = new TempDirectory("pathmatch");
        dir.Write("go.mod", "module pathmatch\n\ngo 1.17\n");
        dir.Write("main.go", """
            package main

            import (
            	"encoding/base64"
            	"fmt"
            	"os"
            	"path"
            	"strings"
            )

            func main() {
            	f := strings.Fields(os.Args[1])
            	p, _ := base64.StdEncoding.DecodeString(f[0][1:])
            	n, _ := base64.StdEncoding.DecodeString(f[1][1:])
            	ok, err := path.Match(string(p), string(n))
            	fmt.Println(ok, err != nil)
            }
            """);
        GoOracle.Run(dir.Path, dir.Path, null, "build", "-o", "pathmatch", ".").EnsureSuccess("go build pathmatch");
        return (dir.Combine("pathmatch"), dir);
    }
}
