
namespace GoMod.Benchmarks.Corpus;

/// <summary>
/// <c>corpus --src DIR --out DIR [--max-modules N] [--goroot DIR]</c>: builds a GOPROXY tree and a main module from real Go
/// sources (see <see cref="GoCorpus"/>); prints the summary. The go root defaults to <c>go env GOROOT</c>.
/// </summary>
public static class CorpusCommand
{
    public static int Run(string[] args)
    {
        string src = "/usr/share/gocode/src", output = "";
        int? max = null;
        string? goRoot = null;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--src": src = args[++i]; break;
                case "--out": output = args[++i]; break;
                case "--max-modules": max = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--goroot": goRoot = args[++i]; break;
                default: Console.Error.WriteLine($"corpus: unknown argument {args[i]}"); return 2;
            }
        }
        if (output.Length == 0)
        {
            Console.Error.WriteLine("usage: corpus --src DIR --out DIR [--max-modules N] [--goroot DIR]");
            return 2;
        }
        goRoot ??= GoRoot();
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var result = GoCorpus.BuildProxy(src, output, new CorpusOptions { MaxModules = max, GoRoot = goRoot, Log = Console.WriteLine });
        var byReason = result.Skipped.GroupBy(s => s.Reason.StartsWith("zip rules", StringComparison.Ordinal) ? "refused by the zip rules"
            : s.Reason.StartsWith("go.mod", StringComparison.Ordinal) ? "go.mod unusable" : s.Reason);
        Console.WriteLine($"modules: {result.Modules.Count} ({result.Modules.Count(m => m.SynthesizedGoMod)} with a synthesized go.mod), " +
            $"zips: {result.ZipBytes / 1048576.0:F1} MiB, imported by main: {result.Modules.Count(m => m.ImportedPackage is not null)}, {sw.Elapsed.TotalSeconds:F0} s");
        foreach (var g in byReason) Console.WriteLine($"skipped, {g.Key}: {g.Count()}");
        Console.WriteLine($"proxy: {result.ProxyDir}\nmain: {result.MainDir}");
        return 0;
    }

    private static string? GoRoot()
    {
        try
        {
            using var p = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("go", "env GOROOT") { RedirectStandardOutput = true });
            var text = p!.StandardOutput.ReadToEnd().Trim();
            p.WaitForExit();
            return p.ExitCode == 0 && text.Length > 0 ? text : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
