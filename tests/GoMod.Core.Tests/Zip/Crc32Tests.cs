using GoMod.Core.Zip;

namespace GoMod.Core.Tests.Zip;

public class Crc32Tests
{
    [Fact]
    public void Crc32_of_the_standard_check_string_is_cbf43926()
    {
        Crc32.Update(0, "123456789"u8).ShouldBe(0xCBF43926u);
    }

    [Fact]
    public void Crc32_agrees_with_the_bitwise_definition_for_every_length_and_alignment()
    {
        var rng = new Random(42);
        var data = new byte[5000];
        rng.NextBytes(data);
        for (var length = 0; length <= 600; length++)
        {
            var offset = length % 7;
            var slice = data.AsSpan(offset, length);
            Crc32.Update(0, slice).ShouldBe(RawZip.Crc32(slice), $"length {length}");
        }
        Crc32.Update(0, data).ShouldBe(RawZip.Crc32(data));
    }

    [Fact]
    public void Crc32_can_be_continued_across_chunks()
    {
        var data = new byte[1 << 20];
        new Random(7).NextBytes(data);
        uint crc = 0;
        for (var i = 0; i < data.Length; i += 4099) crc = Crc32.Update(crc, data.AsSpan(i, Math.Min(4099, data.Length - i)));
        crc.ShouldBe(RawZip.Crc32(data));
    }
}
