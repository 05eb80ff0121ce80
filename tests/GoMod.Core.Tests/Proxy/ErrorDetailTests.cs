using System.Text;
using GoMod.Core.Proxy;

namespace GoMod.Core.Tests.Proxy;

public class ErrorDetailTests
{
    [Fact]
    public void Detail_is_the_first_paragraph_only() =>
        ErrorDetail.Format("line one\nline two\n\nhidden\n"u8).ShouldBe("line one\n\tline two");

    [Fact]
    public void Detail_is_cut_after_eight_lines()
    {
        var body = string.Concat(Enumerable.Range(1, 12).Select(i => $"l{i}\n"));
        ErrorDetail.Format(Encoding.UTF8.GetBytes(body))
            .ShouldBe("l1\n\tl2\n\tl3\n\tl4\n\tl5\n\tl6\n\tl7\n\tl8\n\t[Truncated: too many lines.]");
    }

    [Fact]
    public void Detail_is_cut_before_exceeding_648_bytes()
    {
        var body = new string('a', 600) + "\n" + new string('b', 100) + "\n";
        ErrorDetail.Format(Encoding.UTF8.GetBytes(body)).ShouldBe(new string('a', 600) + "\n\t[Truncated: too long.]");
    }

    [Fact]
    public void Detail_is_dropped_for_invalid_utf8_or_control_characters()
    {
        ErrorDetail.Format([0x66, 0xff, 0x0a]).ShouldBe("");
        ErrorDetail.Format("evil \u001b[2J terminal\n"u8).ShouldBe("");
    }

    [Theory]
    [InlineData("text/plain", "utf-8", true)]
    [InlineData("text/plain", null, true)]
    [InlineData("TEXT/PLAIN", "US-ASCII", true)]
    [InlineData("text/plain", "latin1", false)]
    [InlineData("text/html", "utf-8", false)]
    [InlineData(null, null, false)]
    public void Only_plain_text_in_utf8_or_ascii_is_shown(string? mediaType, string? charset, bool shown) =>
        ErrorDetail.IsShowable(mediaType, charset).ShouldBe(shown);

    [Fact]
    public void Message_puts_a_one_line_detail_on_the_same_line_and_indents_a_longer_one()
    {
        ErrorDetail.Message("http://p/x", "404 Not Found", "").ShouldBe("reading http://p/x: 404 Not Found");
        ErrorDetail.Message("http://p/x", "404 Not Found", "gone").ShouldBe("reading http://p/x: 404 Not Found\n\tserver response: gone");
        ErrorDetail.Message("http://p/x", "404 Not Found", "a\n\tb").ShouldBe("reading http://p/x: 404 Not Found\n\tserver response:\n\ta\n\tb");
    }
}
