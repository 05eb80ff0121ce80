using GoMod.Testing;
using GoMod.Core.Restore;

namespace GoMod.Core.Tests.Restore;

/// <summary>
/// <see cref="RestoreCache.ReadInputsHash"/>: the recorded inputs hash from the file's first bytes, equal to what the
/// whole read gives, and null (read it whole) for anything it cannot vouch for.
/// </summary>
public sealed class RestoreCacheHashTests : IDisposable
{
    private readonly TempDirectory _dir = new("cache-hash");

    public void Dispose() => _dir.Dispose();

    private static RestoreCache Record(int modules) => new(new string('7', 64),
        [new RestoredModule("example.com/m", "", "/src", "", "", "", false, true),
         .. Enumerable.Range(0, modules).Select(i => new RestoredModule($"example.com/m{i:D5}", "v1.0.0", $"/mc/example.com/m{i:D5}@v1.0.0", "h1:z=", "h1:m=", "", true, false))],
        []);

    [Theory]
    [InlineData(0)]
    [InlineData(10_000)]
    public void The_hash_from_the_head_is_the_one_the_whole_read_gives(int modules)
    {
        var file = _dir.Combine("obj", "x.cache");
        Record(modules).Write(file);

        RestoreCache.ReadInputsHash(file).ShouldBe(RestoreCache.Read(file)!.InputsHash);
        RestoreCache.ReadInputsHash(file).ShouldBe(new string('7', 64));
    }

    [Fact]
    public void Anything_else_reads_as_unknown()
    {
        RestoreCache.ReadInputsHash(_dir.Combine("missing")).ShouldBeNull();
        RestoreCache.ReadInputsHash(_dir.Write("garbage", "{not json")).ShouldBeNull();
        RestoreCache.ReadInputsHash(_dir.Write("empty", "")).ShouldBeNull();
        RestoreCache.ReadInputsHash(_dir.Write("other", "{\"version\": 99, \"inputsHash\": \"x\", \"modules\": []}")).ShouldBeNull();
        RestoreCache.ReadInputsHash(_dir.Write("cut", $"{{\"version\": {RestoreCache.FormatVersion}, \"inputsHash\": \"abc")).ShouldBeNull();
        RestoreCache.ReadInputsHash(_dir.Write("reordered", $"{{\"modules\": [], \"version\": {RestoreCache.FormatVersion}, \"inputsHash\": \"x\"}}")).ShouldBeNull();
        RestoreCache.ReadInputsHash(_dir.Write("number", $"{{\"version\": {RestoreCache.FormatVersion}, \"inputsHash\": 5}}")).ShouldBeNull();
        RestoreCache.ReadInputsHash(_dir.Write("ok", $"{{\"version\": {RestoreCache.FormatVersion}, \"inputsHash\": \"x\"}}")).ShouldBe("x");
    }
}
