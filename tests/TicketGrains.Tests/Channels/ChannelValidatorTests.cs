using System.Text.Json;
using TicketGrains.Api.Channels;
using TicketGrains.Api.Channels.App;
using TicketGrains.Api.Channels.Inbound;
using TicketGrains.Api.Tickets;
using Xunit;

namespace TicketGrains.Tests.Channels;

public sealed class ChannelValidatorTests
{
    private readonly ChannelAdapters _adapters = new([new AppChannelAdapter(AppChannelAdapter.App)], Array.Empty<IMessagePuller>());

    [Fact]
    public void A_valid_channel_keeps_its_settings_and_its_threading_document_apart()
    {
        var valid = Validate("app", "Shop app", """{"secret": "s3", "threading": {"windowHours": 24}}""", out var errors);

        Assert.False(errors.Any);
        Assert.Equal(("app", "Shop app"), (valid!.Type, valid.Name));
        Assert.Equal(new Dictionary<string, string> { ["secret"] = "s3" }, valid.Settings);
        Assert.Equal("""{"windowHours": 24}""", valid.ThreadingJson);
    }

    [Fact]
    public void A_setting_the_adapter_requires_is_named_when_missing()
    {
        Assert.Null(Validate("app", "Shop app", """{"token": "t"}""", out var errors));

        Assert.Equal(["settings.secret"], errors.ToDictionary().Keys);
    }

    [Fact]
    public void A_type_without_an_adapter_yet_requires_no_setting()
    {
        Assert.NotNull(Validate("web", "Widget", "{}", out var errors));
        Assert.False(errors.Any);
    }

    [Fact]
    public void Every_wrong_part_is_named()
    {
        Assert.Null(Validate("fax", "", """{"secret": 5, "Bad-Name": "x", "threading": {"windowHours": -1}}""", out var errors));

        Assert.Equal(
            new[] { "name", "settings.Bad-Name", "settings.secret", "settings.threading.windowHours", "type" },
            errors.ToDictionary().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Settings_are_required()
    {
        Assert.Null(Validate("app", "Shop app", null, out var errors));
        Assert.Equal(["settings"], errors.ToDictionary().Keys);
    }

    private ValidChannel? Validate(string type, string name, string? settings, out FieldErrors errors)
    {
        errors = new FieldErrors();
        JsonElement? element = settings is null ? null : JsonDocument.Parse(settings).RootElement.Clone();
        return ChannelValidator.Validate(new ChannelRequest(type, name, element), _adapters, errors);
    }
}
