using GoMod.Core.Internal;
using GoMod.Testing;

namespace GoMod.Core.Tests.Internal;

/// <summary>
/// <see cref="PathStat"/> gives what <see cref="FileInfo"/> and <see cref="DirectoryInfo"/> give (the stores' stamps
/// written by earlier versions compare equal): size and time of a file, time of a directory, a symbolic link as .NET
/// describes it, null for a missing path or the wrong kind.
/// </summary>
public sealed class PathStatTests : IDisposable
{
    private readonly TempDirectory _dir = new("path-stat");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Files_and_directories_have_the_size_and_time_FileInfo_gives()
    {
        var file = _dir.Combine("a.ziphash");
        File.WriteAllText(file, "h1:" + new string('x', 44));
        // A time with sub-microsecond digits: the 100 ns truncation must match .NET's.
        File.SetLastWriteTimeUtc(file, new DateTime(2021, 3, 4, 5, 6, 7, DateTimeKind.Utc).AddTicks(1234567));
        var dir = _dir.Combine("tree");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "f.go"), "package f\n");

        PathStat.File(file).ShouldBe((new FileInfo(file).Length, new FileInfo(file).LastWriteTimeUtc.Ticks));
        PathStat.File(file)!.Value.Size.ShouldBe(47);
        PathStat.Directory(dir).ShouldBe(new DirectoryInfo(dir).LastWriteTimeUtc.Ticks);
        PathStat.Directory(file).ShouldBeNull();
        PathStat.File(dir).ShouldBeNull();
        PathStat.File(_dir.Combine("missing")).ShouldBeNull();
        PathStat.Directory(_dir.Combine("missing")).ShouldBeNull();
    }

    [Fact]
    public void A_symbolic_link_gives_what_FileInfo_gives()
    {
        if (OperatingSystem.IsWindows()) return;
        var target = _dir.Combine("target.mod");
        File.WriteAllText(target, "module example.com/t\n");
        File.SetLastWriteTimeUtc(target, new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc));
        var link = _dir.Combine("link.mod");
        File.CreateSymbolicLink(link, target);
        var dirLink = _dir.Combine("dirlink");
        Directory.CreateSymbolicLink(dirLink, _dir.Path);

        PathStat.File(link).ShouldBe((new FileInfo(link).Length, new FileInfo(link).LastWriteTimeUtc.Ticks));
        PathStat.Directory(dirLink).ShouldBe(new DirectoryInfo(dirLink).LastWriteTimeUtc.Ticks);
        File.Delete(target);
        PathStat.File(link).ShouldBe((new FileInfo(link).Length, new FileInfo(link).LastWriteTimeUtc.Ticks));
    }
}
