namespace GoMod.Core.Internal;

/// <summary>
/// Writes outputs so that nothing is ever half-written (temp file + rename) and unchanged bytes are never rewritten,
/// so IDE file watchers and incremental builds see a change only when there is one.
/// </summary>
public static class AtomicFile
{
    /// <summary>
    /// Writes <paramref name="bytes"/> to <paramref name="path"/> unless it already holds exactly them. Returns true when it
    /// wrote. With <paramref name="touchIfUnchanged"/>, an unchanged file still gets the current time as its write time
    /// (a stamp must be newer than its inputs without its bytes changing).
    /// </summary>
    public static bool WriteIfChanged(string path, byte[] bytes, bool touchIfUnchanged = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(bytes);
        if (File.Exists(path))
        {
            var info = new FileInfo(path);
            if (info.Length == bytes.Length && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
            {
                if (touchIfUnchanged) File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
                return false;
            }
        }
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        try
        {
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
        return true;
    }
}
