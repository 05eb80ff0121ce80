using System.Diagnostics;
using GoMod.Testing;

namespace GoMod.Core.Tests.Zip;

/// <summary>Module source trees exercising the zip file-selection rules, built on the real file system.</summary>
internal static class ModuleTrees
{
    public const string Path = "example.com/m";
    public const string Version = "v1.2.3";
    public const string Prefix = Path + "@" + Version;

    /// <summary>Trees that make a valid zip (under Go 1.19's rules, so the go 1.19 oracle applies: go lines below 1.24).</summary>
    public static readonly string[] Valid = ["nested-modules", "vendor", "vcs", "links", "names", "empty-dirs", "big-files"];

    /// <summary>Trees the go command refuses to zip.</summary>
    public static readonly string[] Invalid = ["case-collision", "file-dir-collision", "bad-names", "uppercase-root-go-mod", "big-go-mod", "big-license", "too-large"];

    public static string Build(TempDirectory tmp, string name)
    {
        var root = tmp.Combine(name);
        Directory.CreateDirectory(root);
        void W(string rel, string content = "x\n") => tmp.Write(name + "/" + rel, content);
        void Link(string rel, string target) => File.CreateSymbolicLink(System.IO.Path.Combine(root, rel), target);
        void Sparse(string rel, long size)
        {
            using var f = File.Create(System.IO.Path.Combine(root, rel));
            f.SetLength(size);
        }
        const string goMod = "module " + Path + "\n\ngo 1.16\n";

        switch (name)
        {
            case "nested-modules":
                W("go.mod", goMod); W("a.go", "package m\n");
                W("sub/go.mod", "module example.com/m/sub\n"); W("sub/x.go"); W("sub/inner/y.go");
                W("deep/a/b/go.mod", "module example.com/m/deep/a/b\n"); W("deep/a/b/c.go"); W("deep/a/keep.go");
                W("upper/GO.MOD", "module example.com/m/upper\n"); W("upper/z.go");
                W("dirmod/go.mod/f.txt"); W("dirmod/w.go");
                break;
            case "vendor":
                W("go.mod", goMod);
                W("vendor/modules.txt", "# example.com/x v1.0.0\n"); W("vendor/example.com/x/x.go"); W("vendor/top.go");
                W("pkg/vendor/vendor.go"); W("pkg/vendor/sub/f.go"); W("x/vendor/y/z.go"); W("vendorish/a.go");
                W("a/b/vendor/c.go"); W("longpackagename/vendor/v.go");
                break;
            case "vcs":
                W("go.mod", goMod);
                W(".git/config"); W(".git/objects/ab/cdef"); W(".hg/store"); W(".svn/entries"); W(".bzr/branch");
                W("sub/.git/HEAD"); W("sub/code.go"); W("other/.git", "gitdir: ../.git/worktrees/other\n"); W(".gitignore");
                W(".hg_archival.txt", "repo: 0\n"); W("sub/.hg_archival.txt");
                break;
            case "links":
                W("go.mod", goMod); W("target.txt"); W("sub/real.go"); W("linkmod/m.go");
                Link("link-to-file", "target.txt"); Link("link-to-dir", "sub"); Link("broken", "nowhere");
                Link("linkmod/go.mod", "../go.mod");
                MakeFifo(System.IO.Path.Combine(root, "fifo"));
                break;
            case "names":
                W("go.mod", goMod); W("LICENSE", "license\n"); W("sub/LICENSE"); W("License.txt"); W("README.MD");
                W("Foo/Bar.go"); W("docs/Ünïcödé.md"); W("with space.txt"); W("odd-chars!#$%&()+,-.=@[]^_{}~.txt");
                W("-leading-dash.txt"); W(".dotfile");
                break;
            case "empty-dirs":
                W("go.mod", goMod); W("a/b.go");
                Directory.CreateDirectory(System.IO.Path.Combine(root, "empty"));
                Directory.CreateDirectory(System.IO.Path.Combine(root, "a", "empty2"));
                break;
            case "big-files":
                W("go.mod", goMod);
                File.WriteAllBytes(System.IO.Path.Combine(root, "random.bin"), System.Security.Cryptography.RandomNumberGenerator.GetBytes(3 << 20));
                File.WriteAllBytes(System.IO.Path.Combine(root, "zeros.bin"), new byte[5 << 20]);
                break;

            case "case-collision":
                W("go.mod", goMod); W("a.txt"); W("A.TXT"); W("dir/File.go"); W("Dir/file.go");
                break;
            case "file-dir-collision":
                W("go.mod", goMod); W("a"); W("A/b.go");
                break;
            case "bad-names":
                W("go.mod", goMod); W("bad:name.txt"); W("x'y.go"); W("CON.txt"); W("sub/aux"); W("star*.txt"); W("back\\slash");
                break;
            case "uppercase-root-go-mod":
                W("GO.MOD", goMod); W("a.go");
                break;
            case "big-go-mod":
                Sparse("go.mod", (16 << 20) + 1); W("a.go");
                break;
            case "big-license":
                W("go.mod", goMod); Sparse("LICENSE", (16 << 20) + 1);
                break;
            case "too-large":
                W("go.mod", goMod); Sparse("a.bin", 251L << 20); Sparse("b.bin", 251L << 20);
                break;
            default:
                throw new ArgumentException(name);
        }
        return root;
    }

    private static void MakeFifo(string path)
    {
        using var p = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException("mkfifo failed");
    }
}
