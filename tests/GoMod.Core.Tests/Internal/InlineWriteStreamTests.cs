using GoMod.Core.Internal;
using GoMod.Testing;

namespace GoMod.Core.Tests.Internal;

/// <summary>
/// A download is copied into its temporary file with inline writes: each asynchronous write is done on the calling
/// thread before it returns (no thread-pool hand-off), and the file holds exactly the bytes in order.
/// </summary>
public sealed class InlineWriteStreamTests
{
    [Fact]
    public async Task Asynchronous_writes_complete_before_returning_on_the_calling_thread()
    {
        using var tmp = new TempDirectory("inline");
        var path = tmp.Combine("f.tmp");
        var data = new byte[200_000];
        new Random(5).NextBytes(data);
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.ReadWrite, 1, FileOptions.Asynchronous))
        {
            var inline = new InlineWriteStream(file);
            for (var offset = 0; offset < data.Length; offset += 65536)
            {
                var write = inline.WriteAsync(data.AsMemory(offset, Math.Min(65536, data.Length - offset)));
                write.IsCompletedSuccessfully.ShouldBeTrue("written before WriteAsync returned");
                await write;
                file.Length.ShouldBe(Math.Min(offset + 65536, data.Length));
            }
            await inline.FlushAsync();
            using var cts = new CancellationTokenSource();
            await cts.CancelAsync();
            inline.WriteAsync(data.AsMemory(0, 10), cts.Token).IsCanceled.ShouldBeTrue();
            file.Length.ShouldBe(data.Length, "a cancelled write writes nothing");
        }
        File.ReadAllBytes(path).ShouldBe(data);
    }
}
