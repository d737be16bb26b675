using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.Sla;
using Xunit;

namespace TicketGrains.Tests.Sla;

public sealed class SlaDocumentRulesTests
{
    [Fact]
    public void A_valid_policy_and_calendar_have_no_problems()
    {
        Assert.Empty(SlaDocumentRules.Check(SlaPlans.Calendar));
        Assert.Empty(SlaDocumentRules.Check(new SlaPolicyDocument
        {
            Calendar = "office",
            WarnBeforeSeconds = 300,
            Conditions = new SlaConditions { Tier = ["vip"] },
            Targets = [new SlaTarget { Metric = SlaMetrics.AgentWork, Priority = "high", Seconds = 7200, BusinessHours = true }],
            Escalation = new SlaEscalation { RaisePriority = true, Queue = "escalations", Notify = "lead-1", Webhook = "https://ops.example.com/sla" },
        }));
    }

    [Fact]
    public void Each_bad_clause_of_a_policy_is_named_by_json_pointer()
    {
        var problems = SlaDocumentRules.Check(new SlaPolicyDocument
        {
            Conditions = new SlaConditions { Tier = ["vip", "platinum"] },
            WarnBeforeSeconds = 0,
            Targets =
            [
                new SlaTarget { Metric = SlaMetrics.FirstReply, Seconds = 60 },
                new SlaTarget { Metric = "first_response", Priority = "asap", Seconds = 0, BusinessHours = true },
                new SlaTarget { Metric = SlaMetrics.FirstReply, Seconds = 90 },
            ],
            Escalation = new SlaEscalation { Webhook = "ftp://example.com", Queue = "Escalations!" },
        });

        Assert.Equal(
            ["/conditions/tier/1", "/warnBeforeSeconds", "/targets/1/metric", "/targets/1/priority", "/targets/1/seconds", "/targets/1/businessHours",
                "/targets/2", "/escalation/webhook", "/escalation/queue"],
            problems.Select(p => p.Pointer));
    }

    [Fact]
    public void A_policy_without_targets_is_refused() =>
        Assert.Equal(["/targets"], SlaDocumentRules.Check(new SlaPolicyDocument()).Select(p => p.Pointer));

    [Fact]
    public void Each_bad_clause_of_a_calendar_is_named_by_json_pointer()
    {
        var problems = SlaDocumentRules.Check(new CalendarDocument
        {
            TimeZone = "Mars/Olympus",
            WeeklyHours =
            [
                new WorkingHours { Day = "monday", Start = "09:00", End = "18:00" },
                new WorkingHours { Day = "monday", Start = "17:00", End = "20:00" },
                new WorkingHours { Day = "funday", Start = "9am", End = "25:00" },
            ],
            Holidays = ["2026-10-01", "10/02/2026"],
        });

        Assert.Equal(["/timeZone", "/weeklyHours/2/day", "/weeklyHours/2/start", "/weeklyHours/2/end", "/weeklyHours/1", "/holidays/1"],
            problems.Select(p => p.Pointer));
    }

    [Theory]
    [InlineData("../../../../etc/localtime")]
    [InlineData("/etc/localtime")]
    [InlineData("Asia/../Asia/Shanghai")]
    [InlineData("Asia/Shanghai\n")]
    public void A_time_zone_must_look_like_an_iana_name_before_it_is_looked_up(string zone) =>
        Assert.Equal(["/timeZone"], SlaDocumentRules.Check(SlaPlans.Calendar with { TimeZone = zone }).Select(p => p.Pointer));
}
