using System.Text;
using System.Text.Json;
using GoMod.Testing;
using GoMod.Core.Semver;

namespace GoMod.Core.Tests.Module;

/// <summary>
/// The reference implementation as oracle: golang.org/x/mod's semver and module packages as shipped inside the
/// installed Go toolchain (<c>$GOROOT/src/cmd/vendor/golang.org/x/mod</c>, which go itself is built from), compiled
/// once per test run into a small program that evaluates them on a batch of inputs. Nothing is copied into this
/// repository: the sources are read from the toolchain at test time, so the oracle is exactly what that go runs.
/// </summary>
public sealed class XModOracle : IDisposable
{
    private readonly TempDirectory _dir = new("xmod-oracle");
    private readonly Lazy<string> _binary;

    public XModOracle() => _binary = new Lazy<string>(Build);

    public void Dispose() => _dir.Dispose();

    /// <summary>Evaluates tab-separated requests (one per element) and returns, per request, x/mod's answers.</summary>
    public IReadOnlyList<string[]> Evaluate(IReadOnlyList<string> requests)
    {
        var input = _dir.Combine($"in-{Guid.NewGuid():N}.txt");
        File.WriteAllText(input, string.Join("\n", requests) + "\n", new UTF8Encoding(false));
        var result = ProcessRunner.Run(_binary.Value, [input], _dir.Path).EnsureSuccess("x/mod oracle");
        var lines = result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(requests.Count, "one answer per request");
        return lines.Select(l => JsonSerializer.Deserialize<string[]>(l) ?? []).ToList();
    }

    private string Build()
    {
        var goroot = GoOracle.Run(_dir.Path, _dir.Path, null, "env", "GOROOT").EnsureSuccess("go env GOROOT").StdOut.Trim();
        var xmod = Path.Combine(goroot, "src", "cmd", "vendor", "golang.org", "x", "mod");
        if (!Directory.Exists(Path.Combine(xmod, "module")))
            throw new InvalidOperationException($"x/mod sources not found under {xmod}; the go toolchain's sources are needed for this oracle");
        var src = _dir.Combine("src");
        foreach (var pkg in new[] { "semver", "module", Path.Combine("internal", "lazyregexp") })
        {
            var target = Path.Combine(src, "xmod", pkg);
            Directory.CreateDirectory(target);
            foreach (var file in Directory.GetFiles(Path.Combine(xmod, pkg), "*.go"))
                if (!file.EndsWith("_test.go", StringComparison.Ordinal)) File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }
        File.WriteAllText(Path.Combine(src, "xmod", "go.mod"), "module golang.org/x/mod\n\ngo 1.17\n");
        File.WriteAllText(Path.Combine(src, "go.mod"), "module oracle\n\ngo 1.19\n\nrequire golang.org/x/mod v0.0.0\n\nreplace golang.org/x/mod => ./xmod\n");
        File.WriteAllText(Path.Combine(src, "main.go"), Program);
        var binary = _dir.Combine("oracle");
        GoOracle.Run(src, _dir.Path, new Dictionary<string, string?> { ["GOFLAGS"] = "-mod=mod" }, "build", "-o", binary, ".")
            .EnsureSuccess("go build x/mod oracle");
        return binary;
    }

    private const string Program = """
// Differential oracle: evaluates golang.org/x/mod's semver and module functions on the inputs in a file.
package main

import (
	"bufio"
	"encoding/json"
	"os"
	"strconv"
	"strings"
	"time"

	"golang.org/x/mod/module"
	"golang.org/x/mod/semver"
)

func e(err error) string {
	if err == nil {
		return "ok"
	}
	return "error: " + err.Error()
}

func main() {
	f, err := os.Open(os.Args[1])
	if err != nil {
		panic(err)
	}
	in := bufio.NewScanner(f)
	in.Buffer(make([]byte, 1<<20), 1<<24)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	for in.Scan() {
		a := strings.Split(in.Text(), "\t")
		var r []string
		switch a[0] {
		case "semver":
			v := a[1]
			r = []string{strconv.FormatBool(semver.IsValid(v)), semver.Canonical(v), semver.Major(v), semver.MajorMinor(v), semver.Prerelease(v), semver.Build(v), module.CanonicalVersion(v)}
		case "cmp":
			r = []string{strconv.Itoa(semver.Compare(a[1], a[2])), semver.Max(a[1], a[2])}
		case "path":
			p := a[1]
			prefix, major, ok := module.SplitPathVersion(p)
			esc, err := module.EscapePath(p)
			r = []string{e(module.CheckPath(p)), e(module.CheckImportPath(p)), e(module.CheckFilePath(p)), prefix, major, strconv.FormatBool(ok), esc, e(err)}
		case "escape":
			s := a[1]
			p, err1 := module.UnescapePath(s)
			v, err2 := module.UnescapeVersion(s)
			ev, err3 := module.EscapeVersion(s)
			r = []string{p, e(err1), v, e(err2), ev, e(err3)}
		case "check":
			p, v := a[1], a[2]
			_, major, _ := module.SplitPathVersion(p)
			r = []string{e(module.Check(p, v)), e(module.CheckPathMajor(v, major)), strconv.FormatBool(module.MatchPathMajor(v, major))}
		case "pseudo":
			v := a[1]
			base, err1 := module.PseudoVersionBase(v)
			t, err2 := module.PseudoVersionTime(v)
			ts := ""
			if err2 == nil {
				ts = t.UTC().Format(time.RFC3339)
			}
			rev, err3 := module.PseudoVersionRev(v)
			r = []string{strconv.FormatBool(module.IsPseudoVersion(v)), base, e(err1), ts, e(err2), rev, e(err3), strconv.FormatBool(module.IsZeroPseudoVersion(v))}
		case "mkpseudo":
			sec, _ := strconv.ParseInt(a[3], 10, 64)
			r = []string{module.PseudoVersion(a[1], a[2], time.Unix(sec, 0), a[4])}
		case "sort":
			list := append([]string(nil), a[1:]...)
			semver.Sort(list)
			r = list
		case "modsort":
			var list []module.Version
			for i := 1; i+1 < len(a); i += 2 {
				list = append(list, module.Version{Path: a[i], Version: a[i+1]})
			}
			module.Sort(list)
			for _, m := range list {
				r = append(r, m.Path+" "+m.Version)
			}
		default:
			r = []string{"unknown op " + a[0]}
		}
		if err := enc.Encode(r); err != nil {
			panic(err)
		}
	}
	if err := in.Err(); err != nil {
		panic(err)
	}
}
""";
}
