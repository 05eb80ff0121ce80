using GoMod.Testing;
using GoMod.Core.Zip;

namespace GoMod.Core.Tests.Zip;

/// <summary>
/// The file an extracted zip entry is written to: new, read-only, never created through an existing file or link, and
/// holding exactly the bytes written, whether it is a plain descriptor (Linux) or a FileStream (elsewhere).
/// </summary>
public sealed class ExtractedFileTests : IDisposable
{
    private readonly TempDirectory _dir = new("extracted-file");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_new_file_holds_the_bytes_written_in_pieces_and_is_read_only()
    {
        var path = _dir.Combine("a.go");
        var data = new byte[300_000];
        new Random(7).NextBytes(data);
        using (var file = ExtractedFile.Create(path))
        {
            file.Write(data.AsSpan(0, 1));
            file.Write(data.AsSpan(1, 150_000));
            file.Write(ReadOnlySpan<byte>.Empty);
            file.Write(data.AsSpan(150_001));
        }

        File.ReadAllBytes(path).ShouldBe(data);
        if (!OperatingSystem.IsWindows())
            (File.GetUnixFileMode(path) & (UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite | UnixFileMode.UserExecute))
                .ShouldBe(UnixFileMode.None);
    }

    [Fact]
    public void An_existing_file_is_refused_and_left_as_it_was()
    {
        var path = _dir.Combine("taken");
        File.WriteAllText(path, "before");

        Should.Throw<IOException>(() => ExtractedFile.Create(path));

        File.ReadAllText(path).ShouldBe("before");
    }

    [Fact]
    public void A_symbolic_link_in_the_way_is_refused_and_nothing_is_created_where_it_points()
    {
        if (OperatingSystem.IsWindows()) return; // links need privileges there
        var target = _dir.Combine("outside");
        var link = _dir.Combine("link");
        File.CreateSymbolicLink(link, target);

        Should.Throw<IOException>(() => ExtractedFile.Create(link));

        File.Exists(target).ShouldBeFalse();
    }

    [Fact]
    public void A_missing_directory_is_a_DirectoryNotFoundException()
    {
        Should.Throw<DirectoryNotFoundException>(() => ExtractedFile.Create(_dir.Combine("no", "such", "dir", "f")));
    }
}
