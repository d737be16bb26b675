using System.Text.Json;
using TicketGrains.Grains.Channels;
using Xunit;

namespace TicketGrains.Tests.Channels;

public sealed class ThreadingRuleReaderTests
{
    [Fact]
    public void A_full_document_is_read()
    {
        var rule = Read("""{"windowHours": 24, "joinOn": ["order"], "orderPattern": "SO-[0-9]+"}""", out var errors);

        Assert.Empty(errors);
        Assert.Equal((24, "SO-[0-9]+"), (rule!.WindowHours, rule.OrderPattern));
        Assert.Equal(["order"], rule.JoinOn);
        Assert.Equal("SO-77", rule.OrderNumberIn("about SO-77 again"));
    }

    [Fact]
    public void Members_left_out_keep_the_defaults()
    {
        var rule = Read("""{"windowHours": 6}""", out _);

        Assert.Equal(ThreadingRule.Default with { WindowHours = 6 }, rule);
    }

    [Fact]
    public void Every_wrong_member_is_named_by_its_path()
    {
        var rule = Read("""{"windowHours": 0, "joinOn": ["thread", "thread"], "orderPattern": "(", "colour": "red"}""", out var errors);

        Assert.Null(rule);
        Assert.Equal(
            ["settings.threading.windowHours", "settings.threading.joinOn", "settings.threading.orderPattern", "settings.threading.colour"],
            errors.Select(e => e.Field));
    }

    [Fact]
    public void A_threading_value_that_is_not_an_object_is_refused()
    {
        Assert.Null(Read("72", out var errors));
        Assert.Equal("settings.threading", Assert.Single(errors).Field);
    }

    [Fact]
    public void No_stored_document_means_the_default_rule() => Assert.Same(ThreadingRule.Default, ThreadingRuleReader.Stored(null));

    private static ThreadingRule? Read(string json, out List<(string Field, string Message)> errors)
    {
        var found = new List<(string, string)>();
        using var document = JsonDocument.Parse(json);
        var rule = ThreadingRuleReader.Read(document.RootElement, (field, message) => found.Add((field, message)));
        errors = found;
        return rule;
    }
}
