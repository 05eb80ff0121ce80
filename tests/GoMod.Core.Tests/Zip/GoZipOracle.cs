using System.Text.Json;
using GoMod.Testing;
using GoMod.Core.Zip;

namespace GoMod.Core.Tests.Zip;

/// <summary>
/// Go's own golang.org/x/mod/zip and dirhash, built at test time from the copy the installed Go toolchain vendors
/// (x/mod is not importable from user code, so it is copied into a temporary module). Nothing of Go's is committed:
/// only this small driver program, which calls zip.CreateFromDir/CheckDir/CheckZip/Unzip and dirhash.HashZip/HashDir.
/// </summary>
public sealed class GoZipOracle : IDisposable
{
    private const string Program = """
        package main

        import (
        	"encoding/json"
        	"fmt"
        	"os"

        	"golang.org/x/mod/module"
        	"golang.org/x/mod/sumdb/dirhash"
        	"golang.org/x/mod/zip"
        )

        type fileError struct{ Path, Err string }

        type checked struct {
        	Valid     []string
        	Omitted   []fileError
        	Invalid   []fileError
        	SizeError string
        	Err       string
        }

        func report(cf zip.CheckedFiles, err error) {
        	out := checked{Valid: cf.Valid}
        	for _, e := range cf.Omitted {
        		out.Omitted = append(out.Omitted, fileError{e.Path, e.Err.Error()})
        	}
        	for _, e := range cf.Invalid {
        		out.Invalid = append(out.Invalid, fileError{e.Path, e.Err.Error()})
        	}
        	if cf.SizeError != nil {
        		out.SizeError = cf.SizeError.Error()
        	}
        	if err != nil {
        		out.Err = err.Error()
        	}
        	json.NewEncoder(os.Stdout).Encode(out)
        }

        func fail(err error) {
        	fmt.Fprintln(os.Stderr, err)
        	os.Exit(1)
        }

        func main() {
        	a := os.Args[1:]
        	switch a[0] {
        	case "create":
        		f, err := os.Create(a[4])
        		if err != nil {
        			fail(err)
        		}
        		if err := zip.CreateFromDir(f, module.Version{Path: a[1], Version: a[2]}, a[3]); err != nil {
        			f.Close()
        			os.Remove(a[4])
        			fail(err)
        		}
        		if err := f.Close(); err != nil {
        			fail(err)
        		}
        	case "checkdir":
        		report(zip.CheckDir(a[1]))
        	case "checkzip":
        		report(zip.CheckZip(module.Version{Path: a[1], Version: a[2]}, a[3]))
        	case "unzip":
        		if err := zip.Unzip(a[1], module.Version{Path: a[2], Version: a[3]}, a[4]); err != nil {
        			fail(err)
        		}
        	case "hashzip":
        		h, err := dirhash.HashZip(a[1], dirhash.Hash1)
        		if err != nil {
        			fail(err)
        		}
        		fmt.Println(h)
        	case "hashdir":
        		h, err := dirhash.HashDir(a[1], a[2], dirhash.Hash1)
        		if err != nil {
        			fail(err)
        		}
        		fmt.Println(h)
        	}
        }
        """;

    private readonly TempDirectory _work = new("zip-oracle");
    private readonly Lazy<string> _binary;

    public GoZipOracle() => _binary = new Lazy<string>(Build);

    private string Build()
    {
        var home = _work.Combine("home");
        var goroot = GoOracle.Run(_work.Path, home, null, "env", "GOROOT").EnsureSuccess("go env GOROOT").StdOut.Trim();
        var source = Path.Combine(goroot, "src", "cmd", "vendor", "golang.org", "x", "mod");
        var xmod = _work.Combine("xmod");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var dest = Path.Combine(xmod, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest);
        }
        File.WriteAllText(Path.Combine(xmod, "go.mod"), "module golang.org/x/mod\n\ngo 1.17\n");
        _work.Write("prog/go.mod", "module oracle\n\ngo 1.17\n\nrequire golang.org/x/mod v0.0.0\n\nreplace golang.org/x/mod => ../xmod\n");
        _work.Write("prog/main.go", Program);
        var binary = _work.Combine("oracle");
        GoOracle.Run(_work.Combine("prog"), home, new Dictionary<string, string?> { ["GOFLAGS"] = "-mod=mod" }, "build", "-o", binary, ".")
            .EnsureSuccess("building the x/mod oracle");
        return binary;
    }

    /// <summary>Runs the oracle; returns the exit code, stdout and stderr.</summary>
    public ProcessResult Run(params string[] args) => ProcessRunner.Run(_binary.Value, args, _work.Path);

    public string HashZip(string zip) => Run("hashzip", zip).EnsureSuccess("oracle hashzip").StdOut.Trim();

    public string HashDir(string dir, string prefix) => Run("hashdir", dir, prefix).EnsureSuccess("oracle hashdir").StdOut.Trim();

    /// <summary>Go's zip.CreateFromDir; null on success, else the error text.</summary>
    public string? Create(string path, string version, string dir, string zip)
    {
        var r = Run("create", path, version, dir, zip);
        return r.ExitCode == 0 ? null : r.StdErr.TrimEnd('\n');
    }

    /// <summary>Go's zip.Unzip; null on success, else the error text.</summary>
    public string? Unzip(string dir, string path, string version, string zip)
    {
        var r = Run("unzip", dir, path, version, zip);
        return r.ExitCode == 0 ? null : r.StdErr.TrimEnd('\n');
    }

    public GoChecked CheckDir(string dir) => Parse(Run("checkdir", dir));

    public GoChecked CheckZip(string path, string version, string zip) => Parse(Run("checkzip", path, version, zip));

    private static GoChecked Parse(ProcessResult r)
    {
        r.EnsureSuccess("oracle check");
        return JsonSerializer.Deserialize<GoChecked>(r.StdOut)!;
    }

    public void Dispose() => _work.Dispose();
}

/// <summary>Go's CheckedFiles, as the oracle prints it.</summary>
public sealed record GoChecked(List<string>? Valid, List<GoFileError>? Omitted, List<GoFileError>? Invalid, string SizeError, string Err)
{
    public IReadOnlyList<ZipFileError> OmittedErrors => (Omitted ?? []).Select(e => new ZipFileError(e.Path, e.Err)).ToList();
    public IReadOnlyList<ZipFileError> InvalidErrors => (Invalid ?? []).Select(e => new ZipFileError(e.Path, e.Err)).ToList();
}

public sealed record GoFileError(string Path, string Err);
