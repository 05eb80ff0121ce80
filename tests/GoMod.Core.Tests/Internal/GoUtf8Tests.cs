using System.Text;
using GoMod.Core.Internal;

namespace GoMod.Core.Tests.Internal;

/// <summary>Reading text as go does: invalid UTF-8 bytes survive decoding, quoting shows them as go's %q, encoding restores them.</summary>
public class GoUtf8Tests
{
    public static TheoryData<byte[]> Samples => new()
    {
        Encoding.UTF8.GetBytes("module example.com/m\n"),
        new byte[] { 0x61, 0xff, 0xfe, 0x62 },
        new byte[] { 0xe2, 0x82, 0x41 }, // a truncated 3-byte sequence: two invalid bytes, as go's DecodeRune sees them
        new byte[] { 0xed, 0xa0, 0x80 }, // an encoded surrogate is invalid UTF-8 in go too
        new byte[] { 0xc0, 0xaf }, // overlong
        new byte[] { 0xf0, 0x90, 0x82, 0x80, 0xff }, // U+10080, whose low surrogate lies in the escape range, then an invalid byte
        new byte[] { 0x80 },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Decoding_then_encoding_gives_back_every_byte(byte[] data) =>
        GoUtf8.Encode(GoUtf8.Decode(data)).ShouldBe(data);

    [Fact]
    public void Each_invalid_byte_is_one_rune_and_quotes_as_go_quotes_it()
    {
        var s = GoUtf8.Decode([0x6d, 0xe2, 0x82, 0x41, 0xff]);
        s.Length.ShouldBe(5);
        GoUtf8.HasInvalidBytes(s).ShouldBeTrue();
        GoString.Quote(s).ShouldBe("\"m\\xe2\\x82A\\xff\"");
    }

    [Fact]
    public void Valid_text_including_astral_runes_has_no_invalid_bytes()
    {
        var s = GoUtf8.Decode([0xf0, 0x90, 0x82, 0x80, 0x41]);
        s.ShouldBe("\U00010080A");
        GoUtf8.HasInvalidBytes(s).ShouldBeFalse();
    }
}
