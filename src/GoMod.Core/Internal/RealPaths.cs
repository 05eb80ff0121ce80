namespace GoMod.Core.Internal;

/// <summary>Paths with their symbolic links resolved (<c>realpath</c>), for comparing where two paths really are.</summary>
internal static class RealPaths
{
    /// <summary>
    /// <paramref name="path"/> made absolute with its symbolic links resolved as far as it exists (the rest, not created
    /// yet, appended as written); on Windows only made absolute.
    /// </summary>
    public static string Of(string path)
    {
        var full = Path.GetFullPath(path);
        if (OperatingSystem.IsWindows()) return full;
        var rest = new Stack<string>();
        for (var p = full; ;)
        {
            var resolved = Libc.realpath(p, 0);
            if (resolved != 0)
            {
                try
                {
                    return rest.Aggregate(System.Runtime.InteropServices.Marshal.PtrToStringUTF8(resolved)!, Path.Combine);
                }
                finally
                {
                    Libc.free(resolved);
                }
            }
            if (Path.GetDirectoryName(p) is not { } parent) return full;
            rest.Push(Path.GetFileName(p));
            p = parent;
        }
    }
}
