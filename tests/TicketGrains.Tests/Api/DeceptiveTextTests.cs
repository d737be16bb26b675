using TicketGrains.Api.Tickets;
using Xunit;

namespace TicketGrains.Tests.Api;

public sealed class DeceptiveTextTests
{
    [Theory]
    [InlineData("invoice\u202Egpj.exe")]
    [InlineData("left\u202Aembedding")]
    [InlineData("isolate\u2066x\u2069")]
    [InlineData("noncharacter\uFFFF")]
    [InlineData("noncharacter\uFDD0")]
    public void Direction_overrides_and_noncharacters_are_refused(string subject) => AssertRefused(subject);

    [Fact]
    public void Unpaired_surrogates_are_refused()
    {
        // Built here: test discovery would repair them in attribute data.
        AssertRefused("broken" + (char)0xD800);
        AssertRefused((char)0xDC00 + "broken");
        AssertRefused("reversed" + (char)0xDC00 + (char)0xD800 + "pair");
        AssertRefused("high then text" + (char)0xD800 + "x");
    }

    [Theory]
    [InlineData("包裹三天没动了 \U0001F4E6")]
    [InlineData("\u0645\u0631\u062D\u0628\u0627\u200F order 42")]
    [InlineData("family \U0001F468\u200D\U0001F469\u200D\U0001F467")]
    [InlineData("' OR '1'='1 <script>alert(1)</script>")]
    public void Real_text_in_any_script_with_marks_and_emoji_is_accepted(string subject)
    {
        var errors = new FieldErrors();

        Assert.NotNull(CreateTicketValidator.Validate(Requests.Valid with { Subject = subject }, errors));
        Assert.False(errors.Any);
    }

    private static void AssertRefused(string subject)
    {
        var errors = new FieldErrors();

        CreateTicketValidator.Validate(Requests.Valid with { Subject = subject }, errors);

        Assert.Equal(["'subject' contains direction overrides, unpaired surrogates or noncharacters."], errors.ToDictionary()["subject"]);
    }
}
