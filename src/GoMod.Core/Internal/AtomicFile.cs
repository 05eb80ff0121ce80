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
    /// (a stamp must be newer than its inputs without its bytes changing). With <paramref name="afterPreviousWriteTime"/>,
    /// changed bytes replacing an existing file get a write time 1 ms after the replaced file's (never later than now)
    /// instead of the current time: a file whose readers notice a change by a different write time, but which must not
    /// become the newest input of what was built from it before (see <see cref="AfterPrevious"/>).
    /// </summary>
    public static bool WriteIfChanged(string path, byte[] bytes, bool touchIfUnchanged = false, bool afterPreviousWriteTime = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(bytes);
        DateTime? previous = null;
        if (File.Exists(path))
        {
            var info = new FileInfo(path);
            if (info.Length == bytes.Length && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
            {
                if (touchIfUnchanged) File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
                return false;
            }
            if (afterPreviousWriteTime) previous = info.LastWriteTimeUtc;
        }
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        try
        {
            File.WriteAllBytes(temp, bytes);
            // Set before the rename: the file never appears with the current time.
            if (previous is { } replaced) File.SetLastWriteTimeUtc(temp, AfterPrevious(replaced, DateTime.UtcNow));
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
        return true;
    }

    /// <summary>
    /// The write time for a file that replaces one written at <paramref name="replaced"/>: 1 ms later (a different time,
    /// so a cache that compares write times reads it again), but not after <paramref name="now"/>. The restore's g.props
    /// is written this way: MSBuild makes the newest of a project's imports an input of CoreCompile and every other
    /// target that lists $(MSBuildAllProjects), so a g.props written at the current time after a go.mod edit rebuilt the
    /// whole C# project (1.7 s of Csc for a console app), although no C# input changed.
    /// </summary>
    internal static DateTime AfterPrevious(DateTime replaced, DateTime now)
    {
        var next = replaced.AddMilliseconds(1);
        return next < now ? next : now;
    }
}
