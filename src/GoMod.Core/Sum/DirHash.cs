using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using GoMod.Core.Internal;
using GoMod.Core.Zip;

namespace GoMod.Core.Sum;

/// <summary>
/// The <c>h1:</c> hash that go.sum and the checksum database record for a module's files: SHA-256 over a summary
/// that has, for each file name in byte order, <c>hex(sha256(content)) + "  " + name + "\n"</c>, printed as
/// <c>"h1:" + base64</c>. Everything here streams: a file's content is never held in memory.
/// </summary>
public static class DirHash
{
    /// <summary>The prefix that marks the only hash algorithm the go command knows.</summary>
    public const string Prefix = "h1:";

    private const int BufferSize = 256 * 1024;

    /// <summary>
    /// Hashes the files <paramref name="names"/>, reading each through <paramref name="open"/> (which the hash disposes).
    /// Names are sorted by their UTF-8 bytes, as Go's <c>sort.Strings</c> does; a name containing a newline is
    /// refused because the summary could not tell it apart from two lines.
    /// </summary>
    /// <exception cref="InvalidDataException">A name contains a newline.</exception>
    public static string Hash1(IEnumerable<string> names, Func<string, Stream> open, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(open);
        var sorted = names.ToList();
        sorted.Sort(GoString.CompareOrdinal);
        foreach (var name in sorted)
            if (name.Contains('\n')) throw NewlineInName();

        using var summary = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            foreach (var name in sorted)
            {
                byte[] digest;
                using (var content = open(name)) digest = HashContent(content, buffer, cancellationToken);
                AppendLine(summary, digest, Encoding.UTF8.GetBytes(name));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return Finish(summary);
    }

    /// <summary>
    /// Hashes the tree at <paramref name="dir"/> with each file named <c>prefix/relative/path</c> (Go's
    /// <c>dirhash.HashDir</c>; the prefix is normally <c>module@version</c>). Every non-directory counts, symbolic links
    /// included (their target's content is hashed, and a link to a directory fails as it does in Go); links to
    /// directories are not followed into.
    /// </summary>
    public static string HashDir(string dir, string prefix, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dir);
        ArgumentNullException.ThrowIfNull(prefix);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (relative, full) in WalkFiles(dir))
            files[GoPath.Join(prefix, relative)] = full;
        return Hash1(files.Keys, name => new FileStream(files[name], FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan), cancellationToken);
    }

    /// <summary>
    /// Hashes the entries of the zip file at <paramref name="zipPath"/> under their names in the zip (which for a
    /// module zip include the <c>module@version/</c> prefix); compression, order, timestamps and other metadata do not
    /// matter. Entries are read one at a time from the file and their content is checked against the declared size and
    /// CRC-32, as Go's reader does, so a corrupt or lying zip fails instead of hashing. Where several entries share a
    /// name, each copy is hashed with the content of the last one, as Go's name lookup does.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not a readable zip, an entry is corrupt, or a name has a newline.</exception>
    public static string HashZip(string zipPath, CancellationToken cancellationToken = default)
        => HashZip(zipPath, 1, cancellationToken); // one thread: on a shared machine a second costs more cpu than it saves (see benchmarks/README.md)

    /// <summary>As <see cref="HashZip(string, CancellationToken)"/>, hashing up to <paramref name="parallelism"/> entries at once.</summary>
    internal static string HashZip(string zipPath, int parallelism, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(zipPath);
        using var zip = ZipReader.Open(zipPath);
        var entries = zip.Entries;
        CheckNoNewlines(entries);
        // Where several entries share a name only the last one is hashed: sorted by name, then by position, the last
        // of each run of equal names.
        var order = SortedByName(entries);
        var toHashList = new List<int>(order.Length);
        for (var k = 0; k < order.Length; k++)
            if (k + 1 == order.Length || !entries.NameBytes(order[k]).SequenceEqual(entries.NameBytes(order[k + 1]))) toHashList.Add(order[k]);
        var toHash = toHashList.ToArray();
        Array.Sort(toHash); // file order keeps the reads sequential

        var digests = new byte[entries.Count * DigestLength];
        var hashed = new bool[entries.Count];
        if (parallelism <= 1 || toHash.Length < 2)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
            try
            {
                using var h = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                // In file order through one window: a read of the file serves many small entries.
                using var window = new ZipWindow(zip);
                foreach (var i in toHash)
                {
                    HashEntry(zip, entries[i], buffer, h, digests.AsSpan(i * DigestLength, DigestLength), cancellationToken, window);
                    hashed[i] = true;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        else
        {
            // Entries are independent: workers take the next entry in file order, each with its own buffer.
            var next = -1;
            var workers = Enumerable.Range(0, Math.Min(parallelism, toHash.Length)).Select(_ => Task.Run(() =>
            {
                var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
                try
                {
                    using var h = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                    int k;
                    while ((k = Interlocked.Increment(ref next)) < toHash.Length)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        var i = toHash[k];
                        HashEntry(zip, entries[i], buffer, h, digests.AsSpan(i * DigestLength, DigestLength), cancellationToken);
                        hashed[i] = true;
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }, cancellationToken)).ToArray();
            try
            {
                Task.WaitAll(workers, cancellationToken);
            }
            catch (AggregateException ae) when (ae.InnerExceptions.Count >= 1)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ae.InnerExceptions[0]).Throw();
                throw;
            }
        }

        return Summarize(entries, order, digests, hashed);
    }

    /// <summary>The length of a SHA-256 digest; digests of a zip's entries lie in one array, entry i's at <c>i * DigestLength</c>.</summary>
    internal const int DigestLength = 32;

    /// <summary>
    /// The h1 hash of a zip whose entries' content digests are known (<paramref name="digests"/>: entry i's 32 bytes at
    /// <c>i * 32</c>, present where <paramref name="hashed"/> is set; where several entries share a name, the last one's
    /// digest counts for each, as in <see cref="HashZip(string, CancellationToken)"/>).
    /// </summary>
    /// <exception cref="InvalidDataException">A name contains a newline.</exception>
    internal static string SummarizeZip(ZipDirectory entries, byte[] digests, bool[] hashed)
    {
        CheckNoNewlines(entries);
        return Summarize(entries, SortedByName(entries), digests, hashed);
    }

    private static void CheckNoNewlines(ZipDirectory entries)
    {
        for (var i = 0; i < entries.Count; i++)
            if (entries.NameBytes(i).Contains((byte)'\n')) throw NewlineInName();
    }

    /// <summary>Entry indices by name bytes, equal names by position (a stable order, so a run's last is the zip's last).</summary>
    private static int[] SortedByName(ZipDirectory entries)
    {
        var order = new int[entries.Count];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (a, b) => entries.NameBytes(a).SequenceCompareTo(entries.NameBytes(b)) is var c and not 0 ? c : a.CompareTo(b));
        return order;
    }

    private static string Summarize(ZipDirectory entries, int[] order, byte[] digests, bool[] hashed)
    {
        // Sorted by name, entries sharing a name are adjacent: each line of such a run takes the digest of the run's
        // last entry in the zip (its highest index). No per-entry key strings: a zip's names are hashed as they are.
        using var summary = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        for (var start = 0; start < order.Length;)
        {
            var end = start + 1;
            while (end < order.Length && entries.NameBytes(order[end]).SequenceEqual(entries.NameBytes(order[start]))) end++;
            var last = order[end - 1];
            if (!hashed[last]) throw new InvalidOperationException($"no digest for {entries[last].Name}");
            var digest = digests.AsSpan(last * DigestLength, DigestLength);
            for (; start < end; start++) AppendLine(summary, digest, entries.NameBytes(order[start]));
        }
        return Finish(summary);
    }

    /// <summary>The hash of a go.mod file alone: a one-file tree whose only name is <c>go.mod</c> (go.sum's <c>/go.mod</c> lines).</summary>
    public static string HashGoMod(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        // One-shot hashes over a stack buffer (no hash objects): the graph of a large build list hashes thousands of go.mod files.
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(content, digest);
        Span<byte> line = stackalloc byte[64 + 2 + 6 + 1];
        for (var i = 0; i < 32; i++)
        {
            line[2 * i] = (byte)"0123456789abcdef"[digest[i] >> 4];
            line[2 * i + 1] = (byte)"0123456789abcdef"[digest[i] & 15];
        }
        "  go.mod\n"u8.CopyTo(line[64..]);
        SHA256.HashData(line, digest);
        return Prefix + Convert.ToBase64String(digest);
    }

    /// <summary>The hash of a go.mod file read from <paramref name="content"/> (left open), as <see cref="HashGoMod(byte[])"/>.</summary>
    public static string HashGoMod(Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            using var summary = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            AppendLine(summary, HashContent(content, buffer, cancellationToken), "go.mod"u8);
            return Finish(summary);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void HashEntry(ZipReader zip, ZipEntry entry, byte[] buffer, IncrementalHash h, Span<byte> digest, CancellationToken cancellationToken,
        ZipWindow? window = null)
    {
        using var content = zip.OpenEntry(entry, window);
        int n;
        while ((n = content.Read(buffer, 0, buffer.Length)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            h.AppendData(buffer, 0, n);
        }
        h.GetHashAndReset(digest);
    }

    private static byte[] HashContent(Stream content, byte[] buffer, CancellationToken cancellationToken)
    {
        using var h = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        int n;
        while ((n = content.Read(buffer, 0, buffer.Length)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            h.AppendData(buffer, 0, n);
        }
        return h.GetHashAndReset();
    }

    private static void AppendLine(IncrementalHash summary, ReadOnlySpan<byte> digest, ReadOnlySpan<byte> name)
    {
        Span<byte> hex = stackalloc byte[64 + 2];
        for (var i = 0; i < 32; i++)
        {
            hex[2 * i] = (byte)"0123456789abcdef"[digest[i] >> 4];
            hex[2 * i + 1] = (byte)"0123456789abcdef"[digest[i] & 15];
        }
        hex[64] = (byte)' ';
        hex[65] = (byte)' ';
        summary.AppendData(hex);
        summary.AppendData(name);
        summary.AppendData("\n"u8);
    }

    private static string Finish(IncrementalHash summary) => Prefix + Convert.ToBase64String(summary.GetHashAndReset());

    private static InvalidDataException NewlineInName() => new("dirhash: filenames with newlines are not supported");

    /// <summary>
    /// Files of a tree the way Go's <c>filepath.Walk</c> sees them: by <c>lstat</c>, so a symbolic link is a file
    /// (never descended into) and everything that is not a directory counts. Paths are slash-separated and relative.
    /// </summary>
    internal static IEnumerable<(string Relative, string Full)> WalkFiles(string dir)
    {
        var root = new DirectoryInfo(dir);
        if (!root.Exists) throw new DirectoryNotFoundException($"lstat {dir}: no such file or directory");
        var stack = new Stack<(DirectoryInfo Dir, string Relative)>();
        stack.Push((root, ""));
        while (stack.Count > 0)
        {
            var (d, rel) = stack.Pop();
            foreach (var info in d.EnumerateFileSystemInfos())
            {
                var childRel = rel.Length == 0 ? info.Name : rel + "/" + info.Name;
                if (info is DirectoryInfo && (info.Attributes & FileAttributes.ReparsePoint) == 0) stack.Push(((DirectoryInfo)info, childRel));
                else yield return (childRel, info.FullName);
            }
        }
    }
}
