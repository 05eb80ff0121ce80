// Benchmarks are console entry points named by the first argument; see benchmarks/README.md.
using GoMod.Benchmarks;

var benchmarks = new Dictionary<string, Func<string[], int>>(StringComparer.Ordinal)
{
    ["mvs"] = MvsBenchmark.Run,
    ["ziphash"] = ZipHashBenchmark.Run,
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine("usage: GoMod.Benchmarks <benchmark> [options]");
    Console.Error.WriteLine("benchmarks: " + string.Join(", ", benchmarks.Keys));
    return 2;
}
return run(args[1..]);
