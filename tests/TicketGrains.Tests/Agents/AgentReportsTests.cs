using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.Agents;
using Xunit;

namespace TicketGrains.Tests.Agents;

public sealed class AgentReportsTests
{
    private static readonly Guid Activation = Guid.NewGuid();

    [Fact]
    public void An_earlier_report_of_the_same_activation_is_overtaken_by_a_later_one()
    {
        Assert.Equal([true, false, false], new[]
        {
            AgentReports.IsOvertaken(Report(Activation, 4), by: Report(Activation, 5)),
            AgentReports.IsOvertaken(Report(Activation, 5), by: Report(Activation, 4)),
            AgentReports.IsOvertaken(Report(Activation, 5), by: Report(Activation, 5)),
        });
    }

    [Fact]
    public void Reports_of_another_activation_or_of_no_known_one_are_never_overtaken()
    {
        Assert.Equal([false, false], new[]
        {
            AgentReports.IsOvertaken(Report(Guid.NewGuid(), 1), by: Report(Activation, 9)),
            AgentReports.IsOvertaken(Report(Guid.Empty, 1), by: Report(Guid.Empty, 9)),
        });
    }

    private static AgentStatus Report(Guid reporter, long sequence) =>
        new("ann", "online", DateTimeOffset.MaxValue, new Dictionary<string, int>(), Limited: true, new Dictionary<string, int> { ["chat"] = 1 }, null)
        {
            Reporter = reporter,
            Sequence = sequence,
        };
}
