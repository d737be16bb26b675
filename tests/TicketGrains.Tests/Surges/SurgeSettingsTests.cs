using TicketGrains.Api.Surges;
using TicketGrains.Api.Tickets;
using TicketGrains.Grains.Surges;
using Xunit;

namespace TicketGrains.Tests.Surges;

public sealed class SurgeSettingsTests
{
    [Fact]
    public void Everything_is_off_when_nothing_is_said()
    {
        var errors = new FieldErrors();
        var settings = SurgeSettingsValidator.Validate(new SurgeSettingsRequest(null, null, null, null), errors);

        Assert.False(errors.Any);
        Assert.Equal((false, false, 0, (string?)null), (settings.OpenProblemTicket, settings.NotifyCustomers, settings.Notice.Count, settings.SurgeQueue));
    }

    [Fact]
    public void Each_wrong_member_is_named()
    {
        var errors = new FieldErrors();
        SurgeSettingsValidator.Validate(new SurgeSettingsRequest(true, true, new() { ["fr"] = "Bonjour", ["zh"] = " " }, "surge queue!"), errors);

        Assert.Equal(["notice.fr", "notice.zh", "surgeQueue"], errors.ToDictionary().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Notifying_needs_a_text()
    {
        var errors = new FieldErrors();
        SurgeSettingsValidator.Validate(new SurgeSettingsRequest(false, true, null, "surge"), errors);

        Assert.Equal(["notice"], errors.ToDictionary().Keys);
    }

    [Theory]
    [InlineData("快递三天没动", "物流延迟，我们正在处理")]
    [InlineData("Where is my parcel", "Deliveries are delayed")]
    public void The_notice_is_in_the_language_the_customer_wrote(string subject, string expected)
    {
        var notice = new Dictionary<string, string> { ["zh"] = "物流延迟，我们正在处理", ["en"] = "Deliveries are delayed" };

        Assert.Equal(expected, SurgeSettings.NoticeFor(notice, subject));
        Assert.Equal("Deliveries are delayed", SurgeSettings.NoticeFor(new Dictionary<string, string> { ["en"] = "Deliveries are delayed" }, subject));
    }
}
