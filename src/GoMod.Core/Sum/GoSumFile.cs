using System.Text;
using GoMod.Core.Internal;
using GoMod.Core.Module;

namespace GoMod.Core.Sum;

/// <summary>
/// A go.sum file: hashes keyed by <c>(module path, version)</c>, where a version ending in <c>/go.mod</c> keys the hash
/// of the module's go.mod file alone. A key may hold several hashes (other algorithms, or lines merged from several
/// writers). <see cref="Format"/> writes exactly what the go command writes.
/// </summary>
public sealed class GoSumFile
{
    /// <summary>
    /// The hash of a one-file tree holding an empty go.mod. An old bug wrote it into go.sum files for non-modules;
    /// the go command drops it when reading, and so do we.
    /// </summary>
    public const string EmptyGoModHash = "h1:G7mAYYxgmS0lVkHyy2hEOLQCFB0DlQFTMLWggykrydY=";

    private const string GoModSuffix = "/go.mod";

    private readonly Dictionary<(string Path, string Version), List<string>> _sums;

    /// <summary>Creates an empty file (what a missing go.sum reads as).</summary>
    public GoSumFile(string fileName = "go.sum") : this(fileName, 0)
    {
    }

    private GoSumFile(string fileName, int capacity)
    {
        FileName = fileName;
        _sums = new Dictionary<(string Path, string Version), List<string>>(capacity);
    }

    /// <summary>The name used in error messages.</summary>
    public string FileName { get; }

    /// <summary>The number of <c>(path, version)</c> keys with at least one hash.</summary>
    public int Count => _sums.Count;

    /// <summary>
    /// Parses go.sum text with the go command's rules: lines are split on <c>\n</c>, fields on any Unicode white space;
    /// blank lines are skipped; every other line needs exactly three fields; the known-bad empty go.mod hash is dropped.
    /// </summary>
    /// <exception cref="GoSumParseException">A line has the wrong number of fields (go's message, with file:line).</exception>
    public static GoSumFile Parse(string fileName, string text)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(text);
        // One key per line is typical (a version's zip and /go.mod lines are two keys): sized once, never rehashed.
        var sum = new GoSumFile(fileName, text.AsSpan().Count('\n') + 1);
        GoSumParser.ParseInto(sum, fileName, text);
        return sum;
    }

    /// <summary>
    /// Parses go.sum from its bytes as go reads them: invalid UTF-8 is not an error (go ignores lines it never looks
    /// up), and an invalid byte is kept as itself (see <see cref="GoUtf8"/>), so a line holding one never matches a
    /// valid module path and <see cref="FormatBytes"/> writes it back unchanged.
    /// </summary>
    /// <exception cref="GoSumParseException">A line has the wrong number of fields.</exception>
    public static GoSumFile ParseBytes(string fileName, ReadOnlySpan<byte> data) => Parse(fileName, GoUtf8.Decode(data));

    /// <summary><see cref="Format"/> as bytes, with any invalid byte read by <see cref="ParseBytes"/> written back as it was.</summary>
    public byte[] FormatBytes() => GoUtf8.Encode(Format());

    /// <summary>Reads go.sum from disk; a missing file reads as empty, as in the go command.</summary>
    public static async Task<GoSumFile> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        byte[] data;
        try
        {
            data = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return new GoSumFile(path);
        }
        return ParseBytes(path, data);
    }

    /// <summary>
    /// The hashes recorded for <paramref name="path"/> at <paramref name="version"/> (append <c>/go.mod</c> for the
    /// go.mod hash), in the order read or added; empty when none.
    /// </summary>
    public IReadOnlyList<string> Lookup(string path, string version)
        => _sums.TryGetValue((path, version), out var list) ? list.ToArray() : [];

    /// <summary>
    /// The hashes recorded for the key, without a copy (empty when none): for a caller that reads them at once and
    /// holds no reference while the file may change (<see cref="GoSumChecker"/>, under its lock).
    /// </summary>
    internal ReadOnlySpan<string> HashesOf(string path, string version)
        => _sums.TryGetValue((path, version), out var list) ? System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list) : [];

    /// <summary>A line just read (<see cref="GoSumParser"/>): no field checks, repeats kept as the file has them.</summary>
    internal void AddRead(string path, string version, string hash) => GetOrAdd(path, version).Add(hash);

    /// <summary>Whether exactly this hash is recorded for the key.</summary>
    public bool Contains(string path, string version, string hash)
        => _sums.TryGetValue((path, version), out var list) && list.Contains(hash);

    /// <summary>
    /// Checks a downloaded hash against go.sum as the go command does before trusting a download: true if it is
    /// listed; false if the key has no <c>h1:</c> hash (the caller may then add it); a different <c>h1:</c> hash is a
    /// security error.
    /// </summary>
    /// <exception cref="ChecksumMismatchException">go.sum records another h1 hash for the key.</exception>
    public bool Verify(string path, string version, string hash)
    {
        if (!_sums.TryGetValue((path, version), out var list)) return false;
        foreach (var recorded in list)
        {
            if (recorded == hash) return true;
            if (recorded.StartsWith(DirHash.Prefix, StringComparison.Ordinal))
                throw new ChecksumMismatchException(path, version, hash, recorded, Path.GetFileName(FileName) is "go.work.sum" ? "go.work.sum" : "go.sum");
        }
        return false;
    }

    /// <summary>Records a hash; returns false when it was already there (a key never holds the same hash twice).</summary>
    public bool Add(string path, string version, string hash)
    {
        CheckField(path, nameof(path));
        CheckField(version, nameof(version));
        CheckField(hash, nameof(hash));
        var list = GetOrAdd(path, version);
        if (list.Contains(hash)) return false;
        list.Add(hash);
        return true;
    }

    /// <summary>Removes every hash of the key; returns whether there was any.</summary>
    public bool Remove(string path, string version) => _sums.Remove((path, version));

    /// <summary>Removes one hash of the key; returns whether it was there.</summary>
    public bool Remove(string path, string version, string hash)
    {
        if (!_sums.TryGetValue((path, version), out var list) || !list.Remove(hash)) return false;
        if (list.Count == 0) _sums.Remove((path, version));
        return true;
    }

    /// <summary>
    /// Every line in the order the go command writes them: keys by Go's <c>module.Sort</c> (path, then the version by
    /// semver, then the <c>/go.mod</c> suffix after the bare version), each key's hashes sorted and without repeats.
    /// </summary>
    public IEnumerable<GoSumLine> Lines
    {
        get
        {
            var keys = _sums.Keys.Select(k => new ModuleVersion(k.Path, k.Version)).ToList();
            keys.Sort(ModuleVersion.SortOrder);
            foreach (var key in keys)
            {
                var hashes = _sums[(key.Path, key.Version)].Distinct(StringComparer.Ordinal).ToList();
                hashes.Sort(GoString.CompareOrdinal);
                foreach (var h in hashes) yield return new GoSumLine(key.Path, key.Version, h);
            }
        }
    }

    /// <summary>The file's bytes as the go command writes go.sum: one <c>path version hash\n</c> line per hash, in <see cref="Lines"/> order.</summary>
    public string Format()
    {
        var sb = new StringBuilder();
        foreach (var line in Lines) sb.Append(line.Path).Append(' ').Append(line.Version).Append(' ').Append(line.Hash).Append('\n');
        return sb.ToString();
    }

    /// <summary>
    /// Writes <see cref="Format"/> to <paramref name="path"/> as go writes go.sum (<c>lockedfile.Transform</c>): in place,
    /// under go's lock on the file, so a go command waiting on that lock never reads a stale copy.
    /// </summary>
    public Task WriteAsync(string path, CancellationToken cancellationToken = default) =>
        FileLock.TransformAsync(System.IO.Path.GetFullPath(path), _ => FormatBytes(), cancellationToken);

    private List<string> GetOrAdd(string path, string version)
    {
        ref var list = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_sums, (path, version), out _);
        return list ??= new List<string>(1);
    }

    private static void CheckField(string value, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, name);
        foreach (var c in value)
            if (GoSumParser.IsGoSpace(c)) throw new ArgumentException($"go.sum fields cannot contain white space: {value}", name);
    }
}
