// Benchmarks are console entry points named by the first argument; see benchmarks/README.md.
using GoMod.Benchmarks;
using GoMod.Benchmarks.Corpus;
using GoMod.Benchmarks.Direct;
using GoMod.Benchmarks.Download;
using GoMod.Benchmarks.Restore;
using GoMod.Benchmarks.SumDb;
using GoMod.Benchmarks.Vendor;
using GoMod.Benchmarks.User;

var benchmarks = new Dictionary<string, Func<string[], Task<int>>>(StringComparer.Ordinal)
{
    ["ziphash"] = a => Task.FromResult(ZipHashBenchmark.Run(a)),
    // Our cold/warm module downloads against 'go mod download' on the same loopback proxy.
    ["download"] = DownloadBenchmark.RunAsync,
    // Downloads module versions into a module cache: the child process of the fetch tests (kill, multi-process).
    ["fetch"] = FetchCommand.RunAsync,
    // Our build list against 'go list -m all' on generated graphs of 1,000 and 10,000 modules.
    ["mvs"] = a => Task.FromResult(MvsBenchmark.Run(a)),
    // Adding go.sum lines for 500 modules, each verified against a local checksum database: ours against go's.
    ["sumdb"] = SumDbBenchmark.RunAsync,
    // Direct mode: resolving and downloading modules from local git repositories, ours against go's.
    ["direct"] = DirectBenchmark.RunAsync,
    // Not a benchmark: a GOPROXY tree and main module from real Go sources (/usr/share/gocode/src) for run.sh and tests.
    ["corpus"] = a => Task.FromResult(CorpusCommand.Run(a)),
    // Our GoVendor restore against 'go mod vendor' on a corpus (warm module caches, vendor/ written from scratch).
    ["vendor"] = VendorBenchmark.RunAsync,
    // Not a benchmark: one GoVendor restore, the child process of the vendor reproducibility tests.
    ["vendor-restore"] = VendorBenchmark.RestoreAsync,
    // What users wait for: dotnet build and go as whole processes on the real corpus (started by benchmarks/run.sh).
    ["user"] = a => Task.FromResult(UserBenchmark.Run(a)),
    // The 10 ms-each-way TCP relay run.sh puts in front of nginx.
    ["relay"] = DelayRelay.RunAsync,
    // Not a user-level figure: the SDK's restore of one main module in process, the time of each phase per run.
    ["restore-phases"] = RestorePhasesCommand.RunAsync,
    ["graph-phases"] = GraphPhasesCommand.RunAsync,
    // Not a user-level figure: the warm cache checks of the download phase, each timed on its own (restore-phases' download-extract).
    ["warm-checks"] = WarmChecksCommand.RunAsync,
    // The physical floor: one pass over the corpus zips (inflate, hash, write each file once) on all cores.
    ["floor"] = a => Task.FromResult(PhysicalFloor.Run(a)),
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine("usage: GoMod.Benchmarks <benchmark> [options]");
    Console.Error.WriteLine("benchmarks: " + string.Join(", ", benchmarks.Keys));
    return 2;
}
return await run(args[1..]);
