using TicketGrains.Grains.ReadModel;
using Xunit;

namespace TicketGrains.Tests.Domain;

public sealed class TicketCursorTests
{
    private static readonly TicketCursor Cursor = new(
        new DateTimeOffset(2025, 3, 3, 9, 30, 15, 123, TimeSpan.Zero).AddTicks(4567),
        Guid.Parse("01959a3c-7e2f-7abc-8def-0123456789ab"));

    [Fact]
    public void Encoded_cursor_is_32_url_safe_characters()
    {
        var text = Cursor.Encode();

        Assert.Equal(32, text.Length);
        Assert.All(text, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_', $"'{c}' is not base64url"));
    }

    [Fact]
    public void Cursor_round_trips()
    {
        Assert.True(TicketCursor.TryDecode(Cursor.Encode(), out var decoded));
        Assert.Equal(Cursor, decoded);
    }

    [Fact]
    public void Cursor_of_a_local_time_decodes_to_the_same_instant_in_utc()
    {
        var local = Cursor with { CreatedAt = Cursor.CreatedAt.ToOffset(TimeSpan.FromHours(8)) };

        Assert.True(TicketCursor.TryDecode(local.Encode(), out var decoded));
        Assert.Equal((Cursor.CreatedAt.UtcTicks, TimeSpan.Zero, Cursor.TicketId), (decoded!.CreatedAt.UtcTicks, decoded.CreatedAt.Offset, decoded.TicketId));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==")]
    [InlineData("________________________________")]
    public void Garbage_is_rejected(string text)
    {
        Assert.False(TicketCursor.TryDecode(text, out var decoded));
        Assert.Null(decoded);
    }
}
