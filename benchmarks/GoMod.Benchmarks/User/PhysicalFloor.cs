using System.Buffers;
using System.Security.Cryptography;
using GoMod.Core.Zip;

namespace GoMod.Benchmarks.User;

/// <summary>
/// <c>floor --proxy DIR --out DIR [--parallel N]</c>: the least work any restore of those zips must do, one pass over
/// every zip under the proxy tree: each entry inflated once, its content SHA-256-hashed and written to a file under
/// <c>--out</c>, on all cores (one zip per worker). No checks, no renames, no network: the physical floor.
/// </summary>
public static class PhysicalFloor
{
    public static int Run(string[] args)
    {
        string proxy = "", output = "";
        int parallel = Environment.ProcessorCount;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--proxy": proxy = args[++i]; break;
                case "--out": output = args[++i]; break;
                case "--parallel": parallel = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                default: Console.Error.WriteLine($"floor: unknown argument {args[i]}"); return 2;
            }
        }
        if (proxy.Length == 0 || output.Length == 0)
        {
            Console.Error.WriteLine("usage: floor --proxy DIR --out DIR [--parallel N]");
            return 2;
        }
        var zips = Directory.EnumerateFiles(proxy, "*.zip", SearchOption.AllDirectories).OrderByDescending(f => new FileInfo(f).Length).ToList();
        long bytes = 0, files = 0;
        var n = 0;
        Parallel.ForEach(zips, new ParallelOptions { MaxDegreeOfParallelism = parallel }, zipPath =>
        {
            var root = Path.Combine(output, (Interlocked.Increment(ref n)).ToString(System.Globalization.CultureInfo.InvariantCulture));
            var buffer = ArrayPool<byte>.Shared.Rent(256 * 1024);
            try
            {
                using var zip = ZipReader.Open(zipPath);
                var dirs = new HashSet<string>(StringComparer.Ordinal);
                foreach (var e in zip.Entries)
                {
                    if (e.Name.EndsWith('/')) continue;
                    var target = Path.Combine(root, e.Name);
                    var dir = Path.GetDirectoryName(target)!;
                    if (dirs.Add(dir)) Directory.CreateDirectory(dir);
                    using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                    using (var input = zip.OpenEntry(e))
                    using (var outFile = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0))
                    {
                        int read;
                        while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
                        {
                            sha.AppendData(buffer, 0, read);
                            outFile.Write(buffer, 0, read);
                            Interlocked.Add(ref bytes, read);
                        }
                    }
                    sha.GetHashAndReset();
                    Interlocked.Increment(ref files);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        });
        Console.WriteLine($"floor: {zips.Count} zips, {files} files, {bytes / 1048576.0:F0} MiB written");
        return 0;
    }
}
