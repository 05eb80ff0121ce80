// Benchmarks are console entry points named by the first argument; see benchmarks/README.md.
Console.Error.WriteLine("usage: GoMod.Benchmarks <benchmark> [options]");
return 2;
