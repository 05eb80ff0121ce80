// Benchmarks are console entry points named by the first argument; see benchmarks/README.md.
using GoMod.Benchmarks.Download;

return args.Length == 0 ? Usage() : args[0] switch
{
    "download" => await DownloadBenchmark.RunAsync(args[1..]),
    "fetch" => await FetchCommand.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: GoMod.Benchmarks <benchmark> [options]
          download   our cold/warm module downloads vs 'go mod download' on the same loopback proxy
          fetch      download module versions into a module cache (the child process of the fetch tests)
        """);
    return 2;
}
