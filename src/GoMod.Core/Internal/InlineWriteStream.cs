namespace GoMod.Core.Internal;

/// <summary>
/// A write-only view of a file that performs asynchronous writes inline, as plain blocking writes on the calling thread.
/// On Unix, .NET runs every asynchronous file write as a thread-pool work item (there is no asynchronous file I/O), so
/// copying a download into a file in 64 KiB pieces cost two thread hand-offs a piece, and idle pool threads spin between
/// them; a write into the page cache is short, and go writes the same way (a blocking write per piece). Position,
/// length and flushing are the inner file's; disposing this view leaves the file open.
/// </summary>
internal sealed class InlineWriteStream(FileStream file) : Stream
{
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested) return ValueTask.FromCanceled(cancellationToken);
        file.Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => file.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> buffer) => file.Write(buffer);

    public override void Flush() => file.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested) return Task.FromCanceled(cancellationToken);
        file.Flush();
        return Task.CompletedTask;
    }

    public override bool CanRead => false;
    public override bool CanSeek => file.CanSeek;
    public override bool CanWrite => true;
    public override long Length => file.Length;
    public override long Position { get => file.Position; set => file.Position = value; }
    public override long Seek(long offset, SeekOrigin origin) => file.Seek(offset, origin);
    public override void SetLength(long value) => file.SetLength(value);
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
